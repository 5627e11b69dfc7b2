// Character sets of HTML pages: what the page declares (BOM, HTTP header, <meta>), what ICU
// detects when it declares nothing, and the conversion to UTF-8 that gumbo needs.
#ifndef DEPECHE_INGEST_HTML_CHARSET_H_
#define DEPECHE_INGEST_HTML_CHARSET_H_

#include <string>
#include <string_view>

namespace depeche::ingest {

// Decodes `bytes` to UTF-8: byte-order mark, then `declared_charset`, then a <meta charset> /
// http-equiv declaration in the first 4 KB, then ICU detection when the bytes are not valid
// UTF-8. windows-1252 stands in for ISO-8859-1 and US-ASCII, as browsers do. `charset_used`
// receives the canonical name used; `warning` a note when a guess or repair was needed.
std::string DecodeHtmlBytes(std::string_view bytes, std::string_view declared_charset,
                            std::string* charset_used, std::string* warning);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_HTML_CHARSET_H_
