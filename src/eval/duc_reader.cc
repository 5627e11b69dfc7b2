#include "eval/duc_reader.h"

#include <algorithm>
#include <system_error>

#include "core/files.h"

namespace depeche::eval {
namespace fs = std::filesystem;
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Entities of the newswire SGML: &amp; &lt; &gt; (either case) are characters; the others
// (&HT; &QL; &UR; ... typesetting codes of the NYT feed) are dropped.
std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      const size_t semi = s.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 8) {
        std::string name(s.substr(i + 1, semi - i - 1));
        bool is_name = !name.empty();
        for (char& c : name) {
          if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            is_name = false;
          }
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        if (is_name) {
          if (name == "amp") out += '&';
          if (name == "lt") out += '<';
          if (name == "gt") out += '>';
          if (name != "amp" && name != "lt" && name != "gt") out += ' ';
          i = semi;
          continue;
        }
      }
    }
    out += s[i];
  }
  return out;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// The text between the first <tag> after `from` and its </tag>; false when there is none.
bool Element(std::string_view sgml, std::string_view tag, size_t from, std::string_view* inner,
             size_t* end) {
  std::string open = "<";
  open.append(tag).push_back('>');
  std::string close = "</";
  close.append(tag).push_back('>');
  const size_t begin = sgml.find(open, from);
  if (begin == std::string_view::npos) return false;
  const size_t stop = sgml.find(close, begin + open.size());
  if (stop == std::string_view::npos) return false;
  *inner = sgml.substr(begin + open.size(), stop - begin - open.size());
  if (end != nullptr) *end = stop + close.size();
  return true;
}

std::string Clean(std::string_view s) { return Collapse(DecodeEntities(s)); }

size_t CountWords(const std::string& s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

}  // namespace

Result<DucDocument> ParseDucDocument(const std::string& sgml, const std::string& name) {
  DucDocument doc;
  std::string_view inner;
  if (!Element(sgml, "DOCNO", 0, &inner, nullptr)) {
    return InvalidArgumentError(name + ": no <DOCNO>");
  }
  doc.docno = Collapse(inner);
  if (Element(sgml, "DATE_TIME", 0, &inner, nullptr)) doc.date_time = Collapse(inner);
  if (Element(sgml, "HEADLINE", 0, &inner, nullptr)) doc.headline = Clean(inner);
  std::string_view text;
  if (!Element(sgml, "TEXT", 0, &text, nullptr)) {
    return InvalidArgumentError(name + ": no <TEXT>");
  }
  size_t pos = 0;
  std::string_view paragraph;
  size_t end = 0;
  while (Element(text, "P", pos, &paragraph, &end)) {
    std::string p = Clean(paragraph);
    if (!p.empty()) doc.paragraphs.push_back(std::move(p));
    pos = end;
  }
  if (pos == 0) {  // no <P>: the whole text is one paragraph
    std::string p = Clean(text);
    if (!p.empty()) doc.paragraphs.push_back(std::move(p));
  }
  return doc;
}

Result<std::vector<DucTopic>> ReadDucTopics(const fs::path& docs_dir) {
  std::error_code ec;
  if (!fs::is_directory(docs_dir, ec)) {
    return NotFoundError("no DUC document folder " + docs_dir.string());
  }
  std::vector<fs::path> topic_dirs;
  for (const auto& entry : fs::directory_iterator(docs_dir, ec)) {
    if (entry.is_directory()) topic_dirs.push_back(entry.path());
  }
  std::sort(topic_dirs.begin(), topic_dirs.end());
  std::vector<DucTopic> topics;
  for (const fs::path& dir : topic_dirs) {
    DucTopic topic;
    topic.id = dir.filename().string();
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      DEPECHE_ASSIGN_OR_RETURN(std::string sgml, core::ReadFile(file.string()));
      DEPECHE_ASSIGN_OR_RETURN(DucDocument doc, ParseDucDocument(sgml, file.string()));
      topic.documents.push_back(std::move(doc));
    }
    topics.push_back(std::move(topic));
  }
  return topics;
}

Result<std::vector<DucQuery>> ParseDucQueries(const std::string& sgml, const std::string& name) {
  std::vector<DucQuery> queries;
  const std::string_view all(sgml);
  size_t pos = 0;
  while (true) {
    const size_t begin = all.find("<topic>", pos);
    if (begin == std::string_view::npos) break;
    const std::string where =
        name + ":" + std::to_string(1 + std::count(all.begin(), all.begin() + begin, '\n'));
    const size_t end = all.find("</topic>", begin);
    if (end == std::string_view::npos) return InvalidArgumentError(where + ": no </topic>");
    const std::string_view topic = all.substr(begin, end - begin);
    DucQuery q;
    std::string_view inner;
    if (!Element(topic, "num", 0, &inner, nullptr) || Collapse(inner).empty()) {
      return InvalidArgumentError(where + ": <topic> without <num>");
    }
    q.id = Collapse(inner);
    if (Element(topic, "title", 0, &inner, nullptr)) q.title = Clean(inner);
    if (Element(topic, "narr", 0, &inner, nullptr)) q.narrative = Clean(inner);
    queries.push_back(std::move(q));
    pos = end;
  }
  return queries;
}

Result<std::vector<DucQuery>> ReadDucQueries(const fs::path& path) {
  auto sgml = core::ReadFile(path.string());
  if (!sgml.ok()) return NotFoundError("cannot read DUC topics " + path.string());
  return ParseDucQueries(*sgml, path.string());
}

size_t AttachDucQueries(const std::vector<DucQuery>& queries, std::vector<DucTopic>* topics) {
  size_t set = 0;
  for (DucTopic& topic : *topics) {
    for (const DucQuery& q : queries) {
      if (q.id != topic.id) continue;
      topic.title = q.title;
      topic.narrative = q.narrative;
      ++set;
      break;
    }
  }
  return set;
}

bool ParseDucSummaryName(const std::string& name, std::string* topic, std::string* author) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    fields.push_back(
        name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (fields.size() != 5) return false;
  for (const std::string& f : fields) {
    if (f.empty()) return false;
  }
  *topic = fields[0];
  *author = fields[4];
  return true;
}

Result<std::vector<DucSummary>> ReadDucSummaries(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("no DUC summary folder " + dir.string());
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<DucSummary> summaries;
  for (const fs::path& file : files) {
    DucSummary summary;
    summary.file = file.filename().string();
    if (!ParseDucSummaryName(summary.file, &summary.topic, &summary.author)) continue;
    DEPECHE_ASSIGN_OR_RETURN(std::string text, core::ReadFile(file.string()));
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      summary.lines.push_back(text.substr(pos, end - pos));
      pos = end + 1;
    }
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

std::vector<std::string> DucLeadSummary(const DucTopic& topic, int words) {
  std::vector<const DucDocument*> docs;
  for (const DucDocument& d : topic.documents) docs.push_back(&d);
  std::stable_sort(docs.begin(), docs.end(), [](const DucDocument* a, const DucDocument* b) {
    if (a->date_time != b->date_time) return a->date_time > b->date_time;
    return a->docno > b->docno;
  });
  std::vector<std::string> lines;
  size_t total = 0;
  const size_t budget = words > 0 ? static_cast<size_t>(words) : 0;
  for (const DucDocument* doc : docs) {
    for (const std::string& p : doc->paragraphs) {
      if (total >= budget) return lines;
      const size_t n = CountWords(p);
      if (total + n <= budget) {
        lines.push_back(p);
        total += n;
        continue;
      }
      // Cut the paragraph to the words left.
      std::string cut;
      size_t taken = 0;
      size_t i = 0;
      while (i < p.size() && taken < budget - total) {
        while (i < p.size() && IsSpace(p[i])) ++i;
        const size_t start = i;
        while (i < p.size() && !IsSpace(p[i])) ++i;
        if (i > start) {
          if (!cut.empty()) cut += ' ';
          cut += p.substr(start, i - start);
          ++taken;
        }
      }
      lines.push_back(std::move(cut));
      return lines;
    }
  }
  return lines;
}

}  // namespace depeche::eval
