// Making input bytes valid UTF-8: repair stray invalid sequences, or re-decode whole texts
// that are in a single-byte legacy encoding (windows-1252 / ISO-8859-1).
#ifndef DEPECHE_INGEST_CHARSET_H_
#define DEPECHE_INGEST_CHARSET_H_

#include <optional>
#include <string>
#include <string_view>

namespace depeche::ingest {

struct DecodedText {
  std::string text;     // valid UTF-8
  std::string warning;  // empty when the input was valid UTF-8
};

// Valid UTF-8 is returned as is. Input with invalid sequences and no valid multi-byte
// sequence at all is decoded as windows-1252 (a superset of ISO-8859-1 for printable text);
// otherwise each invalid sequence becomes U+FFFD. The warning names the first bad byte offset.
DecodedText DecodeToUtf8(std::string_view bytes);

// Text starting with a UTF-16 byte order mark (FF FE: little-endian, FE FF: big-endian) is
// decoded to UTF-8 without the mark; nullopt for anything else (no BOM: not decoded, since
// bytes alone cannot tell UTF-16 from binary). Unpaired surrogates and an odd last byte
// become U+FFFD and the warning names the first one's byte offset; the warning is empty for
// clean input. Call it before CheckLooksLikeText (UTF-16 is full of NUL bytes).
std::optional<DecodedText> DecodeUtf16WithBom(std::string_view bytes);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_CHARSET_H_
