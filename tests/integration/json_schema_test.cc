// Every command's --json output against its schema in docs/json-schema/ (docs/CLI.md, "JSON
// output"), and the conventions the schemas cannot say: the same article has the same story and
// group everywhere, offsets count characters.
#include <gtest/gtest.h>

#include <algorithm>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "entity_seed.h"
#include "json_schema_validator.h"
#include "test_util.h"

namespace depeche {
namespace {

// The byte index of each character of `s`, then its end: offsets in characters to bytes.
std::vector<size_t> CharStarts(const std::string& s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

using testing_util::DbAt;
using testing_util::FreshDir;
using testing_util::JsonSchemaValidator;

std::filesystem::path SchemaDir() {
  return std::filesystem::path(DEPECHE_SOURCE_DIR) / "docs" / "json-schema";
}

using Output = testing_util::CliRun;

// The command's stdout alone (its JSON); stderr goes to the test log.
Output Depeche(const std::string& args, const std::string& stdin_file = "") {
  return testing_util::Depeche(args, stdin_file, /*with_stderr=*/false);
}

std::string Joined(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

// Parses `run`'s output and checks it against `schema`.
nlohmann::json Conforming(JsonSchemaValidator& validator, const std::string& schema,
                          const Output& run) {
  nlohmann::json j = nlohmann::json::parse(run.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << schema << ": not JSON:\n" << run.out;
  if (j.is_discarded()) return nullptr;
  auto errors = validator.Validate(schema, j);
  EXPECT_TRUE(errors.empty()) << schema << ":\n" << Joined(errors) << run.out.substr(0, 4000);
  return j;
}

// The validator itself: each kind of violation the schemas rely on is caught.
TEST(JsonSchemaTest, ValidatorRejectsWhatTheSchemasForbid) {
  JsonSchemaValidator v(SchemaDir());
  nlohmann::json stats = {{"article_count", 87},
                          {"sources", 2},
                          {"bytes", 1000},
                          {"schema_version", 5},
                          {"db", "x.db"},
                          {"by_lang", {{"en", 87}}},
                          {"by_source", nlohmann::json::object()},
                          {"first_published", "2022-01-21T09:00:00Z"},
                          {"last_published", nullptr}};
  EXPECT_TRUE(v.Validate("stats.json", stats).empty()) << Joined(v.Validate("stats.json", stats));
  auto broken = [&](const char* key, nlohmann::json value) {
    nlohmann::json j = stats;
    j[key] = std::move(value);
    return !v.Validate("stats.json", j).empty();
  };
  EXPECT_TRUE(broken("article_count", 87.0));  // a count printed as a float
  EXPECT_TRUE(broken("first_published", ""));  // "" for a missing value
  EXPECT_FALSE(broken("first_published", "2022-01-21T14:30:00+01:00"));
  EXPECT_TRUE(broken("first_published", "2022-01-21T14:30:00+0100"));
  EXPECT_TRUE(broken("first_published", "21/01/2022"));
  EXPECT_TRUE(broken("by_lang", {{"en", 1.5}}));
  EXPECT_TRUE(broken("articles", 87));  // an old name: no additional properties
  nlohmann::json missing = stats;
  missing.erase("sources");
  EXPECT_FALSE(v.Validate("stats.json", missing).empty());
  EXPECT_FALSE(v.Validate("no-such-schema.json", stats).empty());
  // Through a $ref into common.json: an article whose id is not an id.
  nlohmann::json article = {{"id", "feed-1"}, {"title", nullptr},    {"source", nullptr},
                            {"lang", "en"},   {"published", "2022"}, {"path", nullptr},
                            {"chars", 10},    {"story_id", nullptr}, {"group_id", nullptr}};
  EXPECT_FALSE(v.Validate("articles.json", nlohmann::json::array({article})).empty());
  article["id"] = "0123456789abcdef";
  EXPECT_TRUE(v.Validate("articles.json", nlohmann::json::array({article})).empty());
}

class JsonOutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshDir("json_schema");
    db_ = "--db '" + DbAt(dir_ / "d.db") + "' ";
    const std::string geneva =
        "Élections à Genève. Les négociations reprennent lundi entre les partis du canton, qui "
        "cherchent un accord sur le budget de l'an prochain. Le Conseil d'État a présenté un "
        "compromis sur les impôts et les dépenses de santé. Les socialistes et les libéraux "
        "disent vouloir conclure avant la fin du mois.";
    std::ofstream feed(dir_ / "feed.jsonl");
    auto record = [&](nlohmann::json j) { feed << j.dump() << "\n"; };
    record({{"id", "f1"},
            {"url", "https://a.example/1"},
            {"source", "Agence A"},
            {"title", "Élections à Genève"},
            {"published", "2022-01-21T14:30:00+01:00"},
            {"lang", "fr"},
            {"text", geneva}});
    record({{"id", "f2"}, {"source", "Journal B"}, {"published", "2022-01-21"}, {"text", geneva}});
    record({{"id", "f3"},
            {"source", "Courrier C"},
            {"published", "2022-01"},
            {"text", geneva + " Le vote aura lieu jeudi."}});
    record({{"text",
             "The harvest was late this year in the north. Farmers said the rain in September "
             "kept the combines out of the fields for three weeks. \u201cWe lost about 2,000 "
             "tonnes of wheat,\u201d said Anna Berg, a farmer."}});
    feed << "{oops\n";
    feed.close();
    Output ingest =
        Depeche(db_ + "ingest --no-entities --json '" + (dir_ / "feed.jsonl").string() + "'");
    EXPECT_EQ(ingest.code, 1) << ingest.out;  // one bad line: partial
    ingest_ = Conforming(validator_, "ingest.json", ingest);
    // Entities chosen by the test, recorded through the store (ingest ran with --no-entities):
    // Genève in the title and the text (offsets after multi-byte characters), a place with
    // coordinates.
    using extract::EntityType;
    const std::string db_path = DbAt(dir_ / "d.db");
    testing_util::SeedEntities(
        db_path, "f1",
        {{0x47656e6576650001, EntityType::kPlace, "Genève", {"Genève"}, 0.9f, {}},
         {0x436f6e7365696c02,
          EntityType::kOrganization,
          "Conseil d'État",
          {"Conseil d'État"},
          0.4f,
          {}}});
    testing_util::SeedEntities(
        db_path, "f3", {{0x47656e6576650001, EntityType::kPlace, "Genève", {"Genève"}, 0.8f, {}}});
  }

  std::filesystem::path dir_;
  std::string db_;
  JsonSchemaValidator validator_{SchemaDir()};
  nlohmann::json ingest_;
};

TEST_F(JsonOutputTest, EveryCommandConformsToItsSchema) {
  ASSERT_TRUE(ingest_.is_object());
  EXPECT_EQ(ingest_["inserted"], 4);
  ASSERT_EQ(ingest_["issues"].size(), 1u) << ingest_.dump();
  EXPECT_EQ(ingest_["issues"][0]["line"], 5);

  nlohmann::json articles =
      Conforming(validator_, "articles.json", Depeche(db_ + "articles --json"));
  ASSERT_EQ(articles.size(), 4u);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& a : articles) by_id[a["id"]] = a;
  size_t quotes = 0, figures = 0;
  for (const auto& [id, a] : by_id) {
    nlohmann::json shown = Conforming(validator_, "show.json", Depeche(db_ + "show --json " + id));
    EXPECT_EQ(shown["published"], a["published"]);
    EXPECT_EQ(shown["source"], a["source"]);
    quotes += shown["quotes"].size();
    figures += shown["figures"].size();
  }
  EXPECT_GE(quotes, 2u);  // the harvest's direct and indirect quotes
  EXPECT_GE(figures, 1u);

  Conforming(validator_, "search.json", Depeche(db_ + "search --json négociations"));
  nlohmann::json filtered = Conforming(validator_, "search.json",
                                       Depeche(db_ + "search --json négociations --entity Genève"));
  EXPECT_EQ(filtered.size(), 2u);  // f1 and f3 (f2, f1's exact copy, has no entities here)

  nlohmann::json entities =
      Conforming(validator_, "entities.json", Depeche(db_ + "entities --json"));
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0]["name"], "Genève");
  EXPECT_EQ(entities[0]["article_count"], 2);
  EXPECT_TRUE(entities[0]["latitude"].is_null());
  Conforming(validator_, "entities.json", Depeche(db_ + "entities --json --type person"));
  Conforming(validator_, "entities.json", Depeche(db_ + "entities --json --since 2022-01-21"));
  for (const auto& e : entities) {
    nlohmann::json entity = Conforming(
        validator_, "entity.json", Depeche(db_ + "entity --json " + e["id"].get<std::string>()));
    EXPECT_EQ(entity["article_count"], e["article_count"]);
    EXPECT_EQ(entity["articles"].size(), e["article_count"].get<size_t>());
  }
  Conforming(validator_, "search.json", Depeche(db_ + "search --json nothingmatchesthis"));
  nlohmann::json stats = Conforming(validator_, "stats.json", Depeche(db_ + "stats --json"));
  EXPECT_EQ(stats["article_count"], 4);

  // Watches: add (with and without filters), list, matches since before the ingest (all of
  // the matches) and since now (none).
  nlohmann::json watch = Conforming(
      validator_, "watch.json",
      Depeche(db_ + "watch add --json négociations --entity Genève --lang fr --name Genève"));
  EXPECT_EQ(watch["entity"], "Genève");
  nlohmann::json plain =
      Conforming(validator_, "watch.json", Depeche(db_ + "watch add --json négociations"));
  EXPECT_TRUE(plain["name"].is_null());
  nlohmann::json watches =
      Conforming(validator_, "watches.json", Depeche(db_ + "watch list --json"));
  EXPECT_EQ(watches.size(), 2u);
  for (const auto& w : {watch, plain}) {
    const std::string id = w["id"];
    nlohmann::json matches =
        Conforming(validator_, "watch-matches.json",
                   Depeche(db_ + "watch matches --json --since 2000-01-01 " + id));
    EXPECT_EQ(matches["watch"], w);
    EXPECT_FALSE(matches["articles"].empty()) << matches.dump();
    EXPECT_FALSE(matches["stories"].empty()) << matches.dump();
    nlohmann::json none =
        Conforming(validator_, "watch-matches.json", Depeche(db_ + "watch matches --json " + id));
    EXPECT_EQ(none["since"], w["created_at"]);
  }

  nlohmann::json stories =
      Conforming(validator_, "stories.json", Depeche(db_ + "stories --sort activity --json"));
  ASSERT_FALSE(stories.empty());
  size_t lines_checked = 0;
  for (const auto& s : stories) {
    const std::string id = s["id"];
    nlohmann::json story =
        Conforming(validator_, "story.json", Depeche(db_ + "story --json " + id));
    EXPECT_EQ(story["article_count"], s["article_count"]);
    EXPECT_EQ(story["articles"].size(), s["article_count"].get<size_t>());
    Conforming(validator_, "story.json", Depeche(db_ + "story --json --since 2022-01-21 " + id));
    // Summary and timeline lines: their source's span (in characters) is the line.
    std::vector<nlohmann::json> lines(story["summary"].begin(), story["summary"].end());
    lines.insert(lines.end(), story["timeline"].begin(), story["timeline"].end());
    for (const auto& line : lines) {
      const nlohmann::json& from = line["source"];
      nlohmann::json shown = nlohmann::json::parse(
          Depeche(db_ + "show --json " + from["article_id"].get<std::string>()).out);
      const std::string text = shown["text"];
      const std::vector<size_t> starts = CharStarts(text);
      const size_t begin = from["spans"][0]["begin"], end = from["spans"][0]["end"];
      ASSERT_LT(end, starts.size());
      std::string span = text.substr(starts[begin], starts[end] - starts[begin]);
      std::replace(span.begin(), span.end(), '\n', ' ');
      EXPECT_EQ(span.substr(0, 20), line["text"].get<std::string>().substr(0, 20)) << line.dump();
      ++lines_checked;
    }
    // articles --json tells the same partition: each member's story_id and group_id.
    for (const auto& m : story["articles"]) {
      ASSERT_EQ(by_id.count(m["id"]), 1u) << m.dump();
      EXPECT_EQ(by_id[m["id"]]["story_id"], id) << m.dump();
      EXPECT_EQ(by_id[m["id"]]["group_id"], m["group_id"]) << m.dump();
      EXPECT_EQ(by_id[m["id"]]["published"], m["published"]) << m.dump();
    }
  }
  EXPECT_GT(lines_checked, 0u);
  nlohmann::json dups = Conforming(validator_, "dups.json", Depeche(db_ + "dups --json"));
  ASSERT_FALSE(dups.empty());
  for (const auto& g : dups) {
    EXPECT_EQ(g["articles"].size(), g["article_count"].get<size_t>());
    for (const auto& m : g["articles"]) EXPECT_EQ(by_id[m["id"]]["group_id"], g["group_id"]);
  }

  std::ofstream(dir_ / "lines.txt") << "Le gouvernement a présenté son budget hier soir.\n"
                                    << "\n"
                                    << "The government presented its budget last night.\n";
  Output lang = Depeche("lang --json", (dir_ / "lines.txt").string());
  ASSERT_EQ(lang.code, 0) << lang.out;
  size_t lines = 0;
  for (size_t begin = 0, end; (end = lang.out.find('\n', begin)) != std::string::npos;
       begin = end + 1, ++lines) {
    Conforming(validator_, "lang.json", Output{0, lang.out.substr(begin, end - begin)});
  }
  EXPECT_EQ(lines, 3u);

  std::ofstream(dir_ / "gold.tsv") << "fr\tLe gouvernement a présenté son budget hier soir.\n"
                                   << "en\tThe government presented its budget last night.\n";
  std::ofstream uci(dir_ / "uci-news-aggregator.csv");
  uci << "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n";
  const char* titles[] = {"Fed official says weak data caused by weather",
                          "Fed's Charles Plosser sees high bar for change in pace of tapering",
                          "Apple unveils new iPhone with a larger screen",
                          "Apple shows a bigger iPhone at its September event"};
  for (int i = 0; i < 4; ++i) {
    uci << i + 1 << ",\"" << titles[i] << "\",http://x.example/" << i << ",X,b,"
        << (i < 2 ? "dA" : "dB") << ",x.example," << 1394470370698 + i * 1000 << "\n";
  }
  uci.close();
  nlohmann::json cluster =
      Conforming(validator_, "eval-cluster.json",
                 Depeche("eval cluster --json --format uci --data '" + dir_.string() + "'"));
  ASSERT_FALSE(cluster.is_null());
  EXPECT_EQ(cluster["items"][0]["clusters_gold"], 2);

  Conforming(validator_, "eval-lang.json",
             Depeche("eval lang --json --data '" + (dir_ / "gold.tsv").string() + "'"));
}

// The evaluation commands added since: extraction on a one-page set, NER with a model trained
// here on the conlleval fixture, aliases on the seeds and on HIPE (when ../shared has them).
TEST_F(JsonOutputTest, EvalExtractNerAndAliasesConform) {
  const std::filesystem::path zyte = dir_ / "zyte";
  std::filesystem::create_directories(zyte / "html");
  const std::string body =
      "The harbour authority said on Tuesday that the new quay would open in March, after two "
      "years of works and a dispute over the dredging contract with the city council.";
  std::ofstream(zyte / "html" / "a.html")
      << "<html><body><nav><a href=/>Home</a></nav><article><h1>Harbour</h1><p>" << body
      << "</p></article></body></html>";
  std::ofstream(zyte / "ground-truth.json")
      << "{\"a\": {\"articleBody\": \"" << body << "\", \"datePublished\": \"2020-01-02\"}}";
  nlohmann::json extract =
      Conforming(validator_, "eval-extract.json",
                 Depeche("eval extract --json --data '" + zyte.string() + "'"));
  ASSERT_FALSE(extract.is_null());
  EXPECT_TRUE(extract["items"][0]["url"].is_null());  // no URL in the gold: null, not ""

  const std::string fixture =
      (std::filesystem::path(DEPECHE_SOURCE_DIR) / "tests/fixtures/ner/conlleval_fixture.txt")
          .string();
  const std::string model = (dir_ / "fixture.model").string();
  Output trained = Depeche("train ner --lang en --format conll --epochs 2 --data '" + fixture +
                           "' --out '" + model + "'");
  ASSERT_EQ(trained.code, 0) << trained.out;
  nlohmann::json ner = Conforming(
      validator_, "eval-ner.json",
      Depeche("eval ner --json --format conll --data '" + fixture + "' --model '" + model + "'"));
  ASSERT_FALSE(ner.is_null());
  EXPECT_EQ(ner["overall"]["gold"], 13);  // the fixture's chunks, whatever the model guessed

  const std::filesystem::path gold =
      std::filesystem::path(DEPECHE_SOURCE_DIR) / "tests/fixtures/seeds_entities.tsv";
  if (std::filesystem::exists(testing_util::SeedsDir())) {
    Conforming(validator_, "eval-aliases.json",
               Depeche("eval aliases --json --format seeds --no-ner --data '" +
                       testing_util::SeedsDir().string() + "' --gold '" + gold.string() + "'"));
  }
  const std::filesystem::path hipe =
      std::filesystem::path(DEPECHE_SHARED_DIR) /
      "data/hipe2022/data/v2.1/hipe2020/fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv";
  if (std::filesystem::exists(hipe)) {
    Conforming(validator_, "eval-aliases.json",
               Depeche("eval aliases --json --format hipe --data '" + hipe.string() + "'"));
  }
}

// eval timex on a hand-written gold file and a prediction with one exact, one partial and one
// spurious TIMEX3 (the counts are worked out in the comments).
TEST(JsonSchemaTest, EvalTimexConforms) {
  const std::filesystem::path dir = FreshDir("json_schema_timex");
  std::filesystem::create_directories(dir / "gold");
  std::filesystem::create_directories(dir / "pred");
  const std::string head =
      "<TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2022-01-18\" "
      "functionInDocument=\"CREATION_TIME\"/></DCT><TEXT>";
  std::ofstream(dir / "gold" / "d1.tml")
      << head
      << "Le <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-01-21\">vendredi</TIMEX3> et "
         "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2022-W04\">la semaine "
         "prochaine</TIMEX3>, pendant &quot;huit ans&quot;.</TEXT></TimeML>";
  std::ofstream(dir / "pred" / "d1.tml")
      << head
      << "Le <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-01-21\">vendredi</TIMEX3> et "
         "la <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2022-W05\">semaine</TIMEX3> "
         "prochaine, pendant &quot;huit <TIMEX3 tid=\"t3\" type=\"DURATION\" "
         "value=\"P8Y\">ans</TIMEX3>&quot;.</TEXT></TimeML>";
  JsonSchemaValidator validator(SchemaDir());
  nlohmann::json j =
      Conforming(validator, "eval-timex.json",
                 Depeche("eval timex --json --format timeml --data '" + (dir / "gold").string() +
                         "' --predictions '" + (dir / "pred").string() + "'"));
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["overall"]["counts"]["gold"], 2);
  EXPECT_EQ(j["overall"]["counts"]["system"], 3);
  EXPECT_EQ(j["overall"]["counts"]["strict"], 1);       // vendredi
  EXPECT_EQ(j["overall"]["counts"]["relaxed"], 2);      // + semaine inside la semaine prochaine
  EXPECT_EQ(j["overall"]["counts"]["value_match"], 1);  // 2022-W05 is wrong
  EXPECT_DOUBLE_EQ(j["overall"]["value"]["f1"].get<double>(), 0.5 * 0.8);  // accuracy x relaxed F1
  // depeche's own tagger on the same gold: both expressions found, resolved against the DCT
  // (Tuesday 18 January 2022), "Le vendredi" with its article as the French TimeBank marks it
  // (so not a strict match here); "huit ans" too, which this gold does not mark.
  nlohmann::json own = Conforming(validator, "eval-timex.json",
                                  Depeche("eval timex --json --format timeml --lang fr --data '" +
                                          (dir / "gold").string() + "'"));
  ASSERT_FALSE(own.is_null());
  EXPECT_EQ(own["lang"], "fr");
  EXPECT_TRUE(own["predictions"].is_null());
  EXPECT_EQ(own["overall"]["counts"]["gold"], 2);
  EXPECT_EQ(own["overall"]["counts"]["system"], 3);
  EXPECT_EQ(own["overall"]["counts"]["strict"], 1);
  EXPECT_EQ(own["overall"]["counts"]["relaxed"], 2);
  EXPECT_EQ(own["overall"]["counts"]["value_match"], 2);
}

// eval figures on a hand-written NewsQuant file: one sentence with a found and a missed
// quantity, one with a spurious figure.
TEST(JsonSchemaTest, EvalFiguresConforms) {
  const std::filesystem::path dir = FreshDir("json_schema_figures");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "gold.json")
      << R"([{"text": "Shares rose 3.2% in 1990 and seven sectors gained.", "quantities": [
              {"change": "up", "value": "3.2", "unit": "%", "normalized_unit": "percentage",
               "referred_concepts": "Shares"},
              {"change": "=", "value": "8.0", "unit": "sectors", "normalized_unit": "sector",
               "referred_concepts": "-"}]},
             {"text": "It cost $5 million.", "quantities": []}])";
  JsonSchemaValidator validator(SchemaDir());
  nlohmann::json j = Conforming(validator, "eval-figures.json",
                                Depeche("eval figures --json --format newsquant --data '" +
                                        (dir / "gold.json").string() + "'"));
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["sentences"], 2);
  EXPECT_EQ(j["overall"]["counts"]["gold"], 2);
  EXPECT_EQ(j["overall"]["counts"]["system"], 3);       // 3.2%, seven sectors, $5 million
  EXPECT_EQ(j["overall"]["counts"]["value_match"], 1);  // 3.2 (7 is not 8; 1990 a year)
  EXPECT_EQ(j["overall"]["counts"]["value_unit_match"], 1);
  EXPECT_DOUBLE_EQ(j["overall"]["value"]["precision"].get<double>(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(j["overall"]["value"]["recall"].get<double>(), 0.5);
  ASSERT_EQ(j["items"].size(), 2u);
  EXPECT_EQ(j["items"][1]["id"], "1");
  EXPECT_EQ(j["items"][1]["system"], 1);
}

// eval summary on DUC 2006, when ../shared holds it: the lead baseline, whose output has the
// summarizer's shape (the summarizer through the analyzer takes 30 s under the sanitizers).
TEST(JsonSchemaTest, EvalSummaryConforms) {
  const std::filesystem::path duc =
      std::filesystem::path(DEPECHE_SHARED_DIR) / "data/duc2006-2007/DUC_data/DUC2006";
  if (!std::filesystem::exists(duc)) GTEST_SKIP() << "no DUC 2006 data";
  JsonSchemaValidator validator(SchemaDir());
  nlohmann::json j = Conforming(
      validator, "eval-summary.json",
      Depeche("eval summary --json --format duc --system lead --data '" + duc.string() + "'"));
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["system"], "lead");
  EXPECT_GT(j["overall"]["rouge2"].get<double>(), 0.04);  // NIST's lead: 0.0495
  ASSERT_EQ(j["topics"].size(), 50u);  // the overall figure is the mean of the topics'
  double sum = 0;
  for (const nlohmann::json& t : j["topics"]) sum += t["rouge2"].get<double>();
  EXPECT_NEAR(sum / 50, j["overall"]["rouge2"].get<double>(), 1e-9);
}

// eval timeline on a hand-written ML-Crisis-style folder: two reports of a Friday meeting, one
// announcing it (Tuesday), one telling it (Saturday), and a reference timeline of that Friday.
TEST(JsonSchemaTest, EvalTimelineConforms) {
  const std::filesystem::path dir = FreshDir("json_schema_timeline") / "fr";
  std::filesystem::create_directories(dir / "reference");
  std::filesystem::create_directories(dir / "crise" / "2022-01-18");
  std::filesystem::create_directories(dir / "crise" / "2022-01-22");
  std::ofstream(dir / "reference" / "crise.txt")
      << "2022-01-21\nLes ministres se rencontrent à Genève .\n--------------------------------\n";
  std::ofstream(dir / "crise" / "2022-01-18" / "a_1.txt")
      << "Rencontre prévue à Genève\nLes ministres des affaires étrangères se rencontreront "
         "vendredi à Genève pour parler de la crise.\nLes discussions porteront sur les troupes "
         "massées le long de la frontière.\n";
  std::ofstream(dir / "crise" / "2022-01-22" / "b_1.txt")
      << "Pas d'accord à Genève\nLes ministres se sont rencontrés vendredi à Genève sans "
         "parvenir à un accord sur la crise.\nIls ont promis de se revoir dans les prochaines "
         "semaines.\n";
  JsonSchemaValidator validator(SchemaDir());
  nlohmann::json j =
      Conforming(validator, "eval-timeline.json",
                 Depeche("eval timeline --json --format mlcrisis --data '" + dir.string() + "'"));
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["lang"], "fr");
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["id"], "crise");
  EXPECT_EQ(j["items"][0]["documents"], 2);
  EXPECT_EQ(j["items"][0]["reference_dates"], 1);
  EXPECT_EQ(j["items"][0]["matched_dates"], 1);  // "vendredi" read against both days
  EXPECT_DOUBLE_EQ(j["overall"]["date_f1"].get<double>(), 1.0);
  EXPECT_GT(j["overall"]["rouge1_f"].get<double>(), 0.2);
}

// eval quotes on a hand-written PolNeAR-style folder: one direct quote with its speaker and
// one indirect report ("Café" makes code point and byte offsets differ).
TEST(JsonSchemaTest, EvalQuotesConforms) {
  const std::filesystem::path dir = FreshDir("json_schema_quotes");
  std::filesystem::create_directories(dir / "text");
  std::filesystem::create_directories(dir / "attributions");
  std::ofstream(dir / "text" / "d1.txt")
      << "Café owners said that prices rose sharply.\n\n\xe2\x80\x9cWe are ruined,\xe2\x80\x9d "
         "Marie Dupont said.\n";
  // Code points: "that prices rose sharply" 17-41, the quote with its marks 44-60, "Marie
  // Dupont" 61-73.
  std::ofstream(dir / "attributions" / "d1_ab12.ann")
      << "T1\tSource 0 11\tCafé owners\nT2\tCue 12 16\tsaid\nT3\tContent 17 41\tthat prices "
         "rose sharply\nT4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 "
         "Source:T1\nT5\tSource 61 73\tMarie Dupont\nT6\tCue 74 78\tsaid\nT7\tContent 44 "
         "60\t\xe2\x80\x9cWe are ruined,\xe2\x80\x9d\nT8\tAttribution 74 "
         "78\tsaid\nE2\tAttribution:T8 "
         "Content:T7 Cue:T6 Source:T5\n";
  JsonSchemaValidator validator(SchemaDir());
  nlohmann::json j =
      Conforming(validator, "eval-quotes.json",
                 Depeche("eval quotes --json --format polnear --data '" + dir.string() + "'"));
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["documents"], 1);
  EXPECT_EQ(j["overall"]["direct"]["counts"]["gold"], 1);
  EXPECT_EQ(j["overall"]["direct"]["counts"]["overlap"], 1);
  EXPECT_EQ(j["overall"]["direct"]["counts"]["exact"], 1);
  EXPECT_EQ(j["overall"]["direct"]["counts"]["speaker_correct"], 1);
  EXPECT_EQ(j["overall"]["indirect"]["counts"]["gold"], 1);
  EXPECT_EQ(j["overall"]["indirect"]["counts"]["exact"], 1);
  EXPECT_EQ(j["overall"]["all"]["counts"]["system"], 2);
}

TEST_F(JsonOutputTest, MissingValuesAreNullAndDatesKeepTheirPrecision) {
  nlohmann::json articles = nlohmann::json::parse(Depeche(db_ + "articles --json").out);
  std::map<std::string, nlohmann::json> by_feed_id;
  for (const auto& a : articles) {
    nlohmann::json shown =
        nlohmann::json::parse(Depeche(db_ + "show --json " + a["id"].get<std::string>()).out);
    by_feed_id[shown["metadata"].value("id", "none")] = a;
  }
  ASSERT_EQ(by_feed_id.size(), 4u);
  // The stated offset and the precision are kept.
  EXPECT_EQ(by_feed_id["f1"]["published"], "2022-01-21T14:30:00+01:00");
  EXPECT_EQ(by_feed_id["f2"]["published"], "2022-01-21");
  EXPECT_EQ(by_feed_id["f3"]["published"], "2022-01");
  EXPECT_TRUE(by_feed_id["none"]["published"].is_null());
  EXPECT_TRUE(by_feed_id["none"]["source"].is_null());
  // The exact copy is in the group of the article it copies, and in its story.
  EXPECT_EQ(by_feed_id["f2"]["group_id"], by_feed_id["f1"]["group_id"]);
  EXPECT_EQ(by_feed_id["f2"]["story_id"], by_feed_id["f1"]["story_id"]);
  EXPECT_FALSE(by_feed_id["f1"]["story_id"].is_null());
}

TEST_F(JsonOutputTest, OffsetsCountCharactersOfTheText) {
  nlohmann::json hits = nlohmann::json::parse(Depeche(db_ + "search --json Genève").out);
  ASSERT_FALSE(hits.empty());
  nlohmann::json shown =
      nlohmann::json::parse(Depeche(db_ + "show --json " + hits[0]["id"].get<std::string>()).out);
  // Decode the text to code points: the offsets index them ("Élections à Genève." holds three
  // two-byte characters, so byte offsets would land three characters late).
  const std::string text = shown["text"];
  const std::vector<size_t> starts = CharStarts(text);
  ASSERT_GE(shown["sentences"].size(), 2u) << shown.dump();
  bool found = false;
  for (const auto& s : shown["sentences"]) {
    const size_t begin = s["begin"], end = s["end"];
    ASSERT_LE(begin, end);
    ASSERT_LT(end, starts.size());
    const std::string sentence = text.substr(starts[begin], starts[end] - starts[begin]);
    found = found || sentence.rfind("Les négociations", 0) == 0;
  }
  EXPECT_TRUE(found) << shown["sentences"].dump();
}

TEST_F(JsonOutputTest, EntityMentionOffsetsCountCharactersOfTheTextOrTitle) {
  nlohmann::json shown = nlohmann::json::parse(Depeche(db_ + "show --json f1").out);
  const std::string text = shown["text"], title = shown["title"];
  const std::vector<size_t> starts = CharStarts(text), title_starts = CharStarts(title);
  int mentions = 0, in_title = 0;
  for (const auto& e : shown["entities"]) {
    for (const auto& m : e["mentions"]) {
      const std::vector<size_t>& at = m["in_title"] ? title_starts : starts;
      const std::string& in = m["in_title"] ? title : text;
      const size_t begin = m["begin"], end = m["end"];
      ASSERT_LE(begin, end);
      ASSERT_LT(end, at.size());
      EXPECT_EQ(in.substr(at[begin], at[end] - at[begin]), m["text"].get<std::string>());
      ++mentions;
      in_title += m["in_title"] ? 1 : 0;
    }
  }
  // "Genève" in the title "Élections à Genève" (after two 2-byte characters), "Conseil d'État"
  // in the text.
  EXPECT_EQ(mentions, 2) << shown["entities"].dump();
  EXPECT_EQ(in_title, 1) << shown["entities"].dump();
}

}  // namespace
}  // namespace depeche
