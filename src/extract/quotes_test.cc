#include "extract/quotes.h"

#include <gtest/gtest.h>

namespace depeche::extract {
namespace {

TEST(QuotesTest, Placeholder) {}

}  // namespace
}  // namespace depeche::extract
