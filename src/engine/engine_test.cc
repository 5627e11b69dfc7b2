#include "depeche/engine.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace depeche {
namespace {

std::string TempPath(const std::string& name) {
  return testing::TempDir() + "/depeche_engine_" + std::to_string(getpid()) + "_" + name;
}

TEST(EngineTest, RejectsBadConfig) {
  EngineConfig config;
  config.db_path = ":memory:";
  config.batch_size = 0;
  EXPECT_EQ(Engine::Open(config).status().code(), StatusCode::kInvalidArgument);
}

TEST(EngineTest, CorruptDatabaseIsReportedNotCrashed) {
  std::string path = TempPath("garbage.db");
  std::ofstream(path, std::ios::binary) << std::string(8192, 'x');
  EngineConfig config;
  config.db_path = path;
  auto engine = Engine::Open(config);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kDataLoss) << engine.status().ToString();
  std::filesystem::remove(path);
}

TEST(EngineTest, DataSurvivesReopen) {
  std::string path = TempPath("reopen.db");
  std::filesystem::remove(path);
  EngineConfig config;
  config.db_path = path;
  {
    auto engine = Engine::Open(config);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    auto r = (*engine)->IngestJsonl(
        "mem",
        "{\"url\":\"https://example.org/x\",\"title\":\"Floods\",\"text\":\"Heavy rain "
        "flooded the valley overnight and roads were closed.\"}\n",
        {});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->inserted, 1);
  }
  auto engine = Engine::Open(config);
  ASSERT_TRUE(engine.ok());
  auto hits = (*engine)->Search("flooding", 5);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->at(0).article.title, "Floods");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace depeche
