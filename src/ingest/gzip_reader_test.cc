#include "ingest/gzip_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace depeche::ingest {
namespace {

std::string Gzip(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(GzipReaderTest, InflatesOneOrMoreMembers) {
  auto one = InflateGzip(Gzip("hello world"), 100);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(*one, "hello world");
  auto two = InflateGzip(Gzip("hello ") + Gzip("again"), 100);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(*two, "hello again");
}

TEST(GzipReaderTest, LimitsTheInflatedSize) {
  // 64 MB of zeros compress to ~64 KB: the limit, not the file size, must stop it.
  std::string bomb = Gzip(std::string(64u << 20, '\0'));
  EXPECT_LT(bomb.size(), 100u * 1024);
  auto r = InflateGzip(bomb, 1 << 20);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("inflates to more than"), std::string::npos)
      << r.status().message();
}

TEST(GzipReaderTest, BadDataIsNamed) {
  std::string good = Gzip(std::string(5000, 'a') + "tail");
  EXPECT_EQ(InflateGzip("plain text", 100).status().message(), "not gzip data");
  auto cut = InflateGzip(good.substr(0, good.size() / 2), 1 << 20);
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), StatusCode::kDataLoss);
  std::string flipped = good;
  for (size_t i = 12; i + 8 < flipped.size(); i += 3) flipped[i] = static_cast<char>(~flipped[i]);
  auto bad = InflateGzip(flipped, 1 << 20);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
}

TEST(GzipReaderTest, StreamsWithALimit) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(testing::TempDir()) / ("depeche_gz_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "ok.gz", std::ios::binary) << Gzip("line one\nline two\n");
  std::ofstream(dir / "bomb.gz", std::ios::binary) << Gzip(std::string(8u << 20, 'x'));
  std::ofstream(dir / "plain.gz", std::ios::binary) << "not compressed\n";

  GzipStream ok((dir / "ok.gz").string(), 1000);
  ASSERT_NE(ok.file(), nullptr) << ok.error();
  char buf[64] = {};
  EXPECT_EQ(std::fread(buf, 1, sizeof buf, ok.file()), 18u);
  EXPECT_EQ(std::string(buf, 18), "line one\nline two\n");
  EXPECT_EQ(ok.error(), "");

  GzipStream bomb((dir / "bomb.gz").string(), 1 << 20);
  ASSERT_NE(bomb.file(), nullptr);
  std::string sink(1 << 16, '\0');
  while (std::fread(sink.data(), 1, sink.size(), bomb.file()) > 0) {
  }
  EXPECT_TRUE(std::ferror(bomb.file()));
  EXPECT_NE(bomb.error().find("inflates to more than"), std::string::npos) << bomb.error();
  EXPECT_LE(bomb.inflated_bytes(), (1 << 20) + (1 << 17) + (1 << 16));

  GzipStream plain((dir / "plain.gz").string(), 1000);
  EXPECT_EQ(plain.file(), nullptr);
  EXPECT_EQ(plain.error(), "not gzip data");
  GzipStream missing((dir / "missing.gz").string(), 1000);
  EXPECT_EQ(missing.file(), nullptr);
  EXPECT_NE(missing.error().find("cannot open"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace depeche::ingest
