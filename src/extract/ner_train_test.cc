#include "extract/ner_train.h"

#include <gtest/gtest.h>

#include <fstream>

#include "extract/ner_tagger.h"
#include "extract/ner_test_util.h"

namespace depeche::extract {
namespace {

using testing_util::TempPath;
using testing_util::ToyCorpus;
using testing_util::ToySentence;

TEST(NerTrainTest, LearnsTheToyCorpus) {
  NerTrainOptions options;
  options.epochs = 5;
  options.header["lang"] = "en";
  std::vector<double> accuracy;
  options.progress = [&accuracy](int, double a) { accuracy.push_back(a); };
  auto model = TrainNerModel(ToyCorpus(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ASSERT_EQ(accuracy.size(), 5u);
  EXPECT_GT(accuracy.back(), accuracy.front());
  EXPECT_EQ(model->Get("epochs"), "5");
  EXPECT_EQ(model->lang(), "en");
  // A new combination of known names in a known frame.
  NerTagger tagger(std::move(model).value());
  NerTrainingSentence s =
      ToySentence("Mr Wilson/B-PER met the staff of Hooli/B-ORG Corp/I-ORG in Oslo/B-LOC .");
  std::vector<std::string_view> words(s.words.begin(), s.words.end());
  auto labels = tagger.TagWords({words});
  EXPECT_EQ(labels[0], s.labels);
}

TEST(NerTrainTest, SameDataSameModelBytes) {
  NerTrainOptions options;
  options.epochs = 3;
  auto a = TrainNerModel(ToyCorpus(), options);
  auto b = TrainNerModel(ToyCorpus(), options);
  ASSERT_TRUE(a.ok() && b.ok());
  TempPath pa(".model"), pb(".model");
  ASSERT_TRUE(a->Save(pa.path()).ok());
  ASSERT_TRUE(b->Save(pb.path()).ok());
  const std::string sa = testing_util::ReadBytes(pa.path());
  const std::string sb = testing_util::ReadBytes(pb.path());
  EXPECT_FALSE(sa.empty());
  EXPECT_EQ(sa, sb);
  // Another seed orders the sentences differently: the averaged weights differ.
  options.seed = 2;
  auto c = TrainNerModel(ToyCorpus(), options);
  ASSERT_TRUE(c.ok());
  TempPath pc(".model");
  ASSERT_TRUE(c->Save(pc.path()).ok());
  const std::string sc = testing_util::ReadBytes(pc.path());
  EXPECT_NE(sa, sc);
}

TEST(NerTrainTest, RejectsBrokenInput) {
  NerTrainOptions options;
  EXPECT_EQ(TrainNerModel({}, options).status().code(), StatusCode::kInvalidArgument);
  NerTrainingDocument doc;
  doc.sentences.push_back(ToySentence("in Paris/I-LOC ."));  // I- without B-
  EXPECT_EQ(TrainNerModel({doc}, options).status().code(), StatusCode::kInvalidArgument);
  doc.sentences[0] = ToySentence("in Paris/B-LOC .");
  doc.sentences[0].labels.pop_back();
  EXPECT_EQ(TrainNerModel({doc}, options).status().code(), StatusCode::kInvalidArgument);
}

TEST(NerTrainTest, MinFeatureCountShrinksTheModel) {
  NerTrainOptions options;
  options.epochs = 2;
  auto all = TrainNerModel(ToyCorpus(), options);
  options.min_feature_count = 3;
  auto pruned = TrainNerModel(ToyCorpus(), options);
  ASSERT_TRUE(all.ok() && pruned.ok());
  EXPECT_LT(pruned->rows(), all->rows());
}

}  // namespace
}  // namespace depeche::extract
