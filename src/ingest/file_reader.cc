#include "ingest/file_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/strings.h"

namespace depeche::ingest {

Result<std::string> ReadFileLimited(const std::string& path, int64_t max_bytes) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    int err = errno;
    std::string why = std::strerror(err);
    return err == ENOENT ? NotFoundError(why) : UnavailableError("cannot open: " + why);
  }
  if (std::fseek(f.get(), 0, SEEK_END) == 0) {
    long size = std::ftell(f.get());
    if (size > max_bytes) {
      return ResourceExhaustedError(
          "file is " + core::HumanBytes(static_cast<double>(size)) + ", over the " +
          core::HumanBytes(static_cast<double>(max_bytes)) + " limit for one article");
    }
    std::rewind(f.get());
  }
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    data.append(buf, n);
    if (static_cast<int64_t>(data.size()) > max_bytes) {
      return ResourceExhaustedError("input is over the " +
                                    core::HumanBytes(static_cast<double>(max_bytes)) +
                                    " limit for one article");
    }
  }
  if (std::ferror(f.get()))
    return UnavailableError("read error: " + std::string(std::strerror(errno)));
  if (data.empty()) return InvalidArgumentError("empty file");
  return data;
}

Status CheckLooksLikeText(std::string_view data) {
  std::string_view head = data.substr(0, 64 * 1024);
  size_t control = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(head[i]);
    if (c == 0) {
      return InvalidArgumentError("binary content (NUL byte at offset " + std::to_string(i) + ")");
    }
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
  }
  // Real text has almost no C0 controls; a few stray ones (\x03 in old wire copy) are fine.
  if (!head.empty() && control * 100 > head.size()) {
    return InvalidArgumentError("binary content (" + std::to_string(control * 100 / head.size()) +
                                "% control bytes)");
  }
  return Status::Ok();
}

}  // namespace depeche::ingest
