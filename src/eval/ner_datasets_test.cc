#include "eval/ner_datasets.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace depeche::eval {
namespace {

using extract::NerLabel;

class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    static int counter = 0;
    std::string dir = ::testing::TempDir();
    if (!dir.empty() && dir.back() != '/') dir += '/';
    path_ = dir + "depeche_ner_data_" + std::to_string(getpid()) + "_" + std::to_string(counter++) +
            ".txt";
    std::ofstream(path_) << content;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::vector<std::string> Names(const std::vector<NerLabel>& labels) {
  std::vector<std::string> out;
  for (NerLabel l : labels) out.emplace_back(extract::NerLabelName(l));
  return out;
}

TEST(NerDatasetsTest, WikiNeuralTabsOneDocumentPerSentence) {
  TempFile f(
      "0\tOn\tO\n1\tla\tO\n2\tvoit\tO\n3\tau\tO\n4\tPakistan\tB-LOC\n\n0\tJean\tB-PER\n"
      "1\tDupont\tI-PER\n\n");
  auto docs = ReadNerData(f.path(), NerFormat::kConll);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].sentences[0].words[4], "Pakistan");
  EXPECT_EQ(Names((*docs)[1].sentences[0].labels), (std::vector<std::string>{"B-PER", "I-PER"}));
}

TEST(NerDatasetsTest, DocstartGroupsSentencesAndIob1BecomesIob2) {
  TempFile f(
      "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP "
      "I-PER\nBlackburn NNP I-NP I-PER\nLondon NNP I-NP I-LOC\n\n-DOCSTART- -X- O O\n\n"
      "Hi UH O O\n");
  auto docs = ReadNerData(f.path(), NerFormat::kConll);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 2u);
  ASSERT_EQ((*docs)[0].sentences.size(), 2u);
  EXPECT_EQ(Names((*docs)[0].sentences[0].labels), (std::vector<std::string>{"B-ORG", "O"}));
  // IOB1: I-LOC after I-PER starts a new chunk.
  EXPECT_EQ(Names((*docs)[0].sentences[1].labels),
            (std::vector<std::string>{"B-PER", "I-PER", "B-LOC"}));
}

TEST(NerDatasetsTest, EuropeanaSegmentsLongRuns) {
  std::string content;
  for (int i = 0; i < 45; ++i) content += "mot O\n";
  content += ". O\nParis I-LOC\n";
  TempFile f(content);
  auto docs = ReadNerData(f.path(), NerFormat::kEuropeana);
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[1].sentences[0].words, (std::vector<std::string>{"Paris"}));
  EXPECT_EQ(Names((*docs)[1].sentences[0].labels), (std::vector<std::string>{"B-LOC"}));
}

TEST(NerDatasetsTest, HipeDocumentsSentencesAndTypes) {
  TempFile f(
      "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\t"
      "NE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n"
      "# hipe2022:document_id = doc-a\n"
      "M.\tB-pers\tO\tO\tO\tO\tO\tNIL\t_\t_\n"
      "Thiers\tI-pers\tO\tO\tO\tO\tO\tQ1\t_\tNoSpaceAfter|EndOfSentence\n"
      "le\tB-time\tO\tO\tO\tO\tO\t_\t_\t_\n"
      "Havre\tB-loc\tO\tO\tO\tO\tO\t_\t_\tEndOfSentence\n"
      "# hipe2022:document_id = doc-b\n"
      "Figaro\tB-prod\tO\tO\tO\tO\tO\t_\t_\t_\n");
  auto docs = ReadNerData(f.path(), NerFormat::kHipe);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].id, "doc-a");
  ASSERT_EQ((*docs)[0].sentences.size(), 2u);
  EXPECT_EQ(Names((*docs)[0].sentences[1].labels), (std::vector<std::string>{"O", "B-LOC"}));
  EXPECT_EQ(Names((*docs)[1].sentences[0].labels), (std::vector<std::string>{"B-MISC"}));
}

TEST(NerDatasetsTest, ErrorsNameFileAndLine) {
  TempFile f("Paris B-LOC\nRome B-CITY\n");
  auto docs = ReadNerData(f.path(), NerFormat::kConll);
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(docs.status().message().find(f.path() + ":2"), std::string::npos);
  EXPECT_EQ(ReadNerData(f.path() + ".absent", NerFormat::kConll).status().code(),
            StatusCode::kNotFound);
  EXPECT_FALSE(ParseNerFormat("xml").ok());
}

TEST(NerDatasetsTest, SlicesPartitionTheSentences) {
  std::vector<NerGoldDocument> docs(3);
  for (int d = 0; d < 3; ++d) {
    docs[d].id = std::to_string(d);
    for (int s = 0; s < 2; ++s) docs[d].sentences.push_back({{std::to_string(d * 2 + s)}, {0}});
  }
  auto head = SliceSentences(docs, 0, 0.5);
  auto tail = SliceSentences(docs, 0.5, 1);
  ASSERT_EQ(head.size(), 2u);  // sentences 0, 1, 2
  EXPECT_EQ(head[1].sentences.size(), 1u);
  ASSERT_EQ(tail.size(), 2u);  // sentences 3, 4, 5
  EXPECT_EQ(tail[0].sentences[0].words[0], "3");
  auto slice = ParseNerSlice("0.8:1");
  ASSERT_TRUE(slice.ok());
  EXPECT_DOUBLE_EQ(slice->first, 0.8);
  EXPECT_FALSE(ParseNerSlice("1:0.5").ok());
  EXPECT_FALSE(ParseNerSlice("0.5").ok());
  EXPECT_FALSE(ParseNerSlice("a:1").ok());
}

}  // namespace
}  // namespace depeche::eval
