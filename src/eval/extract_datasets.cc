#include "eval/extract_datasets.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/hash.h"
#include "core/time.h"
#include "ingest/html_document.h"
#include "nlohmann/json.hpp"

namespace depeche::eval {
namespace {

namespace fs = std::filesystem;

Result<nlohmann::json> ReadJsonObject(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError("cannot read " + path.string());
  std::stringstream raw;
  raw << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(raw.str(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return DataLossError(path.string() + " is not a JSON object");
  }
  return json;
}

std::string StringField(const nlohmann::json& entry, const char* key) {
  auto it = entry.find(key);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> StringList(const nlohmann::json& entry, const char* key) {
  std::vector<std::string> out;
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

Result<ExtractDataset> ReadZyte(const fs::path& dir, std::string_view split) {
  fs::path truth_path = dir / "ground-truth.json";
  fs::path html_dir = dir / "html";
  std::error_code ec;
  if (!fs::is_regular_file(truth_path, ec)) return NotFoundError("no " + truth_path.string());
  if (!fs::is_directory(html_dir, ec)) return NotFoundError("no folder " + html_dir.string());
  DEPECHE_ASSIGN_OR_RETURN(nlohmann::json truth, ReadJsonObject(truth_path));
  ExtractDataset set;
  for (const auto& [id, entry] : truth.items()) {
    if (!InExtractSplit(id, split)) continue;
    fs::path path = html_dir / (id + ".html.gz");
    if (!fs::exists(path, ec)) path = html_dir / (id + ".html");
    if (!fs::exists(path, ec)) {
      ++set.missing_html;
      continue;
    }
    ExtractCase c;
    c.id = id;
    c.url = StringField(entry, "url");
    c.html_path = path.string();
    c.has_gold_text = true;
    c.gold_text = StringField(entry, "articleBody");
    std::string date = StringField(entry, "datePublished");
    c.gold_date = GoldDay(date.empty() ? StringField(entry, "date") : date);
    set.cases.push_back(std::move(c));
  }
  return set;
}

Result<ExtractDataset> ReadReadability(const fs::path& dir, std::string_view split) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("no folder " + dir.string());
  ExtractDataset set;
  std::error_code list_ec;
  for (fs::directory_iterator it(dir, list_ec), end; !list_ec && it != end; it.increment(list_ec)) {
    const fs::directory_entry& entry = *it;
    if (!entry.is_directory(ec)) continue;
    std::string id = entry.path().filename().string();
    fs::path source = entry.path() / "source.html";
    fs::path expected = entry.path() / "expected.html";
    if (!fs::is_regular_file(expected, ec)) continue;  // not a page folder
    if (!InExtractSplit(id, split)) continue;
    if (!fs::is_regular_file(source, ec)) {
      ++set.missing_html;
      continue;
    }
    DEPECHE_ASSIGN_OR_RETURN(std::string gold_html, ReadMaybeGzip(expected.string()));
    DEPECHE_ASSIGN_OR_RETURN(std::string gold_text, TextOfGoldHtml(gold_html));
    ExtractCase c;
    c.id = id;
    c.html_path = source.string();
    c.has_gold_text = true;
    c.gold_text = std::move(gold_text);
    fs::path meta_path = entry.path() / "expected-metadata.json";
    if (fs::is_regular_file(meta_path, ec)) {
      DEPECHE_ASSIGN_OR_RETURN(nlohmann::json meta, ReadJsonObject(meta_path));
      c.gold_date = GoldDay(StringField(meta, "publishedTime"));
      auto readerable = meta.find("readerable");
      c.article = readerable == meta.end() || !readerable->is_boolean() || readerable->get<bool>();
    }
    set.cases.push_back(std::move(c));
  }
  if (list_ec) {
    return UnavailableError("cannot list " + dir.string() + ": " + list_ec.message());
  }
  if (set.cases.empty() && set.missing_html == 0 && split == "all") {
    return NotFoundError("no page folder (with expected.html) in " + dir.string());
  }
  return set;
}

Result<ExtractDataset> ReadTrafilatura(const fs::path& dir, std::string_view split) {
  fs::path truth_path = dir / "evaldata.json";
  std::error_code ec;
  if (!fs::is_regular_file(truth_path, ec)) return NotFoundError("no " + truth_path.string());
  DEPECHE_ASSIGN_OR_RETURN(nlohmann::json truth, ReadJsonObject(truth_path));
  ExtractDataset set;
  for (const auto& [url, entry] : truth.items()) {
    if (!entry.is_object())
      return DataLossError(truth_path.string() + ": " + url + " is no object");
    std::string file = StringField(entry, "file");
    std::string id = fs::path(file).stem().string();
    if (file.empty() || !InExtractSplit(id, split)) continue;
    fs::path path;
    for (const char* sub : {"cache", "eval"}) {
      if (fs::is_regular_file(dir / sub / file, ec)) {
        path = dir / sub / file;
        break;
      }
    }
    if (path.empty()) {
      ++set.missing_html;
      continue;
    }
    ExtractCase c;
    c.id = std::move(id);
    c.url = url;
    c.html_path = path.string();
    c.with = StringList(entry, "with");
    c.without = StringList(entry, "without");
    c.gold_date = GoldDay(StringField(entry, "date"));
    set.cases.push_back(std::move(c));
  }
  return set;
}

}  // namespace

Result<ExtractFormat> ParseExtractFormat(std::string_view name) {
  if (name.empty() || name == "zyte" || name == "benchmark") return ExtractFormat::kZyte;
  if (name == "readability") return ExtractFormat::kReadability;
  if (name == "trafilatura") return ExtractFormat::kTrafilatura;
  return InvalidArgumentError("unknown extraction set format '" + std::string(name) +
                              "' (zyte, readability or trafilatura)");
}

const char* ExtractFormatName(ExtractFormat format) {
  switch (format) {
    case ExtractFormat::kZyte:
      return "zyte";
    case ExtractFormat::kReadability:
      return "readability";
    case ExtractFormat::kTrafilatura:
      return "trafilatura";
  }
  return "zyte";
}

bool IsExtractSplit(std::string_view split) {
  return split == "all" || split == "dev" || split == "test";
}

bool InExtractSplit(std::string_view id, std::string_view split) {
  if (split == "all") return true;
  bool dev = core::Hash64(id) % 2 == 0;
  return split == "dev" ? dev : split == "test" && !dev;
}

Result<ExtractDataset> ReadExtractDataset(ExtractFormat format, const std::string& dir,
                                          std::string_view split) {
  if (!IsExtractSplit(split)) {
    return InvalidArgumentError("unknown split '" + std::string(split) + "' (all, dev or test)");
  }
  Result<ExtractDataset> set = NotFoundError("no data");
  switch (format) {
    case ExtractFormat::kZyte:
      set = ReadZyte(dir, split);
      break;
    case ExtractFormat::kReadability:
      set = ReadReadability(dir, split);
      break;
    case ExtractFormat::kTrafilatura:
      set = ReadTrafilatura(dir, split);
      break;
  }
  if (set.ok()) {
    std::sort(set->cases.begin(), set->cases.end(),
              [](const ExtractCase& a, const ExtractCase& b) { return a.id < b.id; });
  }
  return set;
}

Result<std::string> TextOfGoldHtml(std::string_view html) {
  DEPECHE_ASSIGN_OR_RETURN(ingest::HtmlDocument doc, ingest::HtmlDocument::Parse(html));
  return ingest::TextOf(doc.body());
}

std::string GoldDay(const std::string& text) {
  if (text.empty()) return "";
  Result<PublicationDate> d = core::ParseIsoDate(text);
  if (!d.ok() || d->precision < DatePrecision::kDay) return "";
  // Placeholders such as "0001-01-01" are not a date the page gives.
  if (d->iso.compare(0, 4, "1900") < 0) return "";
  return d->iso.substr(0, 10);
}

Result<std::string> ReadMaybeGzip(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return UnavailableError("cannot open " + path);
  std::string out;
  char buf[1 << 16];
  while (true) {
    int n = gzread(file, buf, sizeof(buf));
    if (n < 0) {
      gzclose(file);
      return DataLossError("corrupt gzip file " + path);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  gzclose(file);
  return out;
}

}  // namespace depeche::eval
