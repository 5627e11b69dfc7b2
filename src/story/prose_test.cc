#include "story/prose.h"

#include <gtest/gtest.h>

namespace depeche::story {
namespace {

TEST(ProseTest, SentencesOfWordsEndingAsSentencesEnd) {
  EXPECT_TRUE(IsProseSentence("The talks in Geneva lasted two hours."));
  EXPECT_TRUE(IsProseSentence("Will the strike end before Thursday?"));
  EXPECT_TRUE(IsProseSentence("« Nous voulons la paix », a déclaré le ministre.\n"));
  EXPECT_TRUE(IsProseSentence("Il a répété : « Nous voulons la paix. »"));
  EXPECT_TRUE(IsProseSentence("He said the offer was \u201cinsulting.\u201d"));
  EXPECT_TRUE(IsProseSentence("Les négociations reprendront le 14 mars à 10 h 30."));
}

TEST(ProseTest, CodeMarkupListsAndFragmentsAreNot) {
  EXPECT_FALSE(IsProseSentence("output += '<p class=\"error\">ERROR: NO AJAX RESPONSE</p>';"));
  EXPECT_FALSE(IsProseSentence("// Scroll to the top of the container div"));
  EXPECT_FALSE(IsProseSentence("* Add blind toggle to the trigger to slide the box out on click"));
  EXPECT_FALSE(IsProseSentence("if (x) { y(); }."));
  EXPECT_FALSE(IsProseSentence("Photo: Reuters / John Smith"));
  EXPECT_FALSE(IsProseSentence("#Ukraine #Russia #Geneva #NATO #OSCE #EU #peace #talks #war."));
  EXPECT_FALSE(IsProseSentence(""));
  EXPECT_FALSE(IsProseSentence("   "));
}

}  // namespace
}  // namespace depeche::story
