#include "eval/alias_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace depeche::eval {
namespace {

// A synthetic HIPE-2022 file (written here, not copied from the data set): two documents, the
// same person as "Antony Blinken" and "M. Blinken", a place in two languages, a NIL mention.
constexpr char kHipe[] =
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\t"
    "NEL-LIT\tNEL-METO\tMISC\n"
    "# hipe2022:document_id = doc-1\n"
    "# hipe2022:language = fr\n"
    "Antony\tB-pers\tO\tO\tO\tO\tO\tQ1\t_\t_\n"
    "Blinken\tI-pers\tO\tO\tO\tO\tO\tQ1\t_\t_\n"
    "est\tO\tO\tO\tO\tO\tO\t_\t_\t_\n"
    "en\tO\tO\tO\tO\tO\tO\t_\t_\t_\n"
    "Russie\tB-loc\tO\tO\tO\tO\tO\tQ159\t_\tNoSpaceAfter\n"
    ".\tO\tO\tO\tO\tO\tO\t_\t_\t_\n"
    "# hipe2022:document_id = doc-2\n"
    "M.\tB-pers\tO\tO\tO\tO\tO\tQ1\t_\t_\n"
    "Blinken\tI-pers\tO\tO\tO\tO\tO\tQ1\t_\t_\n"
    "a\tO\tO\tO\tO\tO\tO\t_\t_\t_\n"
    "vu\tO\tO\tO\tO\tO\tO\t_\t_\t_\n"
    "Jean\tB-pers\tO\tO\tO\tO\tO\tNIL\t_\t_\n"
    "Dupont\tI-pers\tO\tO\tO\tO\tO\tNIL\t_\t_\n"
    "en\tO\tO\tO\tO\tO\tO\t_\t_\t_\n"
    "Russia\tB-loc\tO\tO\tO\tO\tO\tQ159\t_\t_\n";

class AliasEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("depeche_alias_eval_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "sample.tsv").string();
    std::ofstream(path_) << kHipe;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(AliasEvalTest, ReadsDocumentsMentionsAndQids) {
  auto docs = ReadHipeFile(path_);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  const HipeDocument& d1 = (*docs)[0];
  EXPECT_EQ(d1.id, "doc-1");
  EXPECT_EQ(d1.article.text, "Antony Blinken est en Russie.");
  ASSERT_EQ(d1.mentions.size(), 2u);
  EXPECT_EQ(d1.mentions[0].surface, "Antony Blinken");
  EXPECT_EQ(d1.mentions[0].type, extract::EntityType::kPerson);
  EXPECT_EQ(d1.mentions[1].surface, "Russie");
  EXPECT_EQ(d1.qids, (std::vector<std::string>{"Q1", "Q159"}));
  EXPECT_EQ((*docs)[1].qids[1], "NIL");
}

TEST_F(AliasEvalTest, ClustersAcrossDocumentsAndLanguages) {
  auto gazetteer = extract::Gazetteer::Load(DEPECHE_SOURCE_DIR "/data");
  ASSERT_TRUE(gazetteer.ok());
  auto report = EvaluateHipeAliases(**gazetteer, path_, NilPolicy::kExclude);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->documents, 2u);
  EXPECT_EQ(report->nil_mentions, 1u);
  EXPECT_EQ(report->scores.mentions, 4u);
  EXPECT_DOUBLE_EQ(report->scores.b3.f1, 1.0);  // Blinken x2 (M. stripped), Russie/Russia
  auto with_nil = EvaluateHipeAliases(**gazetteer, path_, NilPolicy::kSingleton);
  ASSERT_TRUE(with_nil.ok());
  EXPECT_EQ(with_nil->scores.mentions, 5u);
  EXPECT_EQ(with_nil->scores.gold_clusters, 3u);
}

TEST_F(AliasEvalTest, MalformedRowNamesFileAndLine) {
  std::ofstream(path_) << "# hipe2022:document_id = d\nonly\ttwo\n";
  auto docs = ReadHipeFile(path_);
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(docs.status().message().find("sample.tsv:2"), std::string::npos);
}

}  // namespace
}  // namespace depeche::eval
