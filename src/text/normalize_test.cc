#include "text/normalize.h"

#include <gtest/gtest.h>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include "text/test_support.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>
#include "text/utf8.h"

namespace depeche::text {
namespace {

using testing_support::RandomBytes;
using testing_support::ReadSeedTexts;

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string Nfd(const std::string& s) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  return ToUtf8(nfd->normalize(icu::UnicodeString::fromUTF8(s), ec));
}

// The slow, obvious definition of Fold, written independently of the table-driven code:
// NFKC_Casefold, NFD of Latin letters, drop marks unless they follow a character of a
// non-Latin script, map the few special letters and quotes, NFC.
std::string ReferenceFold(const std::string& s) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(ec);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  const icu::UnicodeString folded = nfkc_cf->normalize(icu::UnicodeString::fromUTF8(s), ec);
  icu::UnicodeString d;
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    const UChar32 c = folded.char32At(i);
    UErrorCode script_ec = U_ZERO_ERROR;
    if (uscript_getScript(c, &script_ec) != USCRIPT_LATIN) {
      d.append(c);  // "≠" keeps its slash: only Latin letters lose their diacritics
    } else {
      d.append(nfd->normalize(icu::UnicodeString(c), ec));
    }
  }
  icu::UnicodeString out;
  bool keep_marks = false;
  for (int32_t i = 0; i < d.length(); i = d.moveIndex32(i, 1)) {
    const UChar32 c = d.char32At(i);
    if (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK)) {
      if (keep_marks) out.append(c);
      continue;
    }
    UErrorCode script_ec = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &script_ec);
    keep_marks = script != USCRIPT_LATIN && script != USCRIPT_COMMON &&
                 script != USCRIPT_INHERITED && script != USCRIPT_UNKNOWN;
    switch (c) {
      case 0x00E6:
        out.append(u"ae");
        break;
      case 0x0153:
        out.append(u"oe");
        break;
      case 0x00DF:
        out.append(u"ss");
        break;
      case 0x00F8:
        out.append(u"o");
        break;
      case 0x0111:
      case 0x00F0:
        out.append(u"d");
        break;
      case 0x0142:
        out.append(u"l");
        break;
      case 0x0127:
        out.append(u"h");
        break;
      case 0x0131:
        out.append(u"i");
        break;
      case 0x0167:
        out.append(u"t");
        break;
      case 0x00FE:
        out.append(u"th");
        break;
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x02BC:
      case 0x2039:
      case 0x203A:
        out.append(u"'");
        break;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x00AB:
      case 0x00BB:
        out.append(u"\"");
        break;
      case 0x2010:
      case 0x2011:
        out.append(u"-");
        break;
      default:
        out.append(c);
    }
  }
  return ToUtf8(nfc->normalize(out, ec));
}

TEST(NormalizeTest, FoldExamples) {
  EXPECT_EQ(Fold("Sergueï"), "serguei");
  EXPECT_EQ(Fold("ÉTATS-UNIS"), "etats-unis");
  EXPECT_EQ(Fold("Зеленский"), "зеленский");
  EXPECT_EQ(Fold("Œuvre cœur Æsop Straße ẞ"), "oeuvre coeur aesop strasse ss");
  EXPECT_EQ(Fold("l’Ukraine « paix » “x” ‘y’ ʼn"), "l'ukraine \" paix \" \"x\" 'y' 'n");
  EXPECT_EQ(Fold("ﬁn ① Ｆｒａｎｃｅ"), "fin 1 france");
  EXPECT_EQ(Fold("Nguyễn Łódź Ørsted İstanbul"), "nguyen lodz orsted istanbul");
  EXPECT_EQ(Fold("inter\u00ADnational\u00A0x"), "international x");  // soft hyphen, NBSP
  EXPECT_EQ(Fold("États\u2011Unis"), "etats-unis");                  // non-breaking hyphen
  EXPECT_EQ(Fold("Hello, World 42!"), "hello, world 42!");
  EXPECT_EQ(Fold(""), "");
}

TEST(NormalizeTest, FoldKeepsNonLatinMarks) {
  // й composed and decomposed (и + combining breve) both stay й (U+0439).
  EXPECT_EQ(Fold("й"), "\xD0\xB9");
  EXPECT_EQ(Fold("\xD0\xB8\xCC\x86"), "\xD0\xB9");
  EXPECT_EQ(Fold("Йемен"), "йемен");
  EXPECT_EQ(Fold("Ἀθῆναι"), ReferenceFold("Ἀθῆναι"));
  EXPECT_NE(Fold("Ἀθῆναι"), "αθηναι");  // Greek keeps its accents
  // Latin with combining marks loses them, whatever the form.
  EXPECT_EQ(Fold("e\xCC\x81tat"), "etat");
  EXPECT_EQ(Fold("q\xCC\x83"), "q");
}

TEST(NormalizeTest, FoldAppendAppends) {
  std::string out = "x:";
  FoldAppend("Genève", out);
  FoldAppend(" ÉTÉ", out);
  EXPECT_EQ(out, "x:geneve ete");
}

TEST(NormalizeTest, FoldMatchesReferenceForEveryCodePointInContext) {
  for (UChar32 c = 0x20; c < 0x3400; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string ch;
    icu::UnicodeString(c).toUTF8String(ch);
    for (const std::string& s :
         {ch, "A" + ch, ch + "B", ch + "\xCC\x81", "x" + ch + "\xCC\x88y", ch + ch}) {
      ASSERT_EQ(Fold(s), ReferenceFold(s)) << "U+" << std::hex << c;
    }
  }
}

TEST(NormalizeTest, FoldOnSeedsMatchesReferenceAndIgnoresNormalForm) {
  const std::vector<std::string> seeds = ReadSeedTexts();
  ASSERT_FALSE(seeds.empty()) << "no seeds under " << DEPECHE_SHARED_DIR;
  for (const std::string& text : seeds) {
    const std::string folded = Fold(text);
    EXPECT_EQ(folded, ReferenceFold(text));
    EXPECT_EQ(Fold(Nfd(text)), folded);
    EXPECT_EQ(Fold(folded), folded);                            // idempotent
    EXPECT_EQ(folded.find("\xE2\x80\x99"), std::string::npos);  // no ’ left
  }
}

TEST(NormalizeTest, NfcComposesAndKeepsNfc) {
  EXPECT_EQ(Nfc("E\xCC\x81tats-Unis"), "États-Unis");
  EXPECT_EQ(Nfc("\xD0\xB8\xCC\x86"), "й");
  EXPECT_EQ(Nfc("ﬁn ½"), "ﬁn ½");  // NFC keeps compatibility characters
  EXPECT_EQ(Nfc("plain"), "plain");
  for (const std::string& text : ReadSeedTexts()) {
    EXPECT_EQ(Nfc(text), text);
    EXPECT_EQ(Nfc(Nfd(text)), text);
  }
}

TEST(NormalizeTest, LowerKeepsAccents) {
  EXPECT_EQ(Lower("États-Unis"), "états-unis");
  EXPECT_EQ(Lower("ÇA ŒUVRE"), "ça œuvre");
  EXPECT_EQ(Lower("ЗЕЛЕНСКИЙ"), "зеленский");
  EXPECT_EQ(Lower("ΟΔΥΣΣΕΥΣ"), "οδυσσευς");  // root locale: final sigma in context
  EXPECT_EQ(Lower("ABC def"), "abc def");
  EXPECT_EQ(Lower(""), "");
}

TEST(NormalizeTest, ArbitraryBytesGiveValidUtf8) {
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    const std::string input = RandomBytes(rng, 16);
    ASSERT_TRUE(IsValidUtf8(Fold(input))) << round;
    const std::string valid = RepairUtf8(input).text;
    EXPECT_EQ(Fold(valid), ReferenceFold(valid)) << round;
    EXPECT_TRUE(IsValidUtf8(Lower(valid)));
    EXPECT_TRUE(IsValidUtf8(Nfc(valid)));
  }
}

}  // namespace
}  // namespace depeche::text
