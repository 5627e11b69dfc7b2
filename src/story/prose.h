// Whether a sentence is prose a reader can be shown on its own in a summary or a timeline: it
// ends as a sentence ends (. ! ? … possibly followed by closing quotes or brackets), and it is
// made of words, not code or markup left in an article's text ("output += '<p>';", "// Scroll
// to the top", "* Add blind toggle") nor a list of tags or links. Thread-safe.
#ifndef DEPECHE_STORY_PROSE_H_
#define DEPECHE_STORY_PROSE_H_

#include <string_view>

namespace depeche::story {

bool IsProseSentence(std::string_view sentence);

}  // namespace depeche::story

#endif  // DEPECHE_STORY_PROSE_H_
