// The BIO label set of the NER tagger: O, then B-/I- for each EntityType in its enum order
// (PER, ORG, LOC, MISC). Label ids are stable: they index model weight rows on disk.
#ifndef DEPECHE_EXTRACT_NER_LABELS_H_
#define DEPECHE_EXTRACT_NER_LABELS_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/entity.h"

namespace depeche::extract {

using NerLabel = uint8_t;
inline constexpr int kNerLabels = 1 + 2 * kEntityTypes;  // 9
inline constexpr NerLabel kOutside = 0;

constexpr NerLabel BeginLabel(EntityType type) {
  return static_cast<NerLabel>(1 + 2 * static_cast<int>(type));
}
constexpr NerLabel InsideLabel(EntityType type) {
  return static_cast<NerLabel>(2 + 2 * static_cast<int>(type));
}
constexpr bool IsBegin(NerLabel label) { return label != kOutside && label % 2 == 1; }
constexpr bool IsInside(NerLabel label) { return label != kOutside && label % 2 == 0; }
// The entity type of a B- or I- label (meaningless for kOutside).
constexpr EntityType LabelType(NerLabel label) { return static_cast<EntityType>((label - 1) / 2); }

// The BIO constraint the decoder enforces: I-X only continues B-X or I-X. `previous` is -1 at
// the start of a sentence.
constexpr bool AllowedTransition(int previous, NerLabel label) {
  if (!IsInside(label)) return true;
  if (previous < 0 || previous == kOutside) return false;
  return LabelType(static_cast<NerLabel>(previous)) == LabelType(label);
}

// "O", "B-PER", "I-ORG", "B-LOC", "I-MISC"...
std::string_view NerLabelName(NerLabel label);
// Parses "O" and B-/I- with PER, ORG, LOC, MISC (the names ParseEntityType accepts after the
// prefix); nullopt otherwise.
std::optional<NerLabel> ParseNerLabel(std::string_view tag);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NER_LABELS_H_
