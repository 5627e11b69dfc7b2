// Every copy is an article: the same wire text from three outlets is three articles with their
// own source, URL and date, linked as copies, in one story with three sources; only the same
// record (URL, feed id from the same source, file and content) is idempotent.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "depeche/engine.h"
#include "test_util.h"

namespace depeche {
namespace {

using testing_util::DbAt;
using testing_util::FreshDir;

// An agency dispatch, as three outlets run it word for word.
constexpr char kWire[] =
    "Le ministre des Affaires étrangères a annoncé mardi à Genève la reprise des négociations "
    "sur le contrôle des armements avec son homologue, après trois mois d'interruption. Les "
    "deux délégations se retrouveront le 14 mars au palais des Nations pour une première "
    "séance de travail consacrée aux missiles à portée intermédiaire.\\n\\nSelon un "
    "diplomate présent à la réunion, les discussions ont duré près de quatre heures et se "
    "sont déroulées dans une atmosphère qualifiée de constructive. Aucune déclaration commune "
    "n'a cependant été publiée à l'issue de la rencontre.\\n\\nLes observateurs rappellent "
    "que le précédent cycle de pourparlers avait échoué sur la question des inspections "
    "mutuelles des sites de lancement.";

std::string Record(const std::string& source, const std::string& url, const std::string& date,
                   const std::string& title, const std::string& feed_id = "") {
  std::string line = "{\"source\": \"" + source + "\", \"url\": \"" + url + "\", ";
  if (!feed_id.empty()) line += "\"id\": \"" + feed_id + "\", ";
  if (!date.empty()) line += "\"published\": \"" + date + "\", ";
  if (!title.empty()) line += "\"title\": \"" + title + "\", ";
  line += "\"lang\": \"fr\", \"text\": \"" + std::string(kWire) + "\"}\n";
  return line;
}

class CopiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshDir("copies");
    EngineConfig config;
    config.db_path = DbAt(dir_ / "depeche.db");
    auto engine = Engine::Open(config);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
  }

  std::filesystem::path Write(const std::string& name, const std::string& content) {
    std::filesystem::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(CopiesTest, ThreeOutletsAreThreeArticlesInOneStoryWithThreeSources) {
  auto feed =
      Write("wire.jsonl",
            Record("AFP", "https://afp.example/depeche-1", "2022-03-01T09:00:00Z",
                   "Reprise des négociations sur les armements à Genève") +
                Record("Le Figaro", "https://lefigaro.example/geneve", "2022-03-01", "") +
                Record("Ouest-France", "https://ouest-france.example/monde/geneve",
                       "2022-03-02T06:30:00+01:00", "Genève : les négociations reprennent"));
  auto r = engine_->Ingest({feed.string()}, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 3);
  EXPECT_EQ(r->copies, 2);
  EXPECT_EQ(r->already_stored, 0);

  auto stories = engine_->Stories({});
  ASSERT_TRUE(stories.ok()) << stories.status().ToString();
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ((*stories)[0].article_count, 3);
  EXPECT_EQ((*stories)[0].source_count, 3);

  auto story = engine_->GetStory((*stories)[0].id);
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  ASSERT_EQ(story->articles.size(), 3u);
  std::set<std::string> sources;
  for (const StoryArticle& a : story->articles) sources.insert(a.source);
  EXPECT_EQ(sources, (std::set<std::string>{"AFP", "Le Figaro", "Ouest-France"}));
  // Each copy keeps its own date and names its original, the AFP dispatch.
  const StoryArticle& afp = story->articles[0];
  EXPECT_EQ(afp.source, "AFP");
  EXPECT_EQ(afp.published, "2022-03-01T09:00:00Z");
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_EQ(story->articles[i].original_id, afp.id);
    EXPECT_TRUE(story->articles[i].exact_copy);
    EXPECT_DOUBLE_EQ(story->articles[i].copy_similarity, 1.0);
  }
  EXPECT_EQ(story->articles[1].published, "2022-03-01");

  auto groups = engine_->Duplicates(10);
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 1u);
  const DuplicateGroup& g = (*groups)[0];
  EXPECT_EQ(g.articles.size(), 3u);
  EXPECT_EQ(g.source_count, 3);
  // The stated title of the first copy, not Le Figaro's title cut from the text; the earliest
  // date of day precision or finer.
  EXPECT_EQ(g.title, "Reprise des négociations sur les armements à Genève");
  EXPECT_EQ(g.published, "2022-03-01T09:00:00Z");

  // Ingesting the same records again stores nothing.
  auto again = engine_->Ingest({feed.string()}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->inserted, 0);
  EXPECT_EQ(again->already_stored, 3);
}

TEST_F(CopiesTest, TheSameFeedIdFromTheSameSourceIsTheSameRecord) {
  auto first = Write("a.jsonl", Record("AFP", "", "2022-03-01", "Genève", "afp-123"));
  ASSERT_TRUE(engine_->Ingest({first.string()}, {}).ok());
  // A corrected dispatch under the same id, read from another file: the same record.
  auto second = Write("b.jsonl", Record("AFP", "", "2022-03-01", "Genève (corrigé)", "afp-123"));
  auto r = engine_->Ingest({second.string()}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->inserted, 0);
  EXPECT_EQ(r->already_stored, 1);
  // The same id from another outlet is another record: a copy.
  auto third = Write("c.jsonl", Record("Reuters", "", "2022-03-01", "Genève", "afp-123"));
  r = engine_->Ingest({third.string()}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->inserted, 1);
  EXPECT_EQ(r->copies, 1);
}

TEST_F(CopiesTest, ATextFileAndAPageOfTheSameArticleAreBothKept) {
  std::string body =
      "<p>Le ministre des Affaires étrangères a annoncé mardi à Genève la reprise des "
      "négociations sur le contrôle des armements avec son homologue, après trois mois "
      "d'interruption.</p><p>Les deux délégations se retrouveront le 14 mars au palais des "
      "Nations pour une première séance de travail consacrée aux missiles à portée "
      "intermédiaire.</p><p>Selon un diplomate présent à la réunion, les discussions ont duré "
      "près de quatre heures et se sont déroulées dans une atmosphère qualifiée de "
      "constructive.</p>";
  std::string text =
      "Le ministre des Affaires étrangères a annoncé mardi à Genève la reprise des négociations "
      "sur le contrôle des armements avec son homologue, après trois mois d'interruption.\n\n"
      "Les deux délégations se retrouveront le 14 mars au palais des Nations pour une première "
      "séance de travail consacrée aux missiles à portée intermédiaire.\n\nSelon un diplomate "
      "présent à la réunion, les discussions ont duré près de quatre heures et se sont "
      "déroulées dans une atmosphère qualifiée de constructive.\n";
  auto txt = Write("a.txt", text);
  auto html =
      Write("a.html",
            "<!DOCTYPE html><html lang=\"fr\"><head><title>Genève : reprise des négociations - "
            "Le Quotidien</title><meta property=\"og:site_name\" content=\"Le Quotidien\">"
            "<meta property=\"article:published_time\" content=\"2022-03-01T10:00:00+01:00\">"
            "</head><body><article><h1>Genève : reprise des négociations</h1>" +
                body + "</article></body></html>");
  auto r = engine_->Ingest({txt.string(), html.string()}, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 2) << (r->issues.empty() ? "" : r->issues[0].message);
  auto list = engine_->Articles({});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  bool page_kept = false;
  for (const ArticleSummary& a : *list) {
    if (a.path.find("a.html") != std::string::npos) {
      page_kept = true;
      EXPECT_EQ(a.source, "Le Quotidien");
      EXPECT_FALSE(a.published.empty());
    }
  }
  EXPECT_TRUE(page_kept);
  // Both in one story.
  auto stories = engine_->Stories({});
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ((*stories)[0].article_count, 2);
}

}  // namespace
}  // namespace depeche
