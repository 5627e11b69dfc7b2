#include "store/exact_rerank.h"

#include <gtest/gtest.h>

namespace depeche::store {
namespace {

TEST(ExactRerankTest, FoldedQueryWords) {
  EXPECT_EQ(FoldedQueryWords("Négociations  GENÈVE, l’Ukraine"),
            (std::vector<std::string>{"negociations", "geneve", "l", "ukraine"}));
  EXPECT_TRUE(FoldedQueryWords(" ,; ").empty());
}

TEST(ExactRerankTest, WholeWordsOnlyAfterFolding) {
  std::vector<std::string> words = {"negociations", "geneve"};
  EXPECT_DOUBLE_EQ(ExactWordShare(words, "", "Les négociations de Genève."), 1.0);
  EXPECT_DOUBLE_EQ(ExactWordShare(words, "À Genève", "Il faut négocier."), 0.5);
  EXPECT_DOUBLE_EQ(ExactWordShare(words, "", "renegociationsx genevema"), 0.0);
  EXPECT_DOUBLE_EQ(ExactWordShare({}, "a", "b"), 0.0);
}

}  // namespace
}  // namespace depeche::store
