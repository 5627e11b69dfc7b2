// The timex rules of Spanish, Italian and German (data/{es,it,de}/timex) and the calendar names
// every language's rules take from text::CalendarNames.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "extract/timex.h"
#include "extract/timex_rules.h"
#include "extract/timex_tagger.h"
#include "text/calendar_names.h"

namespace depeche::extract {
namespace {

// The languages with rules: data/<lang>/timex/.
std::vector<std::string> TimexLanguages() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(DEPECHE_SOURCE_DIR "/data")) {
    if (std::filesystem::is_directory(entry.path() / "timex")) {
      out.push_back(entry.path().filename().string());
    }
  }
  return out;
}

// The tagger of the repository's rules; a failure to load them fails every test using it.
const TimexTagger& Tagger() {
  static const std::unique_ptr<TimexTagger> tagger = [] {
    auto made = TimexTagger::Create(DEPECHE_SOURCE_DIR "/data");
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    if (made.ok()) return std::move(made).value();
    auto empty = TimexTagger::Create(::testing::TempDir());
    return empty.ok() ? std::move(empty).value() : nullptr;
  }();
  return *tagger;
}

// "span|TYPE|value" for each expression of `text`, against Tuesday 18 January 2022.
std::vector<std::string> Tag(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (const Timex& t : Tagger().Tag(text, lang, CivilDay{2022, 1, 18})) {
    out.push_back(std::string(text.substr(t.span.begin, t.span.end - t.span.begin)) + "|" +
                  std::string(TimexTypeName(t.type)) + "|" + t.value);
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> want;
};

void Check(std::string_view lang, const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Tag(c.text, lang), c.want) << lang << ": " << c.text;
}

using V = std::vector<std::string>;

TEST(TimexLanguagesTest, TheyHaveRules) {
  EXPECT_EQ(Tagger().languages(), (V{"de", "en", "es", "fr", "it"}));
}

TEST(TimexLanguagesTest, Spanish) {
  Check("es",
        {
            {"El 17 de febrero de 2022, el presidente habló.",
             V{"El 17 de febrero de 2022|DATE|2022-02-17"}},
            // A bare weekday: forward in a future clause, back in a past one.
            {"Los ministros se reunirán el viernes en Ginebra.", V{"el viernes|DATE|2022-01-21"}},
            {"Los ministros se reunieron el viernes en Ginebra.", V{"el viernes|DATE|2022-01-14"}},
            {"El jueves 17 de febrero por la noche hubo disparos.",
             V{"El jueves 17 de febrero por la noche|TIME|2022-02-17TNI"}},
            {"La reunión comenzará a las 11:00 hora local.",
             V{"las 11:00 hora local|TIME|2022-01-18T11:00"}},
            {"Llegó a las 8 de la tarde.", V{"las 8 de la tarde|TIME|2022-01-18T20:00"}},
            {"El conflicto dura desde hace ocho años.", V{"desde hace ocho años|DURATION|P8Y"}},
            {"Vivió durante ocho años en Madrid.", V{"ocho años|DURATION|P8Y"}},
            {"Hoy, ayer y mañana.",
             V{"Hoy|DATE|2022-01-18", "ayer|DATE|2022-01-17", "mañana|DATE|2022-01-19"}},
            {"Esta mañana hubo una reunión.", V{"Esta mañana|TIME|2022-01-18TMO"}},
            {"La próxima semana habrá elecciones.", V{"La próxima semana|DATE|2022-W04"}},
            {"La semana pasada no hubo nada.", V{"La semana pasada|DATE|2022-W02"}},
            {"En los próximos días se decidirá.", V{"En los próximos días|DATE|FUTURE_REF"}},
            {"Actualmente no hay acuerdo.", V{"Actualmente|DATE|PRESENT_REF"}},
            {"En marzo de 2014 Rusia anexionó Crimea, hace ocho años.",
             V{"marzo de 2014|DATE|2014-03", "hace ocho años|DATE|2014"}},
            // An age is no duration.
            {"Un hombre de 53 años murió el año pasado.", V{"el año pasado|DATE|2021"}},
            {"Cada año se celebra la cumbre, todos los lunes hay misa.",
             V{"Cada año|SET|P1Y", "todos los lunes|SET|XXXX-WXX-1"}},
            {"Fue en los años noventa.", V{"los años noventa|DATE|199X"}},
            {"Hace unos días, cada domingo por la noche.",
             V{"Hace unos días|DATE|PAST_REF", "cada domingo por la noche|SET|XXXX-WXX-7TNI"}},
            {"La noche del lunes hubo ataques.", V{"La noche del lunes|TIME|2022-01-17TNI"}},
            {"Cuando tenía 14 años se fue.", V{}},
            // A clock time on a weekday, in a past clause.
            {"Los soldados llegaron a las 5 de la mañana del miércoles.",
             V{"las 5 de la mañana del miércoles|TIME|2022-01-12T05:00"}},
        });
}

TEST(TimexLanguagesTest, Italian) {
  Check("it",
        {
            {"Il 17 febbraio 2022 il presidente ha parlato.",
             V{"Il 17 febbraio 2022|DATE|2022-02-17"}},
            {"I ministri si incontreranno venerdì a Ginevra.", V{"venerdì|DATE|2022-01-21"}},
            {"I ministri si sono incontrati venerdì a Ginevra.", V{"venerdì|DATE|2022-01-14"}},
            {"Giovedì 17 febbraio sera ci sono stati spari.",
             V{"Giovedì 17 febbraio sera|TIME|2022-02-17TEV"}},
            {"La riunione comincerà alle 11 ora locale.", V{"11 ora locale|TIME|2022-01-18T11:00"}},
            {"È arrivato alle ore 15:30.", V{"ore 15:30|TIME|2022-01-18T15:30"}},
            {"Il conflitto dura da otto anni.", V{"otto anni|DURATION|P8Y"}},
            {"Oggi, ieri e domani.",
             V{"Oggi|DATE|2022-01-18", "ieri|DATE|2022-01-17", "domani|DATE|2022-01-19"}},
            {"Stasera si vedranno.", V{"Stasera|TIME|2022-01-18TEV"}},
            {"La prossima settimana ci saranno le elezioni.",
             V{"La prossima settimana|DATE|2022-W04"}},
            {"La settimana scorsa non è successo nulla.", V{"La settimana scorsa|DATE|2022-W02"}},
            {"Nei prossimi giorni si deciderà.", V{"Nei prossimi giorni|DATE|FUTURE_REF"}},
            {"Attualmente non c'è accordo.", V{"Attualmente|DATE|PRESENT_REF"}},
            {"Nel 2014 la Russia ha annesso la Crimea, otto anni fa.",
             V{"2014|DATE|2014", "otto anni fa|DATE|2014"}},
            {"Un uomo di 53 anni è morto l'anno scorso.", V{"l'anno scorso|DATE|2021"}},
            {"Ogni settimana si riunisce, tutti i lunedì.",
             V{"Ogni settimana|SET|P1W", "tutti i lunedì|SET|XXXX-WXX-1"}},
            {"Il mese prossimo partirà.", V{"Il mese prossimo|DATE|2022-02"}},
            {"Alcuni giorni fa è partito.", V{"Alcuni giorni fa|DATE|PAST_REF"}},
            {"La scorsa domenica sera è partito.", V{"La scorsa domenica sera|TIME|2022-01-16TEV"}},
            {"Quando aveva 14 anni è partito.", V{}},
            {"Il 2021 è stato difficile, poi alle 8 di sera è finita.",
             V{"2021|DATE|2021", "8 di sera|TIME|2022-01-18T20:00"}},
        });
}

TEST(TimexLanguagesTest, German) {
  Check(
      "de",
      {
          {"Am 17. Februar 2022 hat der Präsident gesprochen.",
           V{"17. Februar 2022|DATE|2022-02-17"}},
          {"Die Minister werden sich am Freitag in Genf treffen.", V{"Freitag|DATE|2022-01-21"}},
          {"Die Minister haben sich am Freitag in Genf getroffen.", V{"Freitag|DATE|2022-01-14"}},
          {"Am Donnerstag, 17. Februar, wurde geschossen.",
           V{"Donnerstag, 17. Februar|DATE|2022-02-17"}},
          {"Am Donnerstagabend wurde geschossen.", V{"Donnerstagabend|TIME|2022-01-13TEV"}},
          {"Das Treffen beginnt um 11 Uhr Ortszeit.", V{"11 Uhr Ortszeit|TIME|2022-01-18T11:00"}},
          {"Er kam um 15.30 Uhr.", V{"15.30 Uhr|TIME|2022-01-18T15:30"}},
          {"Der Konflikt dauert seit acht Jahren an.", V{"acht Jahren|DURATION|P8Y"}},
          {"Heute, gestern und morgen.",
           V{"Heute|DATE|2022-01-18", "gestern|DATE|2022-01-17", "morgen|DATE|2022-01-19"}},
          {"Nächste Woche wird gewählt.", V{"Nächste Woche|DATE|2022-W04"}},
          {"Letzte Woche geschah nichts.", V{"Letzte Woche|DATE|2022-W02"}},
          {"In den kommenden Tagen wird entschieden.", V{"In den kommenden Tagen|DATE|FUTURE_REF"}},
          {"Derzeit gibt es keine Einigung.", V{"Derzeit|DATE|PRESENT_REF"}},
          {"Russland hat die Krim vor acht Jahren annektiert, seit 2014.",
           V{"vor acht Jahren|DATE|2014", "2014|DATE|2014"}},
          {"Ein Mann im Alter von 53 Jahren starb im vergangenen Jahr.",
           V{"vergangenen Jahr|DATE|2021"}},
          {"Jeden Tag, freitags und alle zwei Wochen.",
           V{"Jeden Tag|SET|P1D", "freitags|SET|XXXX-WXX-5", "alle zwei Wochen|SET|P2W"}},
          {"Am 17.02.2022 war es kalt.", V{"17.02.2022|DATE|2022-02-17"}},
          // "zur Zeit der" is no "zurzeit".
          {"Zur Zeit der Römer, vor einigen Tagen.", V{"vor einigen Tagen|DATE|PAST_REF"}},
          {"Er ist 53 Jahre alt.", V{}},
          // A participle without "ge-" ("beschlossen") is a past all the same.
          {"Die Regierung hat am Montag das Gesetz beschlossen.", V{"Montag|DATE|2022-01-17"}},
      });
}

TEST(TimexCalendarNamesTest, EveryIcuWideMonthAndWeekdayIsAResource) {
  const std::vector<std::string> languages = TimexLanguages();
  EXPECT_GE(languages.size(), 2u);
  for (const std::string& lang : languages) {
    auto rules = TimexRules::Load(DEPECHE_SOURCE_DIR "/data/" + lang + "/timex", lang);
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    const text::CalendarNames& names = text::CalendarNames::For(lang);
    ASSERT_FALSE(names.months().empty()) << lang;
    for (const text::CalendarName& n : names.months()) {
      if (n.abbreviated) continue;
      char want[8];
      std::snprintf(want, sizeof want, "%02d", n.number);
      EXPECT_EQ((*rules)->Lookup("month", n.name), want) << lang << " " << n.name;
    }
    for (const text::CalendarName& n : names.weekdays()) {
      if (n.abbreviated) continue;
      EXPECT_EQ((*rules)->Lookup("weekday", n.name), std::to_string(n.number))
          << lang << " " << n.name;
    }
  }
}

TEST(TimexCalendarNamesTest, AbbreviationsOnlyWithTheirPeriodOrFromTheFile) {
  auto fr = TimexRules::Load(DEPECHE_SOURCE_DIR "/data/fr/timex", "fr");
  ASSERT_TRUE(fr.ok()) << fr.status().ToString();
  EXPECT_EQ((*fr)->Lookup("month", "févr."), "02");  // ICU's, with its period
  EXPECT_EQ((*fr)->Lookup("month", "fév."), "02");   // the file's
  EXPECT_EQ((*fr)->Lookup("weekday", "jeu."), "");   // "le jeu." is no Thursday
  auto en = TimexRules::Load(DEPECHE_SOURCE_DIR "/data/en/timex", "en");
  ASSERT_TRUE(en.ok()) << en.status().ToString();
  EXPECT_EQ((*en)->Lookup("weekday", "sun"), "");  // "the Sun"
  EXPECT_EQ((*en)->Lookup("month", "mar"), "");
  EXPECT_EQ((*en)->Lookup("month", "mar."), "03");  // the file's
}

}  // namespace
}  // namespace depeche::extract

namespace depeche::extract {
namespace {

// A word run on into punctuation ("marzo–", "février»") or into an ending its rule allows still
// lets the rule run: whether an expression is found cannot depend on whether its word occurs
// bare somewhere else in the text.
TEST(TimexLanguagesTest, WordsGluedToPunctuationStillTriggerTheirRules) {
  const std::vector<std::string> glued = Tag("Las protestas siguen desde marzo–, dice.", "es");
  const std::vector<std::string> bare = Tag("Las protestas siguen desde marzo, dice.", "es");
  ASSERT_FALSE(bare.empty());
  EXPECT_EQ(glued.size(), bare.size());
}

}  // namespace
}  // namespace depeche::extract
