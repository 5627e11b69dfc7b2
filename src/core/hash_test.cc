#include "core/hash.h"

#include <gtest/gtest.h>

namespace depeche::core {
namespace {

TEST(HashTest, StableAndHex) {
  EXPECT_EQ(Hash64("abc"), Hash64("abc"));
  EXPECT_NE(Hash64("abc"), Hash64("abd"));
  EXPECT_EQ(Hex64(0), "0000000000000000");
  EXPECT_EQ(Hex64(0xDEADBEEFull), "00000000deadbeef");
  // XXH3-64 of "" with seed 0 is a published constant: ids must not drift across machines.
  EXPECT_EQ(Hex64(Hash64("")), "2d06800538d394c2");
}

TEST(HashTest, IncrementalMatchesOneShot) {
  Hasher h;
  h.Update("hello ");
  h.Update("world");
  EXPECT_EQ(h.Digest(), Hash64("hello world"));
}

}  // namespace
}  // namespace depeche::core
