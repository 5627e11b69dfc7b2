// Encodings of the article columns that are not plain SQL values.
#ifndef DEPECHE_STORE_ROW_CODEC_H_
#define DEPECHE_STORE_ROW_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"

namespace depeche::store {

// Sentence spans as a BLOB of little-endian uint32 pairs (begin, end): 8 bytes per sentence,
// decoded without parsing. Replaces the contents of `out`.
void EncodeSpans(const std::vector<Span>& spans, std::string& out);
// DataLoss when the size is not a multiple of 8 or a span is reversed.
Result<std::vector<Span>> DecodeSpans(std::string_view blob);

// Boilerplate spans as a JSON array of [begin, end, "reason"] triples. Replaces `out`.
void EncodeBoilerplate(const std::vector<BoilerplateSpan>& spans, std::string& out);
// DataLoss when `json` is not in the shape EncodeBoilerplate writes.
Result<std::vector<BoilerplateSpan>> DecodeBoilerplate(std::string_view json);

// Plain spans as a JSON array of [begin, end] pairs (an inferred date's evidence). Replaces
// `out`.
void EncodeJsonSpans(const std::vector<Span>& spans, std::string& out);
// DataLoss when `json` is not in the shape EncodeJsonSpans writes.
Result<std::vector<Span>> DecodeJsonSpans(std::string_view json);

// `values` as a JSON array of strings. Replaces the contents of `out`.
void EncodeJsonStringArray(const std::vector<std::string>& values, std::string& out);
// Appends `value` as a quoted JSON string (control characters, quote and backslash escaped;
// UTF-8 passes through).
void AppendJsonString(std::string_view value, std::string& out);

// Whether every character of `s` is a lower-case hex digit (true for ""): the ids the store
// writes (articles, watches).
bool IsLowerHex(std::string_view s);

// The values of a comma-separated list as group_concat writes it ("fr,es"); empty for "".
std::vector<std::string> DecodeCommaList(std::string_view list);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_ROW_CODEC_H_
