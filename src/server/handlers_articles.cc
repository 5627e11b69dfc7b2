// POST /api/articles (ingest, through Engine::IngestJsonl as `depeche ingest`) and
// GET /api/articles/{key} (the document of `depeche show --json`, api/json.h).
#include <string_view>

#include "api/json.h"
#include "server/service.h"

namespace depeche::server {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// The body as JSONL: one JSON object (possibly spread over several lines) becomes one line;
// anything else is taken as JSONL as it is. Lines nested deeper than the limit are blanked
// (line numbers kept) and reported in `issues`.
std::string BodyAsJsonl(const std::string& body, int max_depth, std::vector<IngestIssue>& issues) {
  const std::string_view trimmed = Trim(body);
  if (!trimmed.empty() && trimmed.front() == '{' && JsonDepth(trimmed) <= max_depth) {
    nlohmann::json one = nlohmann::json::parse(trimmed, nullptr, false);
    if (!one.is_discarded() && one.is_object()) {
      return one.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
  }
  std::string out;
  out.reserve(body.size());
  int64_t line_no = 0;
  size_t from = 0;
  while (from < body.size()) {
    size_t to = body.find('\n', from);
    if (to == std::string::npos) to = body.size();
    const std::string_view line(body.data() + from, to - from);
    ++line_no;
    if (JsonDepth(line) > max_depth) {
      issues.push_back({"request", line_no, "error",
                        "JSON nested deeper than " + std::to_string(max_depth) + " levels"});
    } else {
      out.append(line);
    }
    out += '\n';
    from = to + 1;
  }
  return out;
}

}  // namespace

Response PostArticles(Service& service, const Request& request) {
  std::vector<IngestIssue> issues;
  const std::string jsonl = BodyAsJsonl(request.body, service.limits().max_json_depth, issues);
  auto report = service.Write([&](Engine& engine) {
    IngestOptions options;
    options.threads = 1;  // the request's thread; other requests keep the pool's threads
    // Digests once per burst of requests, off this request's time (digest_refresher.h).
    options.refresh_digests = false;
    return engine.IngestJsonl("request", jsonl, options);
  });
  if (!report.ok()) return ErrorResponse(FromStatus(report.status()));
  issues.insert(issues.end(), report->issues.begin(), report->issues.end());

  // Each stored article's story and duplicate group: one indexed row each (reading the
  // stories themselves took most of a request's time on a Reuters-sized store).
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  nlohmann::json inserted = nlohmann::json::array();
  std::vector<std::string> stories;
  for (const std::string& id : report->inserted_ids) {
    auto placed = (*engine)->PlacementOf(id);
    const bool known = placed.ok() && !placed->first.empty();
    if (known) stories.push_back(placed->first);
    inserted.push_back({{"id", id},
                        {"story_id", known ? api::OrNull(placed->first) : nullptr},
                        {"group_id", known ? api::OrNull(placed->second) : nullptr}});
  }
  service.DigestsChanged(stories);
  nlohmann::json issue_list = nlohmann::json::array();
  int64_t failed = report->failed;
  for (const IngestIssue& i : issues) {
    issue_list.push_back({{"line", i.line > 0 ? nlohmann::json(i.line) : nlohmann::json(nullptr)},
                          {"severity", i.severity},
                          {"message", i.message}});
  }
  failed += static_cast<int64_t>(issues.size() - report->issues.size());
  return JsonResponse({{"records", report->records},
                       {"inserted", inserted},
                       {"copies", report->copies},
                       {"already_stored", report->already_stored},
                       {"failed", failed},
                       {"issues", issue_list}});
}

Response GetArticle(Service& service, const Request& request) {
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto a = (*engine)->GetArticle(request.captures.at(0));
  if (!a.ok()) return ErrorResponse(FromStatus(a.status()));
  auto entities = (*engine)->EntitiesOfArticle(a->id);
  if (!entities.ok()) return ErrorResponse(FromStatus(entities.status()));
  return JsonResponse(api::ShowJson(*a, *entities));
}

}  // namespace depeche::server
