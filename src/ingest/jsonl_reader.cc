#include "ingest/jsonl_reader.h"

#include <cstring>

#include <nlohmann/json.hpp>

namespace depeche::ingest {
namespace {

using nlohmann::json;

Status TakeString(json& obj, const char* key, std::string& out) {
  auto it = obj.find(key);
  if (it == obj.end()) return Status::Ok();
  if (it->is_null()) {
    obj.erase(it);
    return Status::Ok();
  }
  if (it->is_number()) {
    out = it->dump();  // numeric ids are common in feeds
  } else if (!it->is_string()) {
    return InvalidArgumentError(std::string("field '") + key + "' must be a string");
  } else {
    out = it->get<std::string>();
  }
  obj.erase(it);
  return Status::Ok();
}

}  // namespace

size_t JsonNestingBeyond(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

Result<RawArticle> ParseJsonlRecord(std::string_view line) {
  // nlohmann's dump() and SQLite's JSON functions recurse per level: a record nested
  // thousands deep would overflow the stack or fail the whole batch's transaction, so it is
  // refused here, before parsing, as this record's problem.
  if (size_t at = JsonNestingBeyond(line, kMaxJsonDepth); at != std::string_view::npos) {
    return InvalidArgumentError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                                " levels (at column " + std::to_string(at + 1) + ")");
  }
  json obj = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) {
    // Parse again with exceptions to get the position for the message.
    try {
      json discard = json::parse(line.begin(), line.end());
      (void)discard;
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      size_t colon = what.find("] ");
      return InvalidArgumentError("not valid JSON at column " + std::to_string(e.byte) + ": " +
                                  (colon == std::string::npos ? what : what.substr(colon + 2)));
    } catch (...) {
    }
    return InvalidArgumentError("not valid JSON");
  }
  if (!obj.is_object()) return InvalidArgumentError("expected a JSON object");
  RawArticle a;
  DEPECHE_RETURN_IF_ERROR(TakeString(obj, "id", a.external_id));
  DEPECHE_RETURN_IF_ERROR(TakeString(obj, "url", a.url));
  DEPECHE_RETURN_IF_ERROR(TakeString(obj, "source", a.source));
  DEPECHE_RETURN_IF_ERROR(TakeString(obj, "title", a.title));
  DEPECHE_RETURN_IF_ERROR(TakeString(obj, "published", a.published));
  DEPECHE_RETURN_IF_ERROR(TakeString(obj, "lang", a.lang));
  DEPECHE_RETURN_IF_ERROR(TakeString(obj, "text", a.text));
  DEPECHE_RETURN_IF_ERROR(TakeString(obj, "html", a.html));
  if (!a.text.empty()) a.html.clear();  // the feed's own text wins over re-extraction
  if (a.text.empty() && a.html.empty() && a.title.empty()) {  // a title alone is a headline
    return InvalidArgumentError("no 'title', 'text' or 'html' field (or they are empty)");
  }
  if (!a.title.empty()) a.title_origin = "given";
  if (!a.external_id.empty()) obj["id"] = a.external_id;
  a.metadata_json = obj.dump(-1, ' ', false, json::error_handler_t::replace);
  return a;
}

bool LineReader::Fill() {
  if (eof_) return false;
  buffer_.erase(0, pos_);
  pos_ = 0;
  size_t old = buffer_.size();
  buffer_.resize(old + (1 << 16));
  size_t n = std::fread(buffer_.data() + old, 1, 1 << 16, file_);
  buffer_.resize(old + n);
  bytes_read_ += static_cast<int64_t>(n);
  if (n == 0) eof_ = true;
  return n > 0;
}

// Reads with fread + memchr (not fgets) so NUL bytes inside a line are kept and reported by
// the parser instead of silently cutting the line.
LineReader::State LineReader::Next(std::string& line) {
  line.clear();
  bool too_long = false;
  bool any = false;
  while (true) {
    if (pos_ >= buffer_.size() && !Fill()) {
      if (std::ferror(file_)) return State::kError;
      break;
    }
    any = true;
    const char* start = buffer_.data() + pos_;
    size_t avail = buffer_.size() - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    if (!too_long) {
      if (static_cast<int64_t>(line.size() + take) > max_line_bytes_) {
        too_long = true;
        std::string().swap(line);
      } else {
        line.append(start, take);
      }
    }
    pos_ += take + (nl ? 1 : 0);
    if (nl) break;
  }
  if (!any) return State::kEnd;
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return too_long ? State::kTooLong : State::kLine;
}

}  // namespace depeche::ingest
