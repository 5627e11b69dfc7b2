#include "store/pg_snapshot.h"

#include <algorithm>
#include <charconv>

namespace depeche::store {
namespace {

bool ParseId(std::string_view text, uint64_t* id) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *id);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool Contains(const std::vector<uint64_t>& sorted, uint64_t id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

}  // namespace

std::optional<PgSnapshot> ParsePgSnapshot(std::string_view text) {
  size_t first = text.find(':');
  if (first == std::string_view::npos) return std::nullopt;
  size_t second = text.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  PgSnapshot snapshot;
  if (!ParseId(text.substr(0, first), &snapshot.xmin) ||
      !ParseId(text.substr(first + 1, second - first - 1), &snapshot.xmax)) {
    return std::nullopt;
  }
  std::string_view list = text.substr(second + 1);
  while (!list.empty()) {
    size_t comma = list.find(',');
    uint64_t id = 0;
    if (!ParseId(list.substr(0, comma), &id)) return std::nullopt;
    snapshot.xip.push_back(id);
    if (comma == std::string_view::npos) break;
    list = list.substr(comma + 1);
    if (list.empty()) return std::nullopt;  // a trailing comma
  }
  std::sort(snapshot.xip.begin(), snapshot.xip.end());
  return snapshot;
}

bool OthersEnded(const PgSnapshot& before, const PgSnapshot& after,
                 const std::vector<uint64_t>& own) {
  // Running in `before` and ended in `after`.
  for (uint64_t id : before.xip) {
    if (!Contains(after.xip, id) && std::find(own.begin(), own.end(), id) == own.end()) {
      return true;
    }
  }
  if (after.xmax <= before.xmax) return false;
  // Started after `before`: the ids in [before.xmax, after.xmax) that `after` does not list as
  // running have ended; counted without walking the range, which may be long.
  uint64_t started = after.xmax - before.xmax;
  uint64_t not_ended = 0;  // still running, or ours
  for (uint64_t id : after.xip) {
    if (id >= before.xmax) ++not_ended;
  }
  std::vector<uint64_t> own_sorted = own;
  std::sort(own_sorted.begin(), own_sorted.end());
  own_sorted.erase(std::unique(own_sorted.begin(), own_sorted.end()), own_sorted.end());
  for (uint64_t id : own_sorted) {
    if (id >= before.xmax && id < after.xmax && !Contains(after.xip, id)) ++not_ended;
  }
  return started > not_ended;
}

}  // namespace depeche::store
