#include "engine/writer_lock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

namespace depeche::engine {
namespace {

std::string TempDb(const std::string& name) {
  auto dir = std::filesystem::path(::testing::TempDir()) /
             ("depeche_lock_" + name + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return (dir / "d.db").string();
}

TEST(WriterLockTest, ASecondWriterWaitsAndTheFileGoesWithTheLastHolder) {
  const std::string db = TempDb("wait");
  const std::string file = db + "-writer.lock";
  std::optional<WriterLock> first;
  {
    auto lock = WriterLock::Acquire(db);
    ASSERT_TRUE(lock.ok()) << lock.status().ToString();
    first.emplace(std::move(lock).value());
  }
  EXPECT_TRUE(std::filesystem::exists(file));
  std::atomic<bool> waited{false}, acquired{false};
  std::thread second([&] {
    auto lock = WriterLock::Acquire(
        db, [](void* flag) { static_cast<std::atomic<bool>*>(flag)->store(true); }, &waited);
    EXPECT_TRUE(lock.ok());
    acquired = true;
  });
  // The second writer says it waits, and does not get the lock while the first holds it.
  while (!waited) std::this_thread::yield();
  EXPECT_FALSE(acquired);
  first.reset();  // releases: the second goes on
  second.join();
  EXPECT_TRUE(acquired);
  EXPECT_FALSE(std::filesystem::exists(file));  // released by the second too
}

TEST(WriterLockTest, InMemoryDatabasesNeedNoLock) {
  auto lock = WriterLock::Acquire(":memory:");
  EXPECT_TRUE(lock.ok());
}

}  // namespace
}  // namespace depeche::engine
