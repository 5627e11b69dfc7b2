#include "text/stemmer.h"

#include <libstemmer.h>

#include <climits>
#include <cstring>
#include <string>

namespace depeche::text {
namespace {

struct Algorithm {
  const char* code;  // ISO 639-1 (or 639-3 where there is none)
  const char* name;  // libstemmer algorithm
};

// Every algorithm libstemmer 2.2 ships (sb_stemmer_list()), except "porter" (the original
// English algorithm, superseded by "english").
constexpr Algorithm kAlgorithms[] = {
    {"ar", "arabic"},     {"hy", "armenian"},   {"eu", "basque"},    {"ca", "catalan"},
    {"da", "danish"},     {"nl", "dutch"},      {"en", "english"},   {"fi", "finnish"},
    {"fr", "french"},     {"de", "german"},     {"el", "greek"},     {"hi", "hindi"},
    {"hu", "hungarian"},  {"id", "indonesian"}, {"ga", "irish"},     {"it", "italian"},
    {"lt", "lithuanian"}, {"ne", "nepali"},     {"no", "norwegian"}, {"nb", "norwegian"},
    {"nn", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},
    {"sr", "serbian"},    {"es", "spanish"},    {"sv", "swedish"},   {"ta", "tamil"},
    {"tr", "turkish"},    {"yi", "yiddish"},
};

const char* AlgorithmFor(std::string_view lang) {
  for (const Algorithm& a : kAlgorithms) {
    if (lang == a.code) return a.name;
  }
  return nullptr;
}

bool Shipped(const char* name) {
  for (const char** list = sb_stemmer_list(); *list != nullptr; ++list) {
    if (std::strcmp(*list, name) == 0) return true;
  }
  return false;
}

sb_stemmer* Handle(void* impl) { return static_cast<sb_stemmer*>(impl); }

}  // namespace

bool Stemmer::Supports(std::string_view lang) {
  const char* name = AlgorithmFor(lang);
  return name != nullptr && Shipped(name);
}

Result<std::unique_ptr<Stemmer>> Stemmer::Create(std::string_view lang) {
  const char* name = AlgorithmFor(lang);
  if (name == nullptr || !Shipped(name)) {
    return NotFoundError("no Snowball stemmer for language '" + std::string(lang) + "'");
  }
  sb_stemmer* stemmer = sb_stemmer_new(name, "UTF_8");
  if (stemmer == nullptr) {
    return ResourceExhaustedError(std::string("cannot create Snowball stemmer ") + name);
  }
  return std::unique_ptr<Stemmer>(new Stemmer(stemmer));
}

Stemmer::~Stemmer() { sb_stemmer_delete(Handle(impl_)); }

std::string_view Stemmer::Stem(std::string_view lower_word) {
  if (lower_word.empty() || lower_word.size() > INT_MAX) return lower_word;
  sb_stemmer* stemmer = Handle(impl_);
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(lower_word.data()),
                      static_cast<int>(lower_word.size()));
  if (stem == nullptr) return lower_word;  // out of memory inside libstemmer
  return {reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(stemmer))};
}

}  // namespace depeche::text
