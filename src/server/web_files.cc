#include "server/web_files.h"

#include <mutex>
#include <utility>

namespace depeche::server {
namespace {

std::mutex& DirMutex() {
  static std::mutex mu;
  return mu;
}
std::string& Dir() {
  static std::string dir;
  return dir;
}

}  // namespace

const WebFile* FindWebFile(std::string_view name) {
  for (const WebFile& file : EmbeddedWebFiles()) {
    if (file.name == name) return &file;
  }
  return nullptr;
}

std::string_view WebContentType(std::string_view name) {
  // The same table as cmake/EmbedFiles.cmake, for files read from --web DIR.
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return type;
  }
  return {};
}

void SetWebDirectory(std::string dir) {
  std::lock_guard<std::mutex> lock(DirMutex());
  Dir() = std::move(dir);
}

std::string WebDirectory() {
  std::lock_guard<std::mutex> lock(DirMutex());
  return Dir();
}

}  // namespace depeche::server
