#include "extract/entity.h"

#include <gtest/gtest.h>

namespace depeche::extract {
namespace {

TEST(EntityTypeTest, NamesRoundTripAndConllTagsParse) {
  for (int i = 0; i < kEntityTypes; ++i) {
    auto type = static_cast<EntityType>(i);
    EXPECT_EQ(ParseEntityType(EntityTypeName(type)), type);
  }
  EXPECT_EQ(ParseEntityType("PER"), EntityType::kPerson);
  EXPECT_EQ(ParseEntityType("LOC"), EntityType::kPlace);
  EXPECT_EQ(ParseEntityType("ORG"), EntityType::kOrganization);
  EXPECT_EQ(ParseEntityType("location"), std::nullopt);
}

}  // namespace
}  // namespace depeche::extract
