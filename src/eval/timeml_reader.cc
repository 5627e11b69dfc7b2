#include "eval/timeml_reader.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <system_error>

namespace depeche::eval {
namespace fs = std::filesystem;

std::string Timex::Attribute(std::string_view name) const {
  for (const auto& [k, v] : attributes) {
    if (k == name) return v;
  }
  return "";
}

namespace {

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct OpenTimex {
  Timex timex;
  size_t index;  // slot in TimemlDocument::timexes
};

class Parser {
 public:
  Parser(std::string_view xml, std::string_view name) : xml_(xml), name_(name) {}

  Result<TimemlDocument> Run() {
    doc_.name = std::string(name_);
    while (pos_ < xml_.size()) {
      const size_t lt = xml_.find('<', pos_);
      const size_t stop = lt == std::string_view::npos ? xml_.size() : lt;
      if (stop > pos_) DEPECHE_RETURN_IF_ERROR(CharData(xml_.substr(pos_, stop - pos_), pos_));
      if (lt == std::string_view::npos) break;
      pos_ = lt;
      DEPECHE_RETURN_IF_ERROR(Markup());
    }
    if (!stack_.empty()) return Error(xml_.size(), "<" + stack_.back() + "> is never closed");
    if (!saw_text_) return Error(0, "no <TEXT> element");
    if (doc_.id.empty()) {
      doc_.id = fs::path(std::string(name_)).stem().string();
    } else {
      Trim(doc_.id);
    }
    return std::move(doc_);
  }

 private:
  Status Error(size_t at, const std::string& why) const {
    const size_t line =
        1 + std::count(xml_.begin(), xml_.begin() + std::min(at, xml_.size()), '\n');
    return InvalidArgumentError(std::string(name_) + ":" + std::to_string(line) + ": " + why);
  }

  static void Trim(std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    const size_t e = s.find_last_not_of(" \t\r\n");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }

  // Decodes entities of `raw` (found at byte `at` of the file) into `out`.
  Status Decode(std::string_view raw, size_t at, std::string& out) const {
    size_t i = 0;
    while (i < raw.size()) {
      const size_t amp = raw.find('&', i);
      if (amp == std::string_view::npos) {
        out.append(raw.substr(i));
        break;
      }
      out.append(raw.substr(i, amp - i));
      const size_t semi = raw.find(';', amp);
      if (semi == std::string_view::npos || semi - amp > 12) {
        return Error(at + amp, "'&' that starts no entity");
      }
      const std::string_view ent = raw.substr(amp + 1, semi - amp - 1);
      if (ent == "amp") {
        out += '&';
      } else if (ent == "lt") {
        out += '<';
      } else if (ent == "gt") {
        out += '>';
      } else if (ent == "quot") {
        out += '"';
      } else if (ent == "apos") {
        out += '\'';
      } else if (ent.size() >= 2 && ent[0] == '#') {
        const bool hex = ent[1] == 'x' || ent[1] == 'X';
        const std::string digits(ent.substr(hex ? 2 : 1));
        uint32_t cp = 0;
        bool ok = !digits.empty() && digits.size() <= 8;
        for (char c : digits) {
          int d = -1;
          if (c >= '0' && c <= '9') d = c - '0';
          if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
          if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
          if (d < 0) ok = false;
          if (ok) cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        }
        if (!ok || cp == 0 || cp > 0x10FFFF) {
          return Error(at + amp, "bad character reference '&" + std::string(ent) + ";'");
        }
        AppendUtf8(cp, out);
      } else {
        return Error(at + amp, "unknown entity '&" + std::string(ent) + ";'");
      }
      i = semi + 1;
    }
    return Status::Ok();
  }

  Status CharData(std::string_view raw, size_t at) {
    if (in_text_) return Decode(raw, at, doc_.text);
    if (in_docid_) return Decode(raw, at, doc_.id);
    if (dct_open_) return Decode(raw, at, dct_text_);
    return Status::Ok();
  }

  // Skips to the end of `close` (comment, PI, CDATA, DOCTYPE).
  Status SkipPast(std::string_view close, std::string_view what) {
    const size_t e = xml_.find(close, pos_);
    if (e == std::string_view::npos) return Error(pos_, std::string(what) + " is never closed");
    pos_ = e + close.size();
    return Status::Ok();
  }

  Status Markup() {
    const std::string_view rest = xml_.substr(pos_);
    if (rest.substr(0, 4) == "<!--") return SkipPast("-->", "comment");
    if (rest.substr(0, 2) == "<?") return SkipPast("?>", "processing instruction");
    if (rest.substr(0, 9) == "<![CDATA[") {
      const size_t start = pos_ + 9;
      const size_t e = xml_.find("]]>", start);
      if (e == std::string_view::npos) return Error(pos_, "CDATA section is never closed");
      if (in_text_) doc_.text.append(xml_.substr(start, e - start));
      pos_ = e + 3;
      return Status::Ok();
    }
    if (rest.substr(0, 2) == "<!") return SkipPast(">", "declaration");
    const size_t tag_start = pos_;
    // Find the tag's end, skipping quoted attribute values (they may hold '>').
    size_t i = pos_ + 1;
    char quote = 0;
    for (; i < xml_.size(); ++i) {
      const char c = xml_[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      } else if (c == '<') {
        return Error(tag_start, "'<' inside a tag");
      }
    }
    if (i >= xml_.size()) return Error(tag_start, "tag is never closed with '>'");
    std::string_view body = xml_.substr(tag_start + 1, i - tag_start - 1);
    pos_ = i + 1;
    if (!body.empty() && body[0] == '/') return EndTag(body.substr(1), tag_start);
    bool self_closing = false;
    if (!body.empty() && body.back() == '/') {
      self_closing = true;
      body.remove_suffix(1);
    }
    size_t n = 0;
    while (n < body.size() && !IsSpace(body[n])) ++n;
    const std::string tag(body.substr(0, n));
    if (tag.empty()) return Error(tag_start, "tag without a name");
    std::vector<std::pair<std::string, std::string>> attrs;
    DEPECHE_RETURN_IF_ERROR(Attributes(body.substr(n), tag_start, attrs));
    return StartTag(tag, std::move(attrs), self_closing, tag_start);
  }

  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  Status Attributes(std::string_view s, size_t at,
                    std::vector<std::pair<std::string, std::string>>& out) const {
    size_t i = 0;
    while (true) {
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i >= s.size()) return Status::Ok();
      const size_t name_start = i;
      while (i < s.size() && s[i] != '=' && !IsSpace(s[i])) ++i;
      std::string name(s.substr(name_start, i - name_start));
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i >= s.size() || s[i] != '=') return Error(at, "attribute '" + name + "' has no value");
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) {
        return Error(at, "attribute '" + name + "' value is not quoted");
      }
      const char q = s[i++];
      const size_t v_start = i;
      while (i < s.size() && s[i] != q) ++i;
      if (i >= s.size()) return Error(at, "attribute '" + name + "' value is not closed");
      std::string value;
      DEPECHE_RETURN_IF_ERROR(Decode(s.substr(v_start, i - v_start), at, value));
      ++i;
      out.emplace_back(std::move(name), std::move(value));
    }
  }

  static Timex MakeTimex(std::vector<std::pair<std::string, std::string>> attrs) {
    Timex t;
    for (const auto& [k, v] : attrs) {
      if (k == "tid") t.tid = v;
      if (k == "type") t.type = v;
      if (k == "value") t.value = v;
    }
    t.attributes = std::move(attrs);
    return t;
  }

  Status StartTag(const std::string& tag, std::vector<std::pair<std::string, std::string>> attrs,
                  bool self_closing, size_t at) {
    if (tag == "TEXT" && !self_closing) {
      if (saw_text_) return Error(at, "a second <TEXT> element");
      saw_text_ = true;
      in_text_ = true;
    } else if (tag == "DOCID" && !self_closing && !in_text_) {
      in_docid_ = true;
    } else if (tag == "DCT" && !self_closing && !in_text_) {
      in_dct_ = true;
    } else if (tag == "TIMEX3" && in_dct_ && !in_text_ && !dct_seen_) {
      dct_seen_ = true;
      Timex t = MakeTimex(std::move(attrs));
      doc_.dct_value = t.value;
      doc_.dct_tid = t.tid;
      if (!self_closing) dct_open_ = true;
    } else if (tag == "TIMEX3" && in_text_) {
      Timex t = MakeTimex(std::move(attrs));
      t.begin = t.end = doc_.text.size();
      doc_.timexes.push_back(std::move(t));
      if (!self_closing) open_timexes_.push_back(doc_.timexes.size() - 1);
    }
    if (!self_closing) stack_.push_back(tag);
    return Status::Ok();
  }

  Status EndTag(std::string_view body, size_t at) {
    std::string tag(body);
    Trim(tag);
    if (stack_.empty()) return Error(at, "</" + tag + "> closes nothing");
    if (stack_.back() != tag) {
      return Error(at, "</" + tag + "> closes <" + stack_.back() + ">");
    }
    stack_.pop_back();
    if (tag == "TEXT" && in_text_) {
      in_text_ = false;
    } else if (tag == "DOCID") {
      in_docid_ = false;
    } else if (tag == "DCT") {
      in_dct_ = false;
    } else if (tag == "TIMEX3" && dct_open_) {
      dct_open_ = false;
    } else if (tag == "TIMEX3" && in_text_ && !open_timexes_.empty()) {
      Timex& t = doc_.timexes[open_timexes_.back()];
      open_timexes_.pop_back();
      t.end = doc_.text.size();
      t.text = doc_.text.substr(t.begin, t.end - t.begin);
    }
    return Status::Ok();
  }

  std::string_view xml_;
  std::string_view name_;
  size_t pos_ = 0;
  TimemlDocument doc_;
  std::vector<std::string> stack_;
  std::vector<size_t> open_timexes_;
  std::string dct_text_;
  bool in_text_ = false;
  bool saw_text_ = false;
  bool in_docid_ = false;
  bool in_dct_ = false;
  bool dct_seen_ = false;
  bool dct_open_ = false;
};

}  // namespace

Result<TimemlDocument> ParseTimeml(std::string_view xml, std::string_view name) {
  if (xml.find('\r') == std::string_view::npos) return Parser(xml, name).Run();
  // XML 1.0 section 2.11: an XML processor reads CR LF and lone CR as LF (the official tools'
  // parsers do, so a CRLF prediction of an LF gold file has the same text).
  std::string normalized;
  normalized.reserve(xml.size());
  for (size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] != '\r') {
      normalized += xml[i];
    } else if (i + 1 >= xml.size() || xml[i + 1] != '\n') {
      normalized += '\n';
    }
  }
  return Parser(normalized, name).Run();
}

namespace {

Result<TimemlDocument> ReadNamed(const fs::path& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError(path.string() + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return UnavailableError(path.string() + ": read failed");
  const std::string xml = buf.str();
  auto doc = ParseTimeml(xml, path.string());
  if (!doc.ok()) return doc.status();
  doc->name = name;
  return doc;
}

}  // namespace

Result<TimemlDocument> ReadTimemlFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFoundError(path.string() + ": no such file");
  return ReadNamed(path, path.filename().string());
}

Result<std::vector<TimemlDocument>> ReadTimeml(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFoundError(path.string() + ": no such file or folder");
  std::vector<TimemlDocument> docs;
  if (!fs::is_directory(path, ec)) {
    DEPECHE_ASSIGN_OR_RETURN(TimemlDocument d, ReadTimemlFile(path));
    docs.push_back(std::move(d));
    return docs;
  }
  std::vector<std::string> names;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".tml") {
      names.push_back(it->path().lexically_relative(path).generic_string());
    }
  }
  if (ec) return UnavailableError(path.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    DEPECHE_ASSIGN_OR_RETURN(TimemlDocument d, ReadNamed(path / n, n));
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace depeche::eval
