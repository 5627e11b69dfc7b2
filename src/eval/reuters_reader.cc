#include "eval/reuters_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include "ingest/gzip_reader.h"
#include "nlohmann/json.hpp"

namespace depeche::eval {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<std::vector<ReutersArticle>> ParseReutersSgml(std::string_view sgml, std::string_view name) {
  ingest::ReutersParse parse = ingest::ParseReutersSgml(sgml);
  if (!parse.errors.empty()) {
    const ingest::ReutersRecordError& first = parse.errors.front();
    return DataLossError(std::string(name) + ":" + std::to_string(first.line) + ": " +
                         first.message);
  }
  if (parse.records.empty()) return DataLossError(std::string(name) + ": no <REUTERS> record");
  return std::move(parse.records);
}

Result<std::vector<ReutersArticle>> ReadReutersFile(const std::string& path) {
  Result<std::string> sgml =
      ingest::ReadInputFile(path, EndsWith(path, ".gz"), ingest::kMaxSgmlFileBytes);
  if (!sgml.ok()) {
    StatusCode code = sgml.status().code();
    std::string message = path + ": " + sgml.status().message();
    return code == StatusCode::kDataLoss ? DataLossError(message) : UnavailableError(message);
  }
  return ParseReutersSgml(*sgml, path);
}

Result<std::vector<ReutersArticle>> ReadReutersCorpus(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("Reuters corpus folder not found: " + dir);
  std::vector<std::string> gz_files;
  std::vector<std::string> plain_files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string file_name = it->path().filename().string();
    if (file_name.rfind("reut2-", 0) != 0) continue;
    if (EndsWith(file_name, ".sgm.gz")) gz_files.push_back(it->path().string());
    if (EndsWith(file_name, ".sgm")) plain_files.push_back(it->path().string());
  }
  if (ec) return UnavailableError("cannot list " + dir + ": " + ec.message());
  // Prefer the compressed copies so that a folder holding both is not read twice.
  std::vector<std::string>& files = gz_files.empty() ? plain_files : gz_files;
  if (files.empty()) return NotFoundError("no reut2-*.sgm.gz file in " + dir);
  std::sort(files.begin(), files.end());

  std::vector<ReutersArticle> articles;
  for (const std::string& file : files) {
    DEPECHE_ASSIGN_OR_RETURN(std::vector<ReutersArticle> part, ReadReutersFile(file));
    articles.insert(articles.end(), std::make_move_iterator(part.begin()),
                    std::make_move_iterator(part.end()));
  }
  return articles;
}

std::string ToJsonl(const ReutersArticle& article) {
  ingest::RawArticle raw = ingest::ToRawArticle(article);
  nlohmann::ordered_json line;
  line["id"] = raw.external_id;
  line["url"] = raw.url;
  line["source"] = raw.source;
  if (!raw.title.empty()) line["title"] = raw.title;
  if (!raw.published.empty()) line["published"] = raw.published;
  line["lang"] = raw.lang;
  line["text"] = raw.text;
  nlohmann::json metadata = nlohmann::json::parse(raw.metadata_json);
  for (auto& [key, value] : metadata.items()) {
    if (key != "id") line[key] = value;
  }
  // The fields are valid UTF-8 by construction; `replace` only makes dump() unable to throw.
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace depeche::eval
