#include "extract/ner_tagger.h"

#include <gtest/gtest.h>

#include "extract/ner_test_util.h"
#include "extract/ner_tokens.h"
#include "extract/ner_train.h"

namespace depeche::extract {
namespace {

using testing_util::TempPath;
using testing_util::ToyCorpus;
using testing_util::ToySentence;

std::vector<std::string> Words(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(NerTokenizeTest, KeepsPunctuationAndHyphenatedNames) {
  const std::string text = "Il a vu « l’Union » aux États-Unis, hier.\nDeuxième phrase";
  auto sentences = NerTokenize(text, "fr");
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(Words(text, sentences[0]),
            (std::vector<std::string>{"Il", "a", "vu", "«", "l’", "Union", "»", "aux", "États-Unis",
                                      ",", "hier", "."}));
  EXPECT_EQ(Words(text, sentences[1]), (std::vector<std::string>{"Deuxième", "phrase"}));
  EXPECT_TRUE(NerTokenize("", "fr").empty());
  EXPECT_TRUE(NerTokenize(" . ", "fr").empty());
}

TEST(NerChunksTest, ChunksOfABioSequence) {
  const NerLabel bp = BeginLabel(EntityType::kPerson), ip = InsideLabel(EntityType::kPerson);
  const NerLabel bl = BeginLabel(EntityType::kPlace);
  EXPECT_EQ(
      NerChunks({kOutside, bp, ip, bl, bp, kOutside}),
      (std::vector<NerChunk>{
          {1, 3, EntityType::kPerson}, {3, 4, EntityType::kPlace}, {4, 5, EntityType::kPerson}}));
  EXPECT_TRUE(NerChunks({}).empty());
}

NerModel ToyModel() {
  NerTrainOptions options;
  options.epochs = 5;
  options.header["lang"] = "en";
  // "Monday" tagged as a person: the calendar filter must still drop it.
  std::vector<NerTrainingDocument> docs = ToyCorpus();
  for (int i = 0; i < 6; ++i) {
    NerTrainingDocument d;
    d.sentences.push_back(ToySentence("Mr Monday/B-PER said so ."));
    docs.push_back(std::move(d));
  }
  return TrainNerModel(docs, options).value();
}

TEST(NerTaggerTest, MentionsWithByteSpansInTitleAndText) {
  NerTagger tagger(ToyModel());
  const std::string title = "Mr Wilson met the staff of Hooli Corp in Oslo";
  const std::string text = "Résumé. Mr Jones met the staff of Acme Corp in Vienna.";
  std::vector<Mention> mentions = tagger.Tag(title, text, "en");
  ASSERT_GE(mentions.size(), 4u);
  for (const Mention& m : mentions) {
    const std::string& source = m.in_title ? title : text;
    ASSERT_LE(m.span.end, source.size());
    EXPECT_EQ(m.surface, source.substr(m.span.begin, m.span.end - m.span.begin));
  }
  EXPECT_TRUE(mentions[0].in_title);
  EXPECT_EQ(mentions[0].surface, "Wilson");
  EXPECT_EQ(mentions[0].type, EntityType::kPerson);
  bool vienna = false;
  for (const Mention& m : mentions) {
    if (m.surface == "Vienna") {
      vienna = true;
      EXPECT_FALSE(m.in_title);
      EXPECT_EQ(m.type, EntityType::kPlace);
      EXPECT_EQ(m.span.begin, text.find("Vienna"));
    }
  }
  EXPECT_TRUE(vienna);
}

TEST(NerTaggerTest, CalendarWordsAreNeverNamesOnTheirOwn) {
  NerModel model = ToyModel();
  NerTaggerOptions keep;
  keep.drop_calendar_words = false;
  NerTagger raw(model, keep);
  NerTagger filtered(model);
  std::vector<std::string_view> words = {"Mr", "Monday", "said", "so", "."};
  EXPECT_EQ(raw.TagWords({words})[0][1], BeginLabel(EntityType::kPerson));
  EXPECT_EQ(filtered.TagWords({words})[0][1], kOutside);
}

TEST(NerTaggerTest, LoadReportsAMissingModelAsNotFound) {
  TempPath path(".model");
  auto tagger = NerTagger::Load(path.path());
  EXPECT_EQ(tagger.status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(ToyModel().Save(path.path()).ok());
  auto loaded = NerTagger::Load(path.path());
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->model().lang(), "en");
}

}  // namespace
}  // namespace depeche::extract
