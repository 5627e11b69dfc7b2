#include "eval/cluster_corpus.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <utility>

#include "ingest/html_dates.h"

namespace depeche::eval {

namespace fs = std::filesystem;

namespace {

// The publication day a URL gives (/2018/04/17/), as the engine's HTML reader takes it.
std::optional<int64_t> DayFromUrl(std::string_view url) {
  const PublicationDate date = ingest::DateFromUrl(url);
  if (date.precision < DatePrecision::kDay) return std::nullopt;
  return date.utc_seconds;
}

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError("cannot open " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return UnavailableError("cannot read " + path.string());
  return buffer.str();
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    bool decoded = false;
    for (const auto& [entity, c] : kEntities) {
      if (s.substr(i, entity.size()) == entity) {
        out.push_back(c);
        i += entity.size() - 1;
        decoded = true;
        break;
      }
    }
    if (!decoded) out.push_back('&');
  }
  return out;
}

// Sub-folder names that are numbers sort numerically ("2" before "10"), others after, by name.
bool TopicLess(const fs::path& a, const fs::path& b) {
  const std::string x = a.filename().string(), y = b.filename().string();
  int xi = 0, yi = 0;
  const auto rx = std::from_chars(x.data(), x.data() + x.size(), xi);
  const auto ry = std::from_chars(y.data(), y.data() + y.size(), yi);
  const bool xn = rx.ec == std::errc() && rx.ptr == x.data() + x.size();
  const bool yn = ry.ec == std::errc() && ry.ptr == y.data() + y.size();
  if (xn != yn) return xn;
  if (xn && xi != yi) return xi < yi;
  return x < y;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Splits one CSV line (RFC 4180 quoting, no embedded newlines in this corpus).
std::vector<std::string> SplitCsv(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return fields;
}

}  // namespace

Result<GoldDocument> ParseEcbPlusXml(std::string_view xml, std::string_view name) {
  GoldDocument doc;
  int current_sentence = -1;
  std::string sentence;
  std::vector<std::string> sentences;
  size_t pos = 0;
  while ((pos = xml.find("<token ", pos)) != std::string_view::npos) {
    const size_t close = xml.find('>', pos);
    const size_t end = xml.find("</token>", pos);
    if (close == std::string_view::npos || end == std::string_view::npos || end < close) break;
    const std::string_view attributes = xml.substr(pos, close - pos);
    int number = 0;
    if (const size_t s = attributes.find("sentence=\""); s != std::string_view::npos) {
      const char* begin = attributes.data() + s + 10;
      std::from_chars(begin, attributes.data() + attributes.size(), number);
    }
    if (number != current_sentence) {
      if (!sentence.empty()) sentences.push_back(std::move(sentence));
      sentence.clear();
      current_sentence = number;
    }
    const std::string token = DecodeEntities(xml.substr(close + 1, end - close - 1));
    if (!token.empty()) {
      if (!sentence.empty()) sentence.push_back(' ');
      sentence += token;
    }
    pos = end + 8;
  }
  if (!sentence.empty()) sentences.push_back(std::move(sentence));
  if (sentences.empty()) {
    return DataLossError("ecbplus: no <token> in " + std::string(name));
  }
  // ECB+ documents of the second collection open with their URL, tokenised ("http : / / ...").
  // A news system has the URL as metadata, not as the headline: set it apart.
  if (sentences.size() > 1 && sentences.front().rfind("http :", 0) == 0) {
    for (char c : sentences.front()) {
      if (c != ' ') doc.url.push_back(c);
    }
    sentences.erase(sentences.begin());
  }
  doc.title = sentences.front();
  for (const std::string& s : sentences) {
    if (!doc.text.empty()) doc.text.push_back('\n');
    doc.text += s;
  }
  return doc;
}

Result<std::vector<GoldDocument>> ReadEcbPlus(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("ecbplus: no folder " + dir);
  std::vector<fs::path> topics;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory()) topics.push_back(entry.path());
  }
  std::sort(topics.begin(), topics.end(), TopicLess);
  std::vector<GoldDocument> docs;
  for (const fs::path& topic : topics) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(topic, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".xml") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      DEPECHE_ASSIGN_OR_RETURN(std::string xml, ReadFile(file));
      DEPECHE_ASSIGN_OR_RETURN(GoldDocument doc, ParseEcbPlusXml(xml, file.string()));
      const std::string stem = file.stem().string();
      doc.topic = topic.filename().string();
      doc.id = doc.topic + "/" + stem;
      doc.gold = doc.topic + (EndsWith(stem, "ecbplus") ? "_ecbplus" : "_ecb");
      docs.push_back(std::move(doc));
    }
  }
  if (docs.empty()) return NotFoundError("ecbplus: no XML document under " + dir);
  return docs;
}

Result<std::vector<GoldDocument>> ReadUciNews(const std::string& path) {
  fs::path file = path;
  std::error_code ec;
  if (fs::is_directory(file, ec)) file /= "uci-news-aggregator.csv";
  if (!fs::exists(file, ec)) return NotFoundError("uci: no file " + file.string());
  DEPECHE_ASSIGN_OR_RETURN(std::string content, ReadFile(file));
  std::istringstream in(content);
  std::string line;
  if (!std::getline(in, line) || line.rfind("ID,TITLE,URL,PUBLISHER,CATEGORY,STORY", 0) != 0) {
    return DataLossError("uci: unexpected header in " + file.string());
  }
  std::vector<std::pair<int64_t, GoldDocument>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f = SplitCsv(line);
    if (f.size() != 8 || f[0].empty() || f[5].empty() || f[7].empty()) continue;
    int64_t ms = 0;
    const auto r = std::from_chars(f[7].data(), f[7].data() + f[7].size(), ms);
    if (r.ec != std::errc() || r.ptr != f[7].data() + f[7].size()) continue;
    GoldDocument doc;
    doc.id = f[0];
    doc.title = f[1];
    doc.gold = f[5];
    doc.topic = f[5];
    doc.published = ms / 1000;
    rows.emplace_back(ms, std::move(doc));
  }
  if (rows.empty()) return DataLossError("uci: no complete row in " + file.string());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<GoldDocument> docs;
  docs.reserve(rows.size());
  for (auto& row : rows) docs.push_back(std::move(row.second));
  return docs;
}

Result<std::vector<GoldDocument>> ReadNewsWcl50(const std::string& path) {
  fs::path file = path;
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    const fs::path nested = file / "NewsWCL50-prep" / "output_data" / "NewsWCL50.conll";
    file = fs::exists(nested, ec) ? nested : file / "NewsWCL50.conll";
  }
  if (!fs::exists(file, ec)) return NotFoundError("newswcl50: no file " + file.string());
  DEPECHE_ASSIGN_OR_RETURN(std::string content, ReadFile(file));
  // NewsWCL50-original/urls.tsv (Event ID, Outlet, URL) gives each article its URL, hence its
  // publication day where the URL has one, as the engine would read it.
  std::map<std::string, std::string, std::less<>> urls;  // "event/outlet" -> URL
  for (fs::path dir = file.parent_path(); !dir.empty() && dir != dir.parent_path();
       dir = dir.parent_path()) {
    const fs::path tsv = dir / "NewsWCL50-original" / "urls.tsv";
    if (!fs::exists(tsv, ec)) continue;
    DEPECHE_ASSIGN_OR_RETURN(std::string table, ReadFile(tsv));
    std::istringstream rows(table);
    std::string row;
    while (std::getline(rows, row)) {
      std::vector<std::string> f;
      std::istringstream cells(row);
      for (std::string cell; std::getline(cells, cell, '\t');) f.push_back(cell);
      if (f.size() >= 3 && !f[0].empty() && std::isdigit(static_cast<unsigned char>(f[0][0]))) {
        urls[f[0] + "/" + f[1]] = f[2];
      }
    }
    break;
  }
  std::vector<GoldDocument> docs;
  std::istringstream in(content);
  std::string line, current_sentence;
  std::string sentence;
  auto flush = [&]() {
    if (sentence.empty() || docs.empty()) return;
    GoldDocument& doc = docs.back();
    if (doc.title.empty()) doc.title = sentence;
    if (!doc.text.empty()) doc.text.push_back('\n');
    doc.text += sentence;
    sentence.clear();
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '\t') {
        f.emplace_back(line.data() + start, i - start);
        start = i + 1;
      }
    }
    if (f.size() < 4) continue;
    if (docs.empty() || docs.back().id != f[0]) {
      flush();
      GoldDocument doc;
      doc.id = std::string(f[0]);
      doc.gold = doc.id.substr(0, doc.id.find('/'));
      doc.topic = doc.gold;
      // Ids read "<event>/-/<event>_<outlet>".
      const size_t underscore = doc.id.rfind('_');
      if (underscore != std::string::npos) {
        auto url = urls.find(doc.gold + "/" + doc.id.substr(underscore + 1));
        if (url != urls.end()) {
          doc.url = url->second;
          doc.published = DayFromUrl(doc.url);
        }
      }
      docs.push_back(std::move(doc));
      current_sentence.clear();
    }
    if (f[1] != current_sentence) {
      flush();
      current_sentence = std::string(f[1]);
    }
    if (!sentence.empty()) sentence.push_back(' ');
    sentence += f[3];
  }
  flush();
  if (docs.empty()) return DataLossError("newswcl50: no token line in " + file.string());
  // Publication order; an undated article keeps its place after the article before it.
  std::vector<std::pair<int64_t, size_t>> keys;
  int64_t last = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].published.has_value()) last = *docs[i].published;
    keys.emplace_back(last, i);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<GoldDocument> ordered;
  ordered.reserve(docs.size());
  for (const auto& [time, i] : keys) ordered.push_back(std::move(docs[i]));
  return ordered;
}

}  // namespace depeche::eval
