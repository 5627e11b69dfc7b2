#include "ingest/reuters_sgml.h"
#include "text/utf8_codec.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

namespace depeche::ingest {
namespace {

// Windows-1252 for 0x80-0x9F (what "Latin-1" text from the 1980s-90s usually means);
// 0 marks the five undefined bytes, which are dropped.
constexpr std::array<uint16_t, 32> kCp1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Decodes the entity starting at s[pos] == '&'; on success stores the code point and the
// offset past ';'. Unknown names and malformed references stay literal text.
bool DecodeEntity(std::string_view s, size_t pos, uint32_t* cp, size_t* next) {
  // Only the next few bytes: scanning to the end for each '&' would be quadratic.
  size_t semi = s.substr(pos + 1, 10).find(';');
  if (semi == std::string_view::npos) return false;
  semi += pos + 1;
  std::string_view name = s.substr(pos + 1, semi - pos - 1);
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    uint32_t value = 0;
    for (char c : digits) {
      int d = c >= '0' && c <= '9'          ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0) return false;
      value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    *cp = value;
  } else if (name == "lt") {
    *cp = '<';
  } else if (name == "gt") {
    *cp = '>';
  } else if (name == "amp") {
    *cp = '&';
  } else if (name == "quot") {
    *cp = '"';
  } else if (name == "apos") {
    *cp = '\'';
  } else {
    return false;
  }
  *next = semi + 1;
  return true;
}

// SGML character data (Latin-1 bytes with entities) to UTF-8 without control characters.
// Wire-service terminal escapes ("ESC [ B", "ESC ( B") are dropped whole, not just their ESC.
std::string DecodeSgmlText(std::string_view s) {
  enum class Escape { kNone, kStart, kSequence };
  Escape escape = Escape::kNone;
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    if (escape == Escape::kNone) {
      // Fast path: copy a run of printable ASCII (almost all of the corpus) in one append.
      size_t run = pos;
      while (run < s.size() && s[run] != '&' &&
             ((s[run] >= 0x20 && s[run] < 0x7F) || s[run] == '\n')) {
        ++run;
      }
      out.append(s.data() + pos, run - pos);
      pos = run;
      if (pos == s.size()) break;
    }
    auto byte = static_cast<unsigned char>(s[pos]);
    uint32_t cp = byte;
    size_t next = pos + 1;
    if (byte == '&') {
      if (!DecodeEntity(s, pos, &cp, &next)) cp = '&';
    } else if (byte >= 0x80 && byte < 0xA0) {
      cp = kCp1252[byte - 0x80];
    }
    pos = next;
    if (escape == Escape::kStart) {
      escape = (cp == '[' || cp == '(' || cp == ')') ? Escape::kSequence : Escape::kNone;
      if (escape == Escape::kSequence) continue;
    } else if (escape == Escape::kSequence) {
      if (cp >= 0x20 && cp <= 0x3F) continue;  // parameter and intermediate bytes
      escape = Escape::kNone;
      if (cp >= 0x40 && cp <= 0x7E) continue;  // final byte
    }
    if (cp == 0x1B) {
      escape = Escape::kStart;
      continue;
    }
    bool control = (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0);
    bool invalid = cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
    if (control || invalid) continue;
    text::utf8::Append(static_cast<int32_t>(cp), out);
  }
  return out;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimAsciiSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Titles and datelines wrap over lines in the files; one line reads better.
std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : TrimAsciiSpace(s)) {
    if (IsAsciiSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// A located element: its content and the offset just past its closing tag.
struct Element {
  std::string_view content;
  size_t end = 0;
};

// The first <tag ...>content</tag> in `s` at or after `from`. The name must be followed by
// '>' or a space so that <D> does not match <DATE> nor <DATE> match <DATELINE>.
std::optional<Element> FindElement(std::string_view s, std::string_view tag, size_t from = 0) {
  // Built with append: GCC 12 warns (-Wrestrict, falsely) on "</" + std::string(tag) + ">".
  std::string open(1, '<');
  open.append(tag);
  std::string close("</");
  close.append(tag);
  close.push_back('>');
  size_t pos = from;
  while ((pos = s.find(open, pos)) != std::string_view::npos) {
    size_t after = pos + open.size();
    if (after < s.size() && (s[after] == '>' || s[after] == ' ')) break;
    pos = after;
  }
  if (pos == std::string_view::npos) return std::nullopt;
  size_t content_begin = s.find('>', pos);
  if (content_begin == std::string_view::npos) return std::nullopt;
  ++content_begin;
  size_t content_end = s.find(close, content_begin);
  if (content_end == std::string_view::npos) return std::nullopt;
  return Element{s.substr(content_begin, content_end - content_begin), content_end + close.size()};
}

// The value of `name="..."` in an opening tag, or "" when absent.
std::string_view Attribute(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t pos = tag.find(key);
  if (pos == std::string_view::npos) return {};
  pos += key.size();
  size_t end = tag.find('"', pos);
  if (end == std::string_view::npos) return {};
  return tag.substr(pos, end - pos);
}

// The <D> items of a TOPICS/PLACES list.
std::vector<std::string> DList(std::string_view record, std::string_view tag) {
  std::vector<std::string> items;
  std::optional<Element> list = FindElement(record, tag);
  if (!list) return items;
  size_t pos = 0;
  while (std::optional<Element> item = FindElement(list->content, "D", pos)) {
    std::string value = CollapseWhitespace(DecodeSgmlText(item->content));
    if (!value.empty()) items.push_back(std::move(value));
    pos = item->end;
  }
  return items;
}

// TEXT holds TITLE, DATELINE, AUTHOR and BODY for normal stories. BRIEF stories have only a
// TITLE followed by loose text, UNPROC ones only loose text: that text becomes the body, except
// the corpus's placeholder "Blah blah blah." (1,604 flashes), which is no text: it would make
// every flash share three words.
void ParseText(std::string_view text, ReutersRecord& article) {
  size_t loose_begin = 0;
  if (std::optional<Element> title = FindElement(text, "TITLE")) {
    article.title = CollapseWhitespace(DecodeSgmlText(title->content));
    loose_begin = std::max(loose_begin, title->end);
  }
  if (std::optional<Element> dateline = FindElement(text, "DATELINE")) {
    article.dateline = CollapseWhitespace(DecodeSgmlText(dateline->content));
    loose_begin = std::max(loose_begin, dateline->end);
  }
  if (std::optional<Element> author = FindElement(text, "AUTHOR")) {
    loose_begin = std::max(loose_begin, author->end);
  }
  std::optional<Element> body = FindElement(text, "BODY");
  std::string_view raw_body = body ? body->content : text.substr(loose_begin);
  article.body = std::string(TrimAsciiSpace(DecodeSgmlText(raw_body)));
  if (!body.has_value() && article.body == "Blah blah blah.") article.body.clear();
}

Result<ReutersRecord> ParseRecord(std::string_view open_tag, std::string_view record) {
  ReutersRecord article;
  article.id = std::string(Attribute(open_tag, "NEWID"));
  if (article.id.empty()) {
    return DataLossError("<REUTERS> without NEWID: " + std::string(open_tag.substr(0, 120)));
  }
  if (std::optional<Element> date = FindElement(record, "DATE")) {
    article.date_iso = ReutersDateToIso(DecodeSgmlText(date->content));
  }
  article.topics = DList(record, "TOPICS");
  article.places = DList(record, "PLACES");
  if (std::optional<Element> text = FindElement(record, "TEXT")) {
    ParseText(text->content, article);
  }
  return article;
}

// Counts '\n' in s[from, to): line numbers for messages, computed once over the file.
int64_t CountLines(std::string_view s, size_t from, size_t to) {
  return static_cast<int64_t>(std::count(s.begin() + static_cast<std::ptrdiff_t>(from),
                                         s.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
}

}  // namespace

std::string ReutersDateToIso(std::string_view date) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  size_t pos = 0;
  auto skip_space = [&] {
    size_t start = pos;
    while (pos < date.size() && (date[pos] == ' ' || date[pos] == '\t')) ++pos;
    return pos > start;
  };
  // Reads 1..max_digits digits; -1 when there are none or more than max_digits.
  auto number = [&](size_t max_digits) {
    size_t start = pos;
    int value = 0;
    while (pos < date.size() && date[pos] >= '0' && date[pos] <= '9') {
      // Only the first max_digits count: a longer run is refused below, and accumulating it
      // would overflow (found by reuters_sgml_fuzzer).
      if (pos - start < max_digits) value = value * 10 + (date[pos] - '0');
      ++pos;
    }
    size_t digits = pos - start;
    return digits == 0 || digits > max_digits ? -1 : value;
  };
  auto expect = [&](char c) {
    if (pos < date.size() && date[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  };

  skip_space();
  int day = number(2);
  if (day < 1 || !expect('-') || pos + 3 > date.size()) return "";
  std::string month_name;
  for (char c : date.substr(pos, 3)) {
    month_name += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  pos += 3;
  auto month_it = std::find(kMonths.begin(), kMonths.end(), month_name);
  if (month_it == kMonths.end() || !expect('-')) return "";
  int month = static_cast<int>(month_it - kMonths.begin()) + 1;
  size_t year_begin = pos;
  int year = number(4);
  if (year < 0 || pos - year_begin != 4) return "";
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int month_days = kDays[static_cast<size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
  if (day > month_days) return "";

  std::array<char, 48> out;  // room for any int, so -Wformat-truncation stays quiet
  std::snprintf(out.data(), out.size(), "%04d-%02d-%02d", year, month, day);
  std::string day_iso = out.data();
  if (!skip_space()) return day_iso;
  int hour = number(2);
  if (hour < 0 || hour > 23 || !expect(':')) return day_iso;
  int minute = number(2);
  if (minute < 0 || minute > 59 || !expect(':')) return day_iso;
  int second = number(2);
  if (second < 0 || second > 59) return day_iso;
  std::snprintf(out.data(), out.size(), "T%02d:%02d:%02dZ", hour, minute, second);
  return day_iso + out.data();
}

ReutersParse ParseReutersSgml(std::string_view sgml) {
  static constexpr std::string_view kOpen = "<REUTERS";
  static constexpr std::string_view kClose = "</REUTERS>";
  ReutersParse out;
  size_t pos = 0;
  size_t counted = 0;  // line numbers are known up to this offset
  int64_t line = 1;
  while ((pos = sgml.find(kOpen, pos)) != std::string_view::npos) {
    size_t after = pos + kOpen.size();
    if (after >= sgml.size() || (sgml[after] != ' ' && sgml[after] != '>')) {
      pos = after;
      continue;
    }
    line += CountLines(sgml, counted, pos);
    counted = pos;
    size_t tag_end = sgml.find('>', pos);
    if (tag_end == std::string_view::npos) {
      out.errors.push_back({line, "unterminated <REUTERS> tag"});
      break;
    }
    std::string_view open_tag = sgml.substr(pos, tag_end + 1 - pos);
    // A record must close before the next one opens; one that does not is that record's
    // problem, and reading resumes at the next record. The close tag is only looked for up
    // to the next record, so that a file of unclosed records stays linear.
    size_t next_open = sgml.find("<REUTERS ", tag_end);
    size_t search_end = next_open == std::string_view::npos ? sgml.size() : next_open;
    size_t close = sgml.substr(0, search_end).find(kClose, tag_end);
    if (close == std::string_view::npos) {
      out.errors.push_back(
          {line, "record without </REUTERS>: " + std::string(open_tag.substr(0, 120))});
      if (next_open == std::string_view::npos) break;
      pos = next_open;
      continue;
    }
    Result<ReutersRecord> record =
        ParseRecord(open_tag, sgml.substr(tag_end + 1, close - tag_end - 1));
    if (record.ok()) {
      record->line = line;
      out.records.push_back(std::move(*record));
    } else {
      out.errors.push_back({line, record.status().message()});
    }
    pos = close + kClose.size();
  }
  return out;
}

RawArticle ToRawArticle(const ReutersRecord& record) {
  RawArticle raw;
  raw.external_id = record.id;
  raw.url = "reuters21578://" + record.id;
  raw.source = "Reuters";
  raw.title = record.title;
  if (!raw.title.empty()) raw.title_origin = "given";
  raw.published = record.date_iso;
  raw.lang = "en";
  raw.text = record.dateline;
  if (!raw.text.empty() && !record.body.empty()) raw.text += ' ';
  raw.text += record.body;
  // BRIEF flashes are a headline only: the headline is then the whole story.
  if (raw.text.empty()) raw.text = record.title;
  // The same object (sorted keys) as a JSONL record with these fields leaves in metadata, so
  // that an article reads the same whether it came from the SGML or from ToJsonl's line.
  nlohmann::json meta = nlohmann::json::object();
  meta["id"] = record.id;
  if (!record.dateline.empty()) meta["dateline"] = record.dateline;
  meta["topics"] = record.topics;
  meta["places"] = record.places;
  // The fields are valid UTF-8 by construction; `replace` only makes dump() unable to throw.
  raw.metadata_json = meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return raw;
}

}  // namespace depeche::ingest
