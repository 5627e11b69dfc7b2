#include "eval/mlcrisis_reader.h"

#include <algorithm>

#include "core/files.h"
#include "core/strings.h"
#include "core/time.h"

namespace depeche::eval {
namespace {

bool IsIsoDay(std::string_view s) {
  if (s.size() != 10) return false;
  auto parsed = core::ParseIsoDate(s);
  return parsed.ok() && parsed->precision == DatePrecision::kDay;
}

bool IsSeparator(std::string_view line) {
  return line.size() >= 3 && std::all_of(line.begin(), line.end(), [](char c) { return c == '-'; });
}

std::vector<std::filesystem::path> Sorted(const std::filesystem::path& dir, bool folders) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (folders ? entry.is_directory() : entry.is_regular_file()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Result<std::vector<ReferenceDate>> ParseReferenceTimeline(std::string_view content,
                                                          const std::string& name) {
  std::vector<ReferenceDate> dates;
  bool open = false;  // a date block is open: sentences may follow
  size_t number = 0;
  for (std::string_view raw : core::Split(content, '\n')) {
    ++number;
    const std::string_view line = core::Trim(raw);
    if (line.empty()) continue;
    if (IsSeparator(line)) {
      open = false;
      continue;
    }
    if (!open) {
      if (!IsIsoDay(line)) {
        return InvalidArgumentError(name + ":" + std::to_string(number) +
                                    ": expected a date (YYYY-MM-DD), found '" +
                                    std::string(line.substr(0, 40)) + "'");
      }
      dates.push_back({std::string(line), {}});
      open = true;
      continue;
    }
    dates.back().sentences.emplace_back(line);
  }
  return dates;
}

Result<std::vector<MlCrisisTopic>> ReadMlCrisis(const std::filesystem::path& lang_dir,
                                                size_t max_topics) {
  const std::filesystem::path reference = lang_dir / "reference";
  if (!std::filesystem::is_directory(reference)) {
    return NotFoundError(lang_dir.string() +
                         ": no reference/ folder (an ML-Crisis language folder)");
  }
  std::vector<MlCrisisTopic> topics;
  for (const std::filesystem::path& topic_dir : Sorted(lang_dir, /*folders=*/true)) {
    const std::string name = topic_dir.filename().string();
    const std::filesystem::path timeline = reference / (name + ".txt");
    if (name == "reference" || !std::filesystem::exists(timeline)) continue;
    if (max_topics > 0 && topics.size() >= max_topics) break;
    MlCrisisTopic topic;
    topic.name = name;
    DEPECHE_ASSIGN_OR_RETURN(std::string content, core::ReadFile(timeline.string()));
    DEPECHE_ASSIGN_OR_RETURN(topic.reference, ParseReferenceTimeline(content, timeline.string()));
    for (const std::filesystem::path& day_dir : Sorted(topic_dir, /*folders=*/true)) {
      const std::string day = day_dir.filename().string();
      if (!IsIsoDay(day)) continue;
      for (const std::filesystem::path& file : Sorted(day_dir, /*folders=*/false)) {
        if (file.extension() != ".txt") continue;
        DEPECHE_ASSIGN_OR_RETURN(std::string text, core::ReadFile(file.string()));
        MlCrisisDocument doc;
        doc.path = day + "/" + file.filename().string();
        doc.date = day;
        const std::string_view all(text);
        size_t at = 0;
        while (at < all.size()) {  // the first non-empty line is the title
          const size_t end = std::min(all.find('\n', at), all.size());
          const std::string_view line = core::Trim(all.substr(at, end - at));
          at = end + 1;
          if (!line.empty()) {
            doc.title = std::string(line);
            break;
          }
        }
        if (doc.title.empty()) continue;
        if (at < all.size()) doc.text = std::string(all.substr(at));
        topic.documents.push_back(std::move(doc));
      }
    }
    topics.push_back(std::move(topic));
  }
  return topics;
}

}  // namespace depeche::eval
