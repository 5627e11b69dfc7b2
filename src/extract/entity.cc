#include "extract/entity.h"

namespace depeche::extract {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "org";
    case EntityType::kPlace:
      return "place";
    case EntityType::kMisc:
      return "misc";
  }
  return "misc";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  if (name == "person" || name == "PER") return EntityType::kPerson;
  if (name == "org" || name == "ORG") return EntityType::kOrganization;
  if (name == "place" || name == "LOC") return EntityType::kPlace;
  if (name == "misc" || name == "MISC") return EntityType::kMisc;
  return std::nullopt;
}

}  // namespace depeche::extract
