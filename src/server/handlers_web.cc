// GET / and GET /static/NAME: the dashboard (web/), embedded or from --web DIR.
#include <fstream>
#include <regex>
#include <sstream>

#include "server/service.h"
#include "server/web_files.h"

namespace depeche::server {
namespace {

// What every dashboard file carries. The policy allows the dashboard's own scripts, styles and
// API calls only: no inline script or style, no plugin, no <base>, no framing, so that text
// from the store that slipped into markup still could not run (docs/DASHBOARD.md).
void AddSecurityHeaders(Response& out) {
  out.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; script-src 'self'; style-src 'self'; "
                           "img-src 'self'; connect-src 'self'; object-src 'none'; "
                           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  out.headers.emplace_back("X-Content-Type-Options", "nosniff");
  out.headers.emplace_back("Referrer-Policy", "no-referrer");
  out.headers.emplace_back("X-Frame-Options", "DENY");
}

Response NotFound(const std::string& name) {
  return ErrorResponse(NotFoundRoute("no dashboard file \"" + name + "\""));
}

// A file of --web DIR; `name` is a plain file name (the route admits no '/').
Response FromDirectory(const std::string& dir, const std::string& name) {
  const std::string_view type = WebContentType(name);
  if (type.empty()) return NotFound(name);
  std::ifstream in(dir + "/" + name, std::ios::binary);
  if (!in) return NotFound(name);
  Response out;
  out.content_type = std::string(type);
  std::ostringstream content;
  content << in.rdbuf();
  out.body = content.str();
  // Read again at each request: the developer edits them.
  out.headers.emplace_back("Cache-Control", "no-store");
  return out;
}

}  // namespace

Response GetWebFile(Service&, const Request& request) {
  const std::string name = request.captures.empty() ? "index.html" : request.captures[0];
  // The route's pattern admits names only ([A-Za-z0-9_.-], no "..", no '/'); checked again
  // here so that a change of the pattern cannot open the file system.
  static const std::regex kName("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
  if (!std::regex_match(name, kName)) return NotFound(name);
  Response out;
  if (const std::string dir = WebDirectory(); !dir.empty()) {
    out = FromDirectory(dir, name);
  } else {
    const WebFile* file = FindWebFile(name);
    if (file == nullptr) return NotFound(name);
    out.content_type = std::string(file->content_type);
    out.body = std::string(file->bytes);
    // Revalidate each time (the files change with the binary); the ETag names this content.
    out.headers.emplace_back("Cache-Control", "no-cache");
    out.headers.emplace_back("ETag", std::string(file->etag));
  }
  if (out.status == 200) AddSecurityHeaders(out);
  return out;
}

}  // namespace depeche::server
