// The dashboard's static files (web/ in the source tree), embedded into the binary at build
// time (cmake/EmbedFiles.cmake writes web_files_data.cc), so `depeche serve` shows the same
// dashboard wherever it runs. docs/DASHBOARD.md.
//
// Thread safety: the embedded files are immutable; SetWebDirectory is meant to be called once,
// before the server starts, and WebDirectory may then be read from any thread.
#ifndef DEPECHE_SERVER_WEB_FILES_H_
#define DEPECHE_SERVER_WEB_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "server/service.h"

namespace depeche::server {

struct WebFile {
  std::string_view name;          // relative to web/: "index.html", "app.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view bytes;
  std::string_view etag;  // quoted, from the content's SHA-256
};

// Every embedded file, in web/'s order (generated).
const std::vector<WebFile>& EmbeddedWebFiles();
// The embedded file named `name`; nullptr when there is none.
const WebFile* FindWebFile(std::string_view name);
// The MIME type served for a file name (by its extension); "" for an extension not served.
std::string_view WebContentType(std::string_view name);

// Development: serve the dashboard from this folder (read at each request) instead of the
// embedded copy; "" (the default) for the embedded copy. `depeche serve --web DIR`.
void SetWebDirectory(std::string dir);
std::string WebDirectory();

// The handler of GET / (captures empty: index.html) and GET /static/NAME (handlers_web.cc):
// the file with its Content-Type, a Content-Security-Policy and nosniff; 404 when none.
Response GetWebFile(Service& service, const Request& request);

}  // namespace depeche::server

#endif  // DEPECHE_SERVER_WEB_FILES_H_
