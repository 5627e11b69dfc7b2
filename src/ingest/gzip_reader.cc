#include "ingest/gzip_reader.h"

#include <zlib.h>

#include <sys/types.h>
#include <cerrno>
#include <climits>
#include <cstring>

#include "core/strings.h"
#include "ingest/file_reader.h"

namespace depeche::ingest {
namespace {

constexpr size_t kChunk = 1 << 16;

bool HasGzipMagic(std::string_view s) {
  return s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0x1F &&
         static_cast<unsigned char>(s[1]) == 0x8B;
}

std::string OverLimit(int64_t max_bytes) {
  return "inflates to more than " + core::HumanBytes(static_cast<double>(max_bytes)) +
         ", the limit";
}

}  // namespace

Result<std::string> InflateGzip(std::string_view compressed, int64_t max_bytes) {
  if (!HasGzipMagic(compressed)) return DataLossError("not gzip data");
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return ResourceExhaustedError("zlib: out of memory");
  struct End {
    z_stream* zs;
    ~End() { inflateEnd(zs); }
  } end{&zs};
  std::string out;
  char buffer[kChunk];
  size_t offset = 0;  // of compressed bytes handed to zlib
  auto feed = [&] {
    size_t n = std::min<size_t>(compressed.size() - offset, UINT_MAX);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + offset));
    zs.avail_in = static_cast<uInt>(n);
    offset += n;
  };
  feed();
  while (true) {
    if (zs.avail_in == 0 && offset < compressed.size()) feed();
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof buffer - zs.avail_out;
    if (static_cast<int64_t>(out.size() + produced) > max_bytes) {
      return ResourceExhaustedError(OverLimit(max_bytes));
    }
    out.append(buffer, produced);
    if (rc == Z_STREAM_END) {
      // Another member follows (concatenated .gz files) or trailing bytes, which gunzip ignores.
      size_t rest = zs.avail_in + (compressed.size() - offset);
      std::string_view next = compressed.substr(compressed.size() - rest);
      if (!HasGzipMagic(next)) break;
      if (inflateReset(&zs) != Z_OK) return DataLossError("corrupt gzip data");
      continue;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && offset >= compressed.size()) {
      return DataLossError("truncated gzip data");
    }
    if (rc == Z_MEM_ERROR) return ResourceExhaustedError("zlib: out of memory");
    return DataLossError(std::string("corrupt gzip data: ") +
                         (zs.msg != nullptr ? zs.msg : "zlib error " + std::to_string(rc)));
  }
  return out;
}

Result<std::string> ReadInputFile(const std::string& path, bool gzip, int64_t max_bytes) {
  // The compressed file is never larger than its content by more than a few bytes per block.
  DEPECHE_ASSIGN_OR_RETURN(std::string data, ReadFileLimited(path, max_bytes));
  if (!gzip) return data;
  return InflateGzip(data, max_bytes);
}

struct GzipStream::State {
  gzFile gz = nullptr;
  int64_t max_bytes = 0;
  int64_t total = 0;
  std::string error;
};

namespace {

ssize_t ReadCookie(void* cookie, char* buf, size_t size) {
  auto* s = static_cast<GzipStream::State*>(cookie);
  if (!s->error.empty()) {
    errno = EIO;
    return -1;
  }
  int n = gzread(s->gz, buf, static_cast<unsigned>(std::min<size_t>(size, 1 << 30)));
  if (n < 0) {
    int code = Z_OK;
    const char* message = gzerror(s->gz, &code);
    s->error = code == Z_BUF_ERROR ? "truncated gzip data"
                                   : std::string("corrupt gzip data: ") +
                                         (message != nullptr ? message : "zlib error");
    errno = EIO;
    return -1;
  }
  s->total += n;
  if (s->total > s->max_bytes) {
    s->error = OverLimit(s->max_bytes);
    errno = EIO;
    return -1;
  }
  return n;
}

int CloseCookie(void* cookie) {
  auto* s = static_cast<GzipStream::State*>(cookie);
  if (s->gz != nullptr) gzclose_r(s->gz);
  s->gz = nullptr;
  return 0;
}

}  // namespace

GzipStream::GzipStream(const std::string& path, int64_t max_bytes) : state_(new State) {
  state_->max_bytes = max_bytes;
  state_->gz = gzopen(path.c_str(), "rb");
  if (state_->gz == nullptr) {
    state_->error = "cannot open: " + std::string(std::strerror(errno != 0 ? errno : EIO));
    return;
  }
  gzbuffer(state_->gz, 1 << 17);
  // zlib passes plain bytes through; a .gz name on plain bytes is a mistake worth naming.
  if (gzdirect(state_->gz) != 0) {
    state_->error = "not gzip data";
    CloseCookie(state_);
    return;
  }
  cookie_io_functions_t io{};
  io.read = &ReadCookie;
  io.close = &CloseCookie;
  file_ = fopencookie(state_, "r", io);
  if (file_ == nullptr) {
    state_->error = "cannot open: out of memory";
    CloseCookie(state_);
  }
}

GzipStream::~GzipStream() {
  if (file_ != nullptr) std::fclose(file_);
  CloseCookie(state_);
  delete state_;
}

const std::string& GzipStream::error() const { return state_->error; }
int64_t GzipStream::inflated_bytes() const { return state_->total; }

}  // namespace depeche::ingest
