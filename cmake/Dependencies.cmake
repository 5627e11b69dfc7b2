# Every third-party dependency, found once. Debian 12 packages; see scripts/install-deps.sh.
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(nlohmann_json 3.11 CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(FASTTEXT REQUIRED IMPORTED_TARGET fasttext)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
# PostgreSQL, the store's second backend: libpqxx 6 (Debian's libpqxx-dev) over libpq.
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx libpq)
# cpp-httplib: a compiled library (built with OpenSSL, zlib, brotli); its pkg-config cflags
# make the class layouts match (DEPENDENCIES.md).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

find_library(STEMMER_LIB stemmer REQUIRED)
find_path(STEMMER_INCLUDE libstemmer.h REQUIRED)
add_library(depeche_stemmer INTERFACE)
target_link_libraries(depeche_stemmer INTERFACE ${STEMMER_LIB})
target_include_directories(depeche_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE})

find_library(CLD2_LIB cld2 REQUIRED)
find_path(CLD2_INCLUDE cld2/public/compact_lang_det.h REQUIRED)
add_library(depeche_cld2 INTERFACE)
target_link_libraries(depeche_cld2 INTERFACE ${CLD2_LIB})
target_include_directories(depeche_cld2 SYSTEM INTERFACE ${CLD2_INCLUDE})

if(DEPECHE_DEVELOPER_MODE)
  find_package(GTest CONFIG REQUIRED)
  find_package(benchmark CONFIG REQUIRED)
  include(GoogleTest)
endif()
