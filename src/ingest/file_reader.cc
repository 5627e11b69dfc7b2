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

namespace {

// The bytes no text holds: C0 controls other than tab, line feed, carriage return, form feed
// and escape (ISO-2022 shifts), and NUL.
bool IsStrayControl(unsigned char c) {
  return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B;
}

// UTF-16 and UTF-32 text is full of NUL bytes; the byte-order mark says which it is.
bool HasWideBom(std::string_view data) {
  return data.starts_with("\xFF\xFE") || data.starts_with("\xFE\xFF") ||
         data.starts_with(std::string_view("\0\0\xFE\xFF", 4));
}

}  // namespace

Status CheckLooksLikeText(std::string_view data) {
  if (HasWideBom(data)) return Status::Ok();
  std::string_view head = data.substr(0, 64 * 1024);
  size_t control = 0;
  for (char c : head) control += IsStrayControl(static_cast<unsigned char>(c));
  // Real text has almost no C0 controls, but a stray one (a NUL left by a broken CMS, \x03 in
  // old wire copy) is not a reason to lose the page; binary formats have them everywhere.
  if (control > 1 && control * 100 > head.size()) {
    return InvalidArgumentError("binary content (" +
                                std::to_string((control * 100 + head.size() - 1) / head.size()) +
                                "% NUL or control bytes)");
  }
  return Status::Ok();
}

std::string RemoveStrayControlBytes(std::string& data) {
  if (HasWideBom(data)) return "";
  size_t first = 0, removed = 0, out = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    if (IsStrayControl(static_cast<unsigned char>(data[i]))) {
      if (removed++ == 0) first = i;
      continue;
    }
    data[out++] = data[i];
  }
  if (removed == 0) return "";
  data.resize(out);
  return "removed " + std::to_string(removed) + " stray control byte" + (removed > 1 ? "s" : "") +
         " (NUL or other C0; the first at offset " + std::to_string(first) + ")";
}

}  // namespace depeche::ingest
