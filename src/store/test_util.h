// Helpers for the store tests: unique database paths under testing::TempDir().
#ifndef DEPECHE_STORE_TEST_UTIL_H_
#define DEPECHE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace depeche::store::testing_util {

// A fresh path (nothing exists there) named after the running test; removed, with its WAL
// files, when the object goes away.
class TempDbPath {
 public:
  TempDbPath() {
    static int counter = 0;
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string dir = ::testing::TempDir();
    if (!dir.empty() && dir.back() != '/') dir += '/';
    path_ = dir + "depeche_store_" + std::string(info->test_suite_name()) + "_" + info->name() +
            "_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db";
    Remove();
  }
  ~TempDbPath() { Remove(); }
  TempDbPath(const TempDbPath&) = delete;
  TempDbPath& operator=(const TempDbPath&) = delete;

  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::remove((path_ + suffix).c_str());
    }
  }
  std::string path_;
};

}  // namespace depeche::store::testing_util

#endif  // DEPECHE_STORE_TEST_UTIL_H_
