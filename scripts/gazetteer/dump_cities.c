/* Prints libgeonames' embedded city table as TSV: geonameid, name, country code, population,
 * latitude, longitude. Used only by scripts/gen-gazetteers.sh. A GeonamesCity is a GVariant
 * of type (sssssssudd): id, name, admin1, state, country code, country, timezone, population,
 * latitude, longitude (the library has no accessor for the id). */
#include <geonames.h>
#include <stdio.h>

int main(void) {
  gint n = geonames_get_n_cities();
  for (gint i = 0; i < n; ++i) {
    GeonamesCity* c = geonames_get_city(i);
    if (c == NULL) continue;
    const gchar *id, *name, *a1, *state, *cc, *country, *tz;
    guint32 pop;
    gdouble lat, lon;
    g_variant_get((GVariant*)c, "(&s&s&s&s&s&s&sudd)", &id, &name, &a1, &state, &cc, &country,
                  &tz, &pop, &lat, &lon);
    printf("%s\t%s\t%s\t%u\t%.4f\t%.4f\n", id, name, cc, pop, lat, lon);
    geonames_city_free(c);
  }
  return 0;
}
