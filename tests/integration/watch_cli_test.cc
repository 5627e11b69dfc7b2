// depeche watch add|list|matches|remove and stories --query, through the binary.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "core/time.h"
#include "test_util.h"

namespace depeche {
namespace {

using testing_util::CliRun;
using testing_util::DbAt;
using testing_util::FreshDir;

class WatchCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshDir("watch_cli");
    db_path_ = DbAt(dir_ / "d.db");
  }
  CliRun Run(const std::string& args, bool with_stderr = true) {
    return testing_util::Depeche("--db '" + db_path_ + "' " + args, "", with_stderr);
  }
  nlohmann::json Json(const std::string& args) { return testing_util::DepecheJson(db_path_, args); }
  void Ingest(const std::string& name, const nlohmann::json& record) {
    const std::filesystem::path file = dir_ / (name + ".jsonl");
    std::ofstream(file) << record.dump() << "\n";
    CliRun run = Run("ingest --no-entities '" + file.string() + "'");
    ASSERT_EQ(run.code, 0) << run.out;
  }
  static void WaitForNextSecond() {
    const int64_t now = core::NowUtcSeconds();
    while (core::NowUtcSeconds() == now) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  std::filesystem::path dir_;
  std::string db_path_;
};

TEST_F(WatchCliTest, AddListMatchesRemove) {
  Ingest("before", {{"url", "https://example.org/1"},
                    {"title", "Gas prices climb"},
                    {"text", "Gas prices climbed across Europe on Monday as supplies tightened."}});
  WaitForNextSecond();
  // -diesel is an exclusion, as after `search`.
  nlohmann::json watch = Json("watch add gas -diesel --name Gas");
  ASSERT_TRUE(watch.is_object());
  EXPECT_EQ(watch["query"], "gas NOT diesel");
  EXPECT_EQ(watch["name"], "Gas");
  const std::string id = watch["id"];
  WaitForNextSecond();
  Ingest("after", {{"url", "https://example.org/2"},
                   {"title", "Gas prices fall"},
                   {"text", "Gas prices fell sharply in Asia on Friday after new supplies."}});
  Ingest("diesel", {{"url", "https://example.org/3"},
                    {"title", "Diesel too"},
                    {"text", "Gas and diesel prices rose at the pump in Canada this week."}});

  nlohmann::json matches = Json("watch matches " + id);
  ASSERT_EQ(matches["articles"].size(), 1u) << matches.dump();
  EXPECT_EQ(matches["articles"][0]["title"], "Gas prices fall");
  EXPECT_EQ(matches["stories"].size(), 1u);
  nlohmann::json all = Json("watch matches --since 2000-01-01 " + id.substr(0, 5));
  EXPECT_EQ(all["articles"].size(), 2u) << all.dump();
  EXPECT_EQ(Json("watch matches -n 1 --since 2000 " + id)["articles"].size(), 1u);

  CliRun table = Run("watch matches " + id);
  ASSERT_EQ(table.code, 0) << table.out;
  EXPECT_NE(table.out.find("Gas prices fall"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("Gas prices climb"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("1 article\n"), std::string::npos) << table.out;
  CliRun list = Run("watch list");
  EXPECT_NE(list.out.find(id), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("gas NOT diesel"), std::string::npos) << list.out;

  // Errors: a query search refuses, an unknown watch, a bad since; nothing stored for them.
  EXPECT_EQ(Run("watch add -- -gas").code, 2);
  EXPECT_EQ(Run("watch matches ffffffffffffffff").code, 2);
  CliRun bad_since = Run("watch matches --since yesterday " + id);
  EXPECT_EQ(bad_since.code, 2);
  EXPECT_NE(bad_since.out.find("since"), std::string::npos) << bad_since.out;
  EXPECT_EQ(Json("watch list").size(), 1u);

  CliRun removed = Run("watch remove " + id);
  EXPECT_EQ(removed.code, 0) << removed.out;
  EXPECT_EQ(Run("watch remove " + id).code, 2);
  EXPECT_TRUE(Json("watch list").empty());
  EXPECT_NE(Run("watch list").out.find("no watch"), std::string::npos);
}

TEST_F(WatchCliTest, StoriesQueryKeepsStoriesWithAMatchingArticle) {
  Ingest("gas", {{"url", "https://example.org/gas"},
                 {"title", "Gas prices climb"},
                 {"text", "Gas prices climbed across Europe on Monday as supplies tightened."}});
  Ingest("floods", {{"url", "https://example.org/floods"},
                    {"title", "Floods"},
                    {"text", "Heavy rain flooded the valley overnight and roads were closed."}});
  EXPECT_EQ(Json("stories --sort activity").size(), 2u);
  nlohmann::json floods = Json("stories --sort activity --query flooding");
  ASSERT_EQ(floods.size(), 1u);
  EXPECT_EQ(floods[0]["title"], "Floods");
  CliRun table = Run("stories --query 'gas OR rain'");
  EXPECT_NE(table.out.find("2 stories"), std::string::npos) << table.out;
  EXPECT_TRUE(Json("stories --query volcano").empty());
  EXPECT_EQ(Run("stories --query ' '").code, 2);
}

}  // namespace
}  // namespace depeche
