// Document dates (issue 11): every article's best publication date, with its provenance. A
// stated day (metadata, URL, dateline) is the date. An article that states no day, or only its
// month or year (like the seeds), is dated by what its text says, read against its story:
//   1. on its own: within its stated month or year, or around the explicit dates it gives
//      ("20 janvier 2022"; "jeudi 17 février" in a story that states its year), the day that
//      makes its expressions most consistent (InferPublicationDay), when not ambiguous;
//   2. with its story: within its stated period, or around the days its story's articles are
//      dated, the day at which its expressions also meet the days those articles cite
//      ("vendredi" read as the Friday they name, a day several cite counting more). Articles
//      that state their month are placed first, then the surest placement; each placed
//      article's days join the cited ones before the next (ties to the lower id), so the
//      result depends on the story's members only, never on their order.
// An inferred day lies within the stated month or year and never replaces a stated day.
#ifndef DEPECHE_EXTRACT_DOCUMENT_DATES_H_
#define DEPECHE_EXTRACT_DOCUMENT_DATES_H_

#include <optional>
#include <string>
#include <vector>

#include "depeche/article.h"
#include "extract/timex.h"

namespace depeche::extract {

// One article of a story, as dating needs it.
struct DatingInput {
  std::string id;              // the article id (orders the articles placed in step 2)
  PublicationDate stated;      // Article::published
  std::string stated_source;   // Article::published_source
  std::vector<Timex> timexes;  // its expressions (forms and tenses are what count)
};

// The date `published` gives when it names the day (provenance `source`, "metadata" when
// empty); else an unknown date, or the stated month or year with that provenance.
ArticleDate StatedDate(const PublicationDate& published, const std::string& source);

// The best date of each article of one story (same order as `articles`). Pure.
std::vector<ArticleDate> DateStoryArticles(const std::vector<DatingInput>& articles);

// The day an ArticleDate gives, when it gives one.
std::optional<CivilDay> DayOfDate(const ArticleDate& date);

// `timexes` resolved again against `day` (their forms and tenses kept).
void ResolveTimexes(std::vector<Timex>& timexes, const std::optional<CivilDay>& day);

// Between the tagger's Timex and the stored TemporalExpression (tense "past", "future", "").
TemporalExpression ToExpression(const Timex& timex);
Timex FromExpression(const TemporalExpression& expression);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_DOCUMENT_DATES_H_
