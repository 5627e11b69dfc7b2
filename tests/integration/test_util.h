// Helpers shared by the integration tests: unique temporary paths and the seeds folder.
#ifndef DEPECHE_TESTS_INTEGRATION_TEST_UTIL_H_
#define DEPECHE_TESTS_INTEGRATION_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace depeche::testing_util {

inline std::filesystem::path SeedsDir() {
  return std::filesystem::path(DEPECHE_SHARED_DIR) / "seeds";
}

// A fresh folder under the test temp dir, unique per process and call.
inline std::filesystem::path FreshDir(const std::string& name) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::path(::testing::TempDir()) /
             ("depeche_" + name + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace depeche::testing_util

#endif  // DEPECHE_TESTS_INTEGRATION_TEST_UTIL_H_
