#include "ingest/html_hints.h"

#include <gtest/gtest.h>

namespace depeche::ingest {
namespace {

TEST(HtmlHintsTest, BoilerplateAndContentNames) {
  EXPECT_TRUE(HintsOfNames("social-share-bar").junk);
  EXPECT_TRUE(HintsOfNames("ad-slot top").junk);
  EXPECT_TRUE(HintsOfNames("dfp ads").junk);
  EXPECT_FALSE(HintsOfNames("header-load shadow").junk);     // "ad" only as a whole word
  EXPECT_TRUE(HintsOfNames("main-menu").unlikely == false);  // "main" rescues, as in Readability
  EXPECT_TRUE(HintsOfNames("site-menu").unlikely);
  EXPECT_GT(HintsOfNames("article-body").weight, 0);
  EXPECT_LT(HintsOfNames("sidebar").weight, 0);
  EXPECT_EQ(HintsOfNames("").weight, 0);
}

}  // namespace
}  // namespace depeche::ingest
