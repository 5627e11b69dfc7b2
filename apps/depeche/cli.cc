#include "cli.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "store/database.h"

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
    } else if (std::string shown = store::DisplayLocation(config.db_path);
               message.find(shown) == std::string::npos) {
      message = shown + ": " + message;
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

void PrintJson(const nlohmann::json& j) { std::fprintf(stdout, "%s\n", api::Dump(j).c_str()); }

}  // namespace depeche::cli
