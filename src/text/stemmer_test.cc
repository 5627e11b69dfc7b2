#include "text/stemmer.h"

#include <gtest/gtest.h>

#include <string>

#include "text/normalize.h"

namespace depeche::text {
namespace {

std::string StemOf(Stemmer& stemmer, std::string_view word) {
  return std::string(stemmer.Stem(Lower(word)));
}

TEST(StemmerTest, FrenchConflatesInflections) {
  auto created = Stemmer::Create("fr");
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  Stemmer& fr = **created;
  EXPECT_EQ(StemOf(fr, "négociations"), "négoci");
  EXPECT_EQ(StemOf(fr, "négocier"), StemOf(fr, "négociations"));
  EXPECT_EQ(StemOf(fr, "déclarera"), StemOf(fr, "déclaration"));
  EXPECT_EQ(StemOf(fr, "ukrainiens"), StemOf(fr, "ukrainienne"));
  EXPECT_EQ(StemOf(fr, "Russes"), StemOf(fr, "russe"));
  EXPECT_EQ(StemOf(fr, "États"), "état");  // lowercase in, accents kept
  EXPECT_EQ(fr.Stem(""), "");
}

TEST(StemmerTest, OtherLanguages) {
  auto en = Stemmer::Create("en");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ((*en)->Stem("negotiations"), "negoti");
  EXPECT_EQ((*en)->Stem("running"), "run");
  auto de = Stemmer::Create("de");
  ASSERT_TRUE(de.ok());
  EXPECT_EQ((*de)->Stem("häuser"), (*de)->Stem("haus"));
  auto ru = Stemmer::Create("ru");
  ASSERT_TRUE(ru.ok());
  EXPECT_EQ((*ru)->Stem("книги"), (*ru)->Stem("книга"));
}

TEST(StemmerTest, EveryMappedLanguageLoads) {
  for (const char* lang :
       {"fr", "en", "es", "de", "it", "pt", "nl", "sv", "no", "nb", "da", "fi", "ru", "hu", "ro",
        "tr", "ar", "el", "ca", "eu", "ga", "hi", "hy", "id", "lt", "ne", "sr", "ta", "yi"}) {
    EXPECT_TRUE(Stemmer::Supports(lang)) << lang;
    auto stemmer = Stemmer::Create(lang);
    ASSERT_TRUE(stemmer.ok()) << lang << ": " << stemmer.status().ToString();
    EXPECT_FALSE((*stemmer)->Stem("test").empty());
  }
}

TEST(StemmerTest, UnknownLanguageIsNotFound) {
  EXPECT_FALSE(Stemmer::Supports("xx"));
  EXPECT_FALSE(Stemmer::Supports("und"));
  EXPECT_FALSE(Stemmer::Supports(""));
  auto stemmer = Stemmer::Create("xx");
  ASSERT_FALSE(stemmer.ok());
  EXPECT_EQ(stemmer.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace depeche::text
