#include "extract/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/quote_tokens.h"

namespace depeche::extract {
namespace {

class QuotesTest : public ::testing::Test {
 protected:
  static const QuoteExtractor& Fr() { return Get("fr"); }
  static const QuoteExtractor& En() { return Get("en"); }

  static std::string At(std::string_view text, ByteSpan s) {
    return std::string(text.substr(s.begin, s.end - s.begin));
  }

 private:
  static const QuoteExtractor& Get(const std::string& lang) {
    static std::unique_ptr<QuoteExtractor> fr = Load("fr");
    static std::unique_ptr<QuoteExtractor> en = Load("en");
    return lang == "fr" ? *fr : *en;
  }
  static std::unique_ptr<QuoteExtractor> Load(const std::string& lang) {
    auto made = QuoteExtractor::Create(DEPECHE_SOURCE_DIR "/data", lang);
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? std::move(*made) : nullptr;
  }
};

TEST_F(QuotesTest, FrenchQuoteInterruptedByItsReportingClauseIsOneQuote) {
  const std::string text =
      "« Si Moscou veut rassurer ses voisins », a déclaré M. Blinken, « elle doit rappeler "
      "ses soldats ».";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  const Quote& q = quotes[0];
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  ASSERT_EQ(q.content.size(), 2u);
  EXPECT_EQ(At(text, q.content[0]), " Si Moscou veut rassurer ses voisins ");
  EXPECT_EQ(At(text, q.content[1]), " elle doit rappeler ses soldats ");
  EXPECT_EQ(At(text, q.cue), "déclaré");
  EXPECT_EQ(q.speaker_kind, SpeakerKind::kName);
  EXPECT_EQ(At(text, q.speaker), "M. Blinken");
}

TEST_F(QuotesTest, FrenchInvertedPronounTakesThePreviousSpeaker) {
  const std::string text =
      "« Je ne sais pas si ces échanges aboutiront », a déclaré Sergueï Lavrov.\n"
      "« Nous attendons une réponse écrite », a-t-il ajouté.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(At(text, quotes[0].speaker), "Sergueï Lavrov");
  EXPECT_EQ(quotes[1].speaker_kind, SpeakerKind::kPronoun);
  EXPECT_EQ(At(text, quotes[1].speaker), "il");
  EXPECT_EQ(At(text, quotes[1].cue), "ajouté");
  EXPECT_EQ(quotes[1].antecedent, 0);
}

TEST_F(QuotesTest, FrenchAppositionKeepsTheName) {
  const std::string text =
      "« Nous restons ouverts au dialogue », a dit le porte-parole du département d'Etat, Ned "
      "Price.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker_kind, SpeakerKind::kName);
  EXPECT_EQ(At(text, quotes[0].speaker), "le porte-parole du département d'Etat, Ned Price");
  EXPECT_EQ(At(text, quotes[0].name), "Ned Price");
}

TEST_F(QuotesTest, FrenchUnnamedOfficialIsADescription) {
  const std::string text =
      "Un haut responsable du département d'État a indiqué que les discussions se "
      "poursuivraient la semaine prochaine.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(quotes[0].speaker_kind, SpeakerKind::kDescription);
  EXPECT_EQ(At(text, quotes[0].speaker), "Un haut responsable du département d'État");
  EXPECT_EQ(At(text, quotes[0].cue), "indiqué");
  EXPECT_EQ(At(text, quotes[0].content[0]),
            "que les discussions se poursuivraient la semaine prochaine");
}

TEST_F(QuotesTest, FrenchSelonIsIndirect) {
  const std::string text = "Selon Washington, plus de 150 000 soldats sont massés à la frontière.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(At(text, quotes[0].speaker), "Washington");
  EXPECT_EQ(At(text, quotes[0].content[0]), "plus de 150 000 soldats sont massés à la frontière");
}

TEST_F(QuotesTest, FrenchColonBeforeTheQuote) {
  const std::string text = "Joe Biden a prévenu : « Nous répondrons avec fermeté. »";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(At(text, quotes[0].speaker), "Joe Biden");
  EXPECT_EQ(At(text, quotes[0].cue), "prévenu");
}

TEST_F(QuotesTest, EnglishSpeakerAfterOrBeforeTheCue) {
  const std::string text =
      "“We are ready,” Blinken said. “We will not be intimidated,” said Ned Price, the "
      "spokesman.";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(At(text, quotes[0].content[0]), "We are ready,");
  EXPECT_EQ(At(text, quotes[0].speaker), "Blinken");
  EXPECT_EQ(At(text, quotes[1].speaker), "Ned Price");
  EXPECT_EQ(quotes[1].speaker_kind, SpeakerKind::kName);
}

TEST_F(QuotesTest, EnglishPronounAndAntecedent) {
  const std::string text =
      "“Diplomacy is the only way,” a senior State Department official told reporters.\n"
      "“There is still time,” he said.";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker_kind, SpeakerKind::kDescription);
  EXPECT_EQ(At(text, quotes[0].speaker), "a senior State Department official");
  EXPECT_EQ(quotes[1].speaker_kind, SpeakerKind::kPronoun);
  EXPECT_EQ(quotes[1].antecedent, 0);
}

TEST_F(QuotesTest, PronounWithoutAntecedentTwoParagraphsBack) {
  const std::string text =
      "“Diplomacy is the only way,” Blinken said.\nTroops moved.\nMore troops moved.\n"
      "“There is still time,” he said.";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker_kind, SpeakerKind::kPronoun);
  EXPECT_EQ(quotes[1].antecedent, -1);
  EXPECT_TRUE(quotes[1].name.empty());
}

TEST_F(QuotesTest, EnglishIndirectSpeechKinds) {
  const std::string text =
      "Biden said that Russia could invade at any time. The talks failed, a source said. "
      "According to the Pentagon, 150,000 troops are deployed.";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 3u);
  for (const Quote& q : quotes) EXPECT_EQ(q.kind, QuoteKind::kIndirect);
  EXPECT_EQ(At(text, quotes[0].content[0]), "that Russia could invade at any time");
  EXPECT_EQ(At(text, quotes[0].speaker), "Biden");
  EXPECT_EQ(At(text, quotes[1].content[0]), "The talks failed");
  EXPECT_EQ(At(text, quotes[1].speaker), "a source");
  EXPECT_EQ(At(text, quotes[2].speaker), "the Pentagon");
  EXPECT_EQ(At(text, quotes[2].content[0]), "150,000 troops are deployed");
}

TEST_F(QuotesTest, MultiParagraphQuoteReopened) {
  const std::string text =
      "“We will defend every inch,” Biden said. “Our allies stand with us.\n"
      "“And we will not waver.”";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  ASSERT_EQ(quotes[0].content.size(), 2u);
  EXPECT_EQ(At(text, quotes[0].content[1]), "Our allies stand with us.\n“And we will not waver.");
  EXPECT_EQ(At(text, quotes[0].speaker), "Biden");
}

TEST_F(QuotesTest, NestedQuotesStayInside) {
  const std::string text = "“He told me ‘never again’ and left,” Smith said.";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(At(text, quotes[0].content[0]), "He told me ‘never again’ and left,");
}

TEST_F(QuotesTest, PartialQuoteInAReportAndTitlesIgnored) {
  const std::string text =
      "Trump called the deal “a disaster” on Monday. He watched “Morning Joe” later.";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(At(text, quotes[0].content[0]), "a disaster");
  EXPECT_EQ(At(text, quotes[0].speaker), "Trump");
}

TEST_F(QuotesTest, ScareQuotesWithoutCueAreNoQuotation) {
  const std::string text = "The so-called “peacekeepers” crossed the border.";
  EXPECT_TRUE(En().Extract(text).empty());
}

TEST_F(QuotesTest, ParticipleCueTakesTheSubject) {
  const std::string text =
      "During a speech, Trump attacked Clinton for her record, saying, “She is unstable.”";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(At(text, quotes[0].cue), "saying");
  EXPECT_EQ(At(text, quotes[0].speaker), "Trump");
}

TEST_F(QuotesTest, InsertedPhraseBetweenSpeakerAndCue) {
  const std::string text = "Hillary Clinton, at a later press gaggle, said, “I have been briefed.”";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(At(text, quotes[0].speaker), "Hillary Clinton");
}

TEST_F(QuotesTest, DashSignatureWithoutCue) {
  const std::string text = "“He makes simple blanket statements.” — Pamela Padilla\n";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_TRUE(quotes[0].cue.empty());
  EXPECT_EQ(At(text, quotes[0].speaker), "Pamela Padilla");
}

TEST_F(QuotesTest, MostlyQuotedReportIsDirect) {
  const std::string text = "Trump said that voter fraud is “a big, big problem in this country.”";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kDirect);
  ASSERT_EQ(quotes[0].partial.size(), 1u);
  EXPECT_EQ(At(text, quotes[0].partial[0]), "a big, big problem in this country.");
  const std::string mostly_reported =
      "Trump said that voter fraud, which he has raised at every rally this autumn, is a “big "
      "problem.”";
  const std::vector<Quote> reported = En().Extract(mostly_reported);
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0].kind, QuoteKind::kIndirect);
}

TEST_F(QuotesTest, DescriptionEndingWithANameIsAName) {
  const std::string text =
      "Le président américain Joe Biden a déclaré que la Russie paierait un lourd tribut.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker_kind, SpeakerKind::kName);
  EXPECT_EQ(At(text, quotes[0].speaker), "Le président américain Joe Biden");
  EXPECT_EQ(At(text, quotes[0].name), "Joe Biden");
}

TEST_F(QuotesTest, LostOpeningMarkOpensTheParagraph) {
  // Machine translation dropped the opening « : the quote runs from the paragraph's start.
  const std::string text =
      "Blinken a rencontré Lavrov.\n"
      "Nous avons écouté nos homologues. M. Lavrov me l'a redit », a déclaré "
      "Blinken.\n"
      "Il pleut », dit la météo.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_GE(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(At(text, quotes[0].content[0]),
            "Nous avons écouté nos homologues. M. Lavrov me l'a redit ");
  EXPECT_EQ(At(text, quotes[0].speaker), "Blinken");
  // Without a reporting clause after it, a lone closing mark opens nothing.
  const std::string lone = "Le mot est lâché ». Il pleut.";
  EXPECT_TRUE(Fr().Extract(lone).empty());
}

TEST_F(QuotesTest, ClosingMarkWrittenAsOpeningMark) {
  const std::string text =
      "Elle a déclaré que « le Kremlin n'a rien appris » et qu' »une invasion serait un "
      "bourbier ».";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  ASSERT_EQ(quotes[0].partial.size(), 2u);
  EXPECT_EQ(At(text, quotes[0].partial[1]), "une invasion serait un bourbier ");
}

TEST_F(QuotesTest, StraightQuoteBeforeACommaCloses) {
  const std::string text =
      "\" Poutine a le pouvoir de désamorcer cette crise \", a déclaré le fonctionnaire.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(At(text, quotes[0].content[0]), " Poutine a le pouvoir de désamorcer cette crise ");
  EXPECT_EQ(At(text, quotes[0].speaker), "le fonctionnaire");
}

TEST_F(QuotesTest, DayOrAdverbBetweenCueAndSpeaker) {
  const std::string text =
      "« Nous voulons la paix », a déclaré mardi un haut responsable du département d'État.\n"
      "« Ils sont prêts », avait dit auparavant le président américain Joe Biden.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(At(text, quotes[0].speaker), "un haut responsable du département d'État");
  EXPECT_EQ(quotes[0].speaker_kind, SpeakerKind::kDescription);
  EXPECT_EQ(At(text, quotes[1].name), "Joe Biden");
}

TEST_F(QuotesTest, PartialQuotesAfterTheirCue) {
  const std::string text =
      "Pendant ce temps, Lavrov a qualifié la rencontre de « franche et sérieuse ».\n"
      "La ministre britannique du Commerce, Liz Truss, dira à Poutine qu'il doit "
      "« cesser et repartir ».";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(At(text, quotes[0].content[0]), " franche et sérieuse ");
  EXPECT_EQ(At(text, quotes[0].cue), "qualifié");
  EXPECT_EQ(At(text, quotes[0].speaker), "Lavrov");
  EXPECT_EQ(At(text, quotes[1].content[0]), " cesser et repartir ");
  EXPECT_EQ(At(text, quotes[1].cue), "dira");
  EXPECT_EQ(quotes[1].speaker_kind, SpeakerKind::kName);
  EXPECT_EQ(At(text, quotes[1].name), "Liz Truss");
}

TEST_F(QuotesTest, PronounTakesTheSubjectOfAnEarlierSentence) {
  const std::string text =
      "Lavrov a qualifié les pourparlers de « constructifs ».\n"
      "« Nous jugerons sur les actes », a déclaré Blinken.\n"
      "Mais Lavrov a refusé de commenter la rencontre.\n"
      "« Je ne sais pas si ces échanges aboutiront », a-t-il déclaré.\n"
      "Le ministère s'est moqué de ces déclarations, et Lavrov les a démenties.\n"
      "« J'espère que chacun lira nos propositions », a-t-il déclaré.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quotes[2].speaker_kind, SpeakerKind::kPronoun);
  EXPECT_EQ(quotes[2].antecedent, -1);
  EXPECT_EQ(At(text, quotes[2].name), "Lavrov");
  EXPECT_EQ(At(text, quotes[3].name), "Lavrov");
  EXPECT_LT(quotes[3].name.begin, quotes[3].speaker.begin);
  EXPECT_GT(quotes[3].name.begin, quotes[2].speaker.end);  // the later subject
}

TEST_F(QuotesTest, SubjectThatNeverSpeaksIsNoAntecedent) {
  // "Genève" opens a sentence and speaks nowhere: the pronoun keeps the last speaker.
  const std::string text =
      "« Oui », a déclaré Blinken mardi à Genève. Genève a accueilli la réunion.\n"
      "« Non », a-t-il ajouté.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].antecedent, 0);
  EXPECT_TRUE(quotes[1].name.empty());
}

TEST_F(QuotesTest, NamesInsideAReportedClauseAreNoAntecedents) {
  const std::string text =
      "Blinken a déclaré que Lavrov a réitéré l'insistance de la Russie.\n"
      "« Nous jugerons sur les actes », a-t-il dit.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker_kind, SpeakerKind::kPronoun);
  EXPECT_EQ(quotes[1].antecedent, 0);
  EXPECT_TRUE(quotes[1].name.empty());
}

TEST_F(QuotesTest, CueWithoutSpeakerTakesThePreviousSubject) {
  const std::string text =
      "Mais Anthony Blinken a déclaré hier qu'il ne remettrait aucun document.\n"
      "« Nous devons voir où nous en sommes », expliquant que certaines demandes sont "
      "« vouées à l'échec ».";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(At(text, quotes[0].cue), "expliquant");
  EXPECT_EQ(At(text, quotes[0].speaker), "Anthony Blinken");
  // The cue's own clause is reported too, by the same speaker, with its quoted words.
  EXPECT_EQ(At(text, quotes[1].cue), "expliquant");
  EXPECT_EQ(At(text, quotes[1].speaker), "Anthony Blinken");
  ASSERT_EQ(quotes[1].partial.size(), 1u);
}

TEST_F(QuotesTest, DefiniteDescriptionTakesUpAnEarlierRole) {
  const std::string text =
      "\"Nous voulons la paix\", a déclaré mardi un haut responsable du département d'État.\n"
      "Blinken rencontrera Lavrov vendredi.\n"
      "Le secrétaire d'État Antony Blinken a déclaré que l'heure était venue.\n"
      "\"La Russie pourrait attaquer\", a déclaré le fonctionnaire.\n"
      "La responsable a aussi alerté sur des manœuvres navales.\n"
      "\"Le fait est là\", a-t-elle détaillé.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(At(text, quotes[0].speaker), "un haut responsable du département d'État");
  EXPECT_EQ(quotes[0].antecedent, -1);
  // "le fonctionnaire": the same role as "un haut responsable", not the secretary of state.
  EXPECT_EQ(quotes[2].speaker_kind, SpeakerKind::kDescription);
  EXPECT_EQ(At(text, quotes[2].speaker), "le fonctionnaire");
  EXPECT_EQ(quotes[2].antecedent, 0);
  // "elle": the subject "La responsable" before it, whose earlier mention is quotes[0]'s.
  EXPECT_EQ(quotes[3].speaker_kind, SpeakerKind::kPronoun);
  EXPECT_EQ(quotes[3].antecedent, 0);
}

TEST_F(QuotesTest, PartialQuoteTakesTheSentenceSubjectWhenItsCueHasNone) {
  const std::string text =
      "Truss a prédit que l'invasion serait un bourbier.\n"
      "Elle utilisera un discours à Sydney pour appeler Poutine à « s'arrêter ».\n"
      "Elle prétendra que « le Kremlin n'a pas retenu les leçons de l'histoire ».";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(At(text, quotes[1].content[0]), " s'arrêter ");
  EXPECT_EQ(At(text, quotes[1].cue), "appeler");
  EXPECT_EQ(At(text, quotes[1].speaker), "Elle");
  EXPECT_EQ(quotes[1].antecedent, 0);
  EXPECT_EQ(quotes[2].antecedent, 0);  // the same pronoun goes on
}

TEST_F(QuotesTest, ReportingClauseClosesAQuoteReopenedWithItsOwnMark) {
  const std::string text =
      "« Me demandez-vous si je pense qu'il le fera ? Oui. « Mais il paiera un lourd tribut », "
      "a déclaré Joe Biden. Une « incursion mineure » a soulevé des questions.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_GE(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(At(text, quotes[0].content[0]),
            " Me demandez-vous si je pense qu'il le fera ? Oui. « Mais il paiera un lourd tribut ");
  EXPECT_EQ(At(text, quotes[0].speaker), "Joe Biden");
}

TEST_F(QuotesTest, NameAfterAPrepositionIsNoApposition) {
  const std::string text =
      "En plus d'un traité sur l'Ukraine et la Géorgie, la Russie exhorte les Américains à "
      "mettre fin aux exercices.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(At(text, quotes[0].speaker), "la Russie");
  EXPECT_TRUE(quotes[0].name.empty());
}

TEST_F(QuotesTest, AnotherSpeakersReportEndsTheClause) {
  const std::string text =
      "Les séparatistes ont accusé Kiev de vouloir « pousser le conflit », tandis que le "
      "Kremlin estimait que la situation était « extrêmement dangereuse ».";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(At(text, quotes[0].cue), "accusé");
  EXPECT_EQ(At(text, quotes[0].content[0]), "Kiev de vouloir « pousser le conflit »");
  EXPECT_EQ(At(text, quotes[1].cue), "estimait");
  EXPECT_EQ(At(text, quotes[1].name), "Kremlin");
  ASSERT_EQ(quotes[1].partial.size(), 1u);
  EXPECT_EQ(At(text, quotes[1].partial[0]), " extrêmement dangereuse ");
}

TEST_F(QuotesTest, InsertedNameBeforeAnAuxiliaryAndALongObject) {
  const std::string text =
      "Le vice-ministre russe de l'Intérieur, Igor Petrov, a signifié aux diplomates étrangers "
      "réunis à Minsk que ces exercices visaient à «prévenir toute menace extérieure».";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(At(text, quotes[0].cue), "signifié");
  EXPECT_EQ(At(text, quotes[0].name), "Igor Petrov");
  ASSERT_EQ(quotes[0].partial.size(), 1u);
}

TEST_F(QuotesTest, QuotedWordsBeforeAClosingReportingClauseJoinItsQuote) {
  const std::string text =
      "Le but est l'activation « Forces maritimes » et faire face aux « risques » provenant « du "
      "ciel et de l'espace », a déclaré le ministère russe de la Défense.";
  const std::vector<Quote> quotes = Fr().Extract(text);
  ASSERT_EQ(quotes.size(), 1u);
  ASSERT_EQ(quotes[0].content.size(), 3u);
  EXPECT_EQ(At(text, quotes[0].content[0]), " Forces maritimes ");
  EXPECT_EQ(At(text, quotes[0].content[2]), " du ciel et de l'espace ");
  EXPECT_EQ(At(text, quotes[0].speaker), "le ministère russe de la Défense");
}

TEST_F(QuotesTest, EnglishDefiniteRoleTakesUpTheFirstMention) {
  const std::string text =
      "“We want peace,” a senior State Department official said.\n"
      "Blinken will meet Lavrov on Friday.\n"
      "“Putin can defuse this crisis,” the official told reporters.";
  const std::vector<Quote> quotes = En().Extract(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(At(text, quotes[0].speaker), "a senior State Department official");
  EXPECT_EQ(At(text, quotes[1].speaker), "the official");
  EXPECT_EQ(quotes[1].speaker_kind, SpeakerKind::kDescription);
  EXPECT_EQ(quotes[1].antecedent, 0);
}

TEST(QuoteLexiconTest, ErrorsNameTheLine) {
  auto bad = QuoteLexicon::Parse("@marks\n«\t»\n@verbs\nsaid\n", "x.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("x.txt:3"), std::string::npos);
  auto no_tab = QuoteLexicon::Parse("@marks\n« »\n", "y.txt");
  ASSERT_FALSE(no_tab.ok());
  EXPECT_NE(no_tab.status().ToString().find("y.txt:2"), std::string::npos);
  EXPECT_FALSE(QuoteLexicon::Parse("said\n", "z.txt").ok());
  EXPECT_FALSE(QuoteLexicon::Load("/nonexistent/quotes.txt").ok());
}

TEST(QuoteTokensTest, InversionAndApostrophes) {
  auto lex = QuoteLexicon::Parse("@marks\n«\t»\n@inversion\n-t-il\n-il\n", "t");
  ASSERT_TRUE(lex.ok());
  const std::string text = "a-t-il ajouté, d'Etat dit-il «";
  const std::vector<QuoteToken> t = TokenizeForQuotes(text, *lex);
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[0].lower, "a");
  EXPECT_EQ(t[1].lower, "il");
  EXPECT_TRUE(t[1].inverted);
  EXPECT_EQ(t[4].lower, "d'etat");
  EXPECT_EQ(t[5].lower, "dit");
  EXPECT_TRUE(t[6].inverted);
  EXPECT_EQ(t[7].type, QuoteTokenType::kMark);
}

}  // namespace
}  // namespace depeche::extract
