#include "cli.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace depeche::cli {
namespace {

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

void PrintError(const std::string& message) {
  std::fprintf(stderr, "depeche: %s\n", message.c_str());
}

std::string UserMessage(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInternal:
      return "internal error (please report it): " + status.message();
    case StatusCode::kUnimplemented:
      return "not supported: " + status.message();
    default:
      return status.message();
  }
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

bool Failed(const Status& status, Context& ctx) {
  if (status.ok()) return false;
  PrintError(UserMessage(status));
  ctx.exit_code = ExitCodeFor(status);
  return true;
}

EngineConfig Context::ResolveConfig(std::string& error) const {
  EngineConfig config;
  std::string file = config_file;
  if (file.empty()) {
    if (const char* env = std::getenv("DEPECHE_CONFIG"); env && *env) file = env;
  }
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) {
      error = "cannot read config file " + file;
      return config;
    }
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      error = "config file " + file + " is not a JSON object";
      return config;
    }
    if (j.contains("db") && j["db"].is_string()) config.db_path = j["db"];
    if (j.contains("data_dir") && j["data_dir"].is_string()) config.data_dir = j["data_dir"];
    if (j.contains("lid_model") && j["lid_model"].is_string()) config.lid_model = j["lid_model"];
    if (j.contains("batch_size") && j["batch_size"].is_number_integer()) {
      config.batch_size = j["batch_size"];
    }
    if (j.contains("max_article_bytes") && j["max_article_bytes"].is_number_integer()) {
      config.max_article_bytes = j["max_article_bytes"];
    }
  }
  if (const char* env = std::getenv("DEPECHE_DB"); env && *env) config.db_path = env;
  if (!db_flag.empty()) config.db_path = db_flag;
  if (config.batch_size <= 0) error = "batch_size must be positive";
  return config;
}

std::unique_ptr<Engine> Context::OpenEngine() {
  std::string error;
  EngineConfig config = ResolveConfig(error);
  if (!error.empty()) {
    PrintError(error);
    exit_code = kExitUsage;
    return nullptr;
  }
  config.read_only = !writes;
  auto engine = Engine::Open(config);
  if (!engine.ok()) {
    const Status& status = engine.status();
    std::string message = UserMessage(status);
    if (status.code() == StatusCode::kNotFound) {
      message += " (ingest creates a database; name one with --db or DEPECHE_DB)";
    } else if (message.find(config.db_path) == std::string::npos) {
      message = config.db_path + ": " + message;
    }
    PrintError(message);
    exit_code = ExitCodeFor(status);
    return nullptr;
  }
  return std::move(engine).value();
}

std::string Ellipsize(const std::string& s, size_t max) {
  if (CodePoints(s) <= max) return s;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++n > max - 1) break;
    out.push_back(s[i]);
  }
  return out + "…";
}

void Table::Print(std::FILE* out, size_t max_width) const {
  std::vector<size_t> widths(header_.size(), 0);
  auto cell = [&](const std::vector<std::string>& row, size_t i) {
    return i < row.size() ? Ellipsize(row[i], max_width) : std::string();
  };
  for (size_t i = 0; i < header_.size(); ++i) widths[i] = CodePoints(header_[i]);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < header_.size(); ++i)
      widths[i] = std::max(widths[i], CodePoints(cell(row, i)));
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < header_.size(); ++i) {
      std::string c = cell(row, i);
      line += c;
      if (i + 1 < header_.size()) line += std::string(widths[i] - CodePoints(c) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::fprintf(out, "%s\n", line.c_str());
  };
  print_row(header_);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  print_row(rule);
  for (const auto& row : rows_) print_row(row);
}

void PrintJson(const nlohmann::json& j) {
  std::string s = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fprintf(stdout, "%s\n", s.c_str());
}

nlohmann::json OrNull(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json ToJson(const ArticleSummary& a) {
  return {{"id", a.id},
          {"title", OrNull(a.title)},
          {"source", OrNull(a.source)},
          {"lang", OrNull(a.lang)},
          {"published", OrNull(a.published)},
          {"path", OrNull(a.path)},
          {"chars", a.chars},
          {"story_id", OrNull(a.story_id)},
          {"group_id", OrNull(a.group_id)}};
}

std::vector<uint32_t> CharOffsets(const std::string& text) {
  std::vector<uint32_t> out(text.size() + 1, 0);
  uint32_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    out[i] = chars;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  out[text.size()] = chars;
  // A byte offset inside a character (spans never end there; defensive) counts that character.
  for (size_t i = text.size(); i-- > 0;) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) out[i] = out[i + 1];
  }
  return out;
}

uint32_t ArticleCharOffsets::At(const std::string& id, uint32_t byte) {
  auto it = chars_.find(id);
  if (it == chars_.end()) {
    Result<Article> a = engine_.GetArticle(id);
    it = chars_.emplace(id, a.ok() ? CharOffsets(a->text) : std::vector<uint32_t>{0}).first;
  }
  return it->second[std::min<size_t>(byte, it->second.size() - 1)];
}

std::string SpanText(const std::string& text, const Span& span) {
  if (span.end > text.size() || span.begin >= span.end) return "";
  return text.substr(span.begin, span.end - span.begin);
}

nlohmann::json ToJson(const Article& a) {
  // Offsets in the JSON are characters (Unicode code points) of `text`, as Python's str indexes
  // them; the store keeps UTF-8 byte offsets (docs/CLI.md, "JSON output").
  const std::vector<uint32_t> chars = CharOffsets(a.text);
  auto at = [&](uint32_t byte) { return chars[std::min<size_t>(byte, a.text.size())]; };
  nlohmann::json sentences = nlohmann::json::array();
  for (const Span& s : a.sentences) {
    sentences.push_back({{"begin", at(s.begin)}, {"end", at(s.end)}});
  }
  nlohmann::json boilerplate = nlohmann::json::array();
  for (const BoilerplateSpan& b : a.boilerplate) {
    boilerplate.push_back({{"begin", at(b.span.begin)},
                           {"end", at(b.span.end)},
                           {"reason", b.reason},
                           {"text", a.text.substr(b.span.begin, b.span.end - b.span.begin)}});
  }
  nlohmann::json metadata = nlohmann::json::parse(a.metadata_json, nullptr, false);
  if (metadata.is_discarded() || !metadata.is_object()) metadata = nlohmann::json::object();
  return {{"id", a.id},
          {"url", OrNull(a.url)},
          {"source", OrNull(a.source)},
          {"title", OrNull(a.title)},
          {"lang", OrNull(a.lang)},
          {"lang_declared", OrNull(a.lang_declared)},
          {"lang_confidence", a.lang_confidence},
          {"published", OrNull(a.published.iso)},
          {"published_source",
           a.published.known() ? OrNull(a.published_source) : nlohmann::json(nullptr)},
          {"date", ArticleDateJson(a, chars)},
          {"path", OrNull(a.origin.path)},
          {"line", a.origin.line > 0 ? nlohmann::json(a.origin.line) : nlohmann::json(nullptr)},
          {"format", OrNull(a.origin.format)},
          {"content_hash", OrNull(a.content_hash)},
          {"metadata", metadata},
          {"warnings", a.warnings},
          {"sentences", sentences},
          {"boilerplate", boilerplate},
          {"timexes", TimexesJson(a, chars)},
          {"quotes", QuotesJson(a, chars)},
          {"figures", FiguresJson(a, chars)},
          {"text", a.text}};
}

}  // namespace depeche::cli
