// Bad input never stops a batch: each problem names its file (and line), the rest is stored,
// and what was stored before stays.
#include <gtest/gtest.h>

#include <fstream>

#include "depeche/engine.h"
#include "test_util.h"

namespace depeche {
namespace {

using testing_util::DbAt;
using testing_util::FreshDir;

void Write(const std::filesystem::path& p, const std::string& content) {
  std::ofstream(p, std::ios::binary) << content;
}

const IngestIssue* FindIssue(const IngestReport& r, const std::string& path_part,
                             int64_t line = -1) {
  for (const auto& i : r.issues) {
    if (i.path.find(path_part) != std::string::npos && (line < 0 || i.line == line)) return &i;
  }
  return nullptr;
}

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshDir("bad");
    EngineConfig config;
    config.db_path = DbAt(dir_ / "depeche.db");
    auto engine = Engine::Open(config);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
  }
  std::filesystem::path dir_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(BadInputTest, EachProblemIsNamedAndTheRestIsStored) {
  auto in = dir_ / "in";
  std::filesystem::create_directories(in);
  Write(in / "a_good.txt",
        "Un titre\n\nLe gouvernement a annoncé mardi de nouvelles mesures pour "
        "soutenir les agriculteurs touchés par la sécheresse.");
  Write(in / "b_empty.txt", "");
  Write(in / "c_binary.txt", std::string("\x7f"
                                         "ELF\x02\x01\x01\0\0\0\0",
                                         12));
  Write(in / "d_bad_utf8.txt",
        "Les ministres se sont r\xC3union\xFF\xFEs hier soir à Bruxelles pour "
        "discuter du budget européen et des aides à l'Ukraine.");
  Write(in / "e_latin1.txt",
        "Les n\xE9gociations de Gen\xE8ve ont repris jeudi entre les d\xE9l\xE9gations "
        "am\xE9ricaine et russe, selon un communiqu\xE9 officiel.");
  Write(in / "f_big.txt", std::string(50 * 1024 * 1024, 'a'));
  Write(
      in / "g_feed.jsonl",
      "{\"url\":\"https://example.org/1\",\"title\":\"Storm hits the coast\",\"text\":\"A powerful "
      "storm hit the northern coast on Monday, cutting power to thousands of homes.\"}\n"
      "{\"url\":\"https://example.org/2\",\"title\":\"Broken\",\"text\":\"unterminated\n"
      "\n"
      "[1, 2, 3]\n"
      "{\"url\":\"https://example.org/3\",\"source\":\"No title, no text\"}\n"
      "{\"url\":\"https://example.org/4\",\"title\":\"Markets fall\",\"published\":\"2023-02-30\","
      "\"text\":\"Stock markets fell sharply on Friday after weak employment figures.\"}\n");
  Write(in / "h_whitespace.txt", " \n\t\n ");

  auto r = engine_->Ingest({in.string(), (dir_ / "missing.txt").string()}, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 5) << "good txt, bad-utf8 txt, latin1 txt, 2 good JSONL lines";
  EXPECT_FALSE(r->ok());

  const IngestIssue* empty = FindIssue(*r, "b_empty.txt");
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->message, "empty file");
  const IngestIssue* binary = FindIssue(*r, "c_binary.txt");
  ASSERT_NE(binary, nullptr);
  EXPECT_NE(binary->message.find("binary"), std::string::npos);
  const IngestIssue* utf8 = FindIssue(*r, "d_bad_utf8.txt");
  ASSERT_NE(utf8, nullptr);
  EXPECT_EQ(utf8->severity, "warning");
  EXPECT_NE(utf8->message.find("U+FFFD"), std::string::npos);
  const IngestIssue* latin1 = FindIssue(*r, "e_latin1.txt");
  ASSERT_NE(latin1, nullptr);
  EXPECT_NE(latin1->message.find("windows-1252"), std::string::npos);
  const IngestIssue* big = FindIssue(*r, "f_big.txt");
  ASSERT_NE(big, nullptr);
  EXPECT_NE(big->message.find("50.0 MB"), std::string::npos) << big->message;
  const IngestIssue* malformed = FindIssue(*r, "g_feed.jsonl", 2);
  ASSERT_NE(malformed, nullptr);
  EXPECT_NE(malformed->message.find("not valid JSON"), std::string::npos);
  ASSERT_NE(FindIssue(*r, "g_feed.jsonl", 4), nullptr);  // an array, not an object
  ASSERT_NE(FindIssue(*r, "g_feed.jsonl", 5), nullptr);  // no text
  const IngestIssue* date = FindIssue(*r, "g_feed.jsonl", 6);
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->severity, "warning");
  ASSERT_NE(FindIssue(*r, "h_whitespace.txt"), nullptr);
  ASSERT_NE(FindIssue(*r, "missing.txt"), nullptr);

  auto hits = engine_->Search("negociations geneve", 5);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u) << "the Latin-1 file was decoded and indexed";
}

TEST_F(BadInputTest, NothingStoredBeforeIsLost) {
  auto first = dir_ / "first.jsonl";
  Write(first,
        "{\"url\":\"https://example.org/a\",\"text\":\"The central bank raised interest "
        "rates by half a point on Wednesday.\"}\n");
  ASSERT_TRUE(engine_->Ingest({first.string()}, {}).ok());
  auto second = dir_ / "second.jsonl";
  Write(second, "not json at all\n{\"url\":\"https://example.org/a\",\"text\":\"changed\"}\n");
  auto r = engine_->Ingest({second.string()}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->failed, 1);
  EXPECT_EQ(r->already_stored, 1);
  auto stats = engine_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 1);
  auto list = engine_->Articles({});
  ASSERT_TRUE(list.ok());
  auto a = engine_->GetArticle((*list)[0].id);
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("interest rates"), std::string::npos);
}

TEST_F(BadInputTest, InMemoryJsonlAndCancellation) {
  std::string jsonl;
  for (int i = 0; i < 300; ++i) {
    jsonl += "{\"url\":\"https://example.org/n" + std::to_string(i) +
             "\",\"text\":\"Report number " + std::to_string(i) + " about the harvest.\"}\n";
  }
  IngestOptions cancel_early;
  int calls = 0;
  cancel_early.progress = [&calls](const IngestProgress&) { return ++calls < 2; };
  auto r = engine_->IngestJsonl("memory", jsonl, cancel_early);
  ASSERT_TRUE(r.ok());
  EXPECT_LT(r->records, 300);
  EXPECT_GT(r->inserted, 0);
  auto stats = engine_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, r->inserted) << "what was read before cancelling is kept";
}

TEST_F(BadInputTest, ShortPagesAndStrayNulBytesAreKeptIndexPagesRefused) {
  auto in = dir_ / "pages";
  std::filesystem::create_directories(in);
  // An ordinary UTF-8 page with a stray NUL inside it (as a lostiempos.com page had).
  std::string brief =
      "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Juicio entra en "
      "recta final</title></head><body><nav><a href=\"/\">Inicio</a> <a href=\"/pais\">País</a>"
      "</nav><article><h1>Juicio entra en recta final</h1><p>La audiencia que podría ser "
      "decisiva para el caso se reanudó el martes en La Paz, donde el tribunal escuchó a los "
      "últimos testigos de la defensa.</p>";
  brief.push_back('\0');
  brief +=
      "<p>El Tribunal de Sentencia Anticorrupción fijó la próxima sesión para el lunes, y la "
      "sentencia podría dictarse antes de fin de mes, según las partes.</p></article>"
      "<footer>Los Tiempos</footer></body></html>";
  Write(in / "a_brief.html", brief);
  std::string teasers;
  for (int i = 0; i < 6; ++i) {
    teasers += "<div class=\"item\"><h3><a href=\"/nota/" + std::to_string(i) +
               "\">Titular de la nota número " + std::to_string(i) +
               " sobre el juicio</a></h3><p>Resumen breve de la nota.</p></div>";
  }
  Write(in / "b_tag.html",
        "<html><body><h1>Tema: juicio</h1><main>" + teasers + "</main></body></html>");
  auto r = engine_->Ingest({in.string()}, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 1);
  EXPECT_EQ(r->failed, 1);
  const IngestIssue* nul = FindIssue(*r, "a_brief.html");
  ASSERT_NE(nul, nullptr);
  EXPECT_EQ(nul->severity, "warning");
  EXPECT_NE(nul->message.find("stray control byte"), std::string::npos) << nul->message;
  const IngestIssue* tag = FindIssue(*r, "b_tag.html");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->severity, "error");
  EXPECT_NE(tag->message.find("index page"), std::string::npos) << tag->message;
  auto hits = engine_->Search("tribunal anticorrupcion", 5);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  auto a = engine_->GetArticle((*hits)[0].article.id);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Juicio entra en recta final");
  EXPECT_NE(a->text.find("testigos de la defensa."), std::string::npos) << a->text;
  EXPECT_EQ(a->text.find('\0'), std::string::npos);
}

}  // namespace
}  // namespace depeche
