#include "extract/ner_labels.h"

#include <array>

namespace depeche::extract {

std::string_view NerLabelName(NerLabel label) {
  static constexpr std::array<std::string_view, kNerLabels> kNames = {
      "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
  return label < kNerLabels ? kNames[label] : "O";
}

std::optional<NerLabel> ParseNerLabel(std::string_view tag) {
  if (tag == "O") return kOutside;
  if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')) return std::nullopt;
  std::optional<EntityType> type = ParseEntityType(tag.substr(2));
  if (!type) return std::nullopt;
  return tag[0] == 'B' ? BeginLabel(*type) : InsideLabel(*type);
}

}  // namespace depeche::extract
