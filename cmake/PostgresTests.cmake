# The test suite on PostgreSQL (docs/ARCHITECTURE.md, store backends). DEPECHE_TEST_POSTGRES:
#   AUTO (default): on when the PostgreSQL server binaries are found (Debian's `postgresql`),
#                   so a machine without them runs the SQLite suite and needs nothing more;
#   ON: required (configure fails without the binaries); OFF: SQLite only.
# When on, the fixture tests pg_cluster_start / pg_cluster_stop (FIXTURES_SETUP / _CLEANUP
# `pg`) start and stop a throwaway cluster in <build>/pg-cluster with
# scripts/pg-test-cluster.sh, and every test of a `depeche_test(... DATABASE)` binary runs a
# second time as `<test>_pg` (label `pg`) with DEPECHE_TEST_PG_URL_FILE naming the cluster's
# URL file. `ctest -LE pg` runs the SQLite pass only, `ctest -L pg` the PostgreSQL pass only.
set(DEPECHE_TEST_POSTGRES AUTO CACHE STRING
    "Run the database tests on PostgreSQL too (AUTO: when the server binaries are found)")
set_property(CACHE DEPECHE_TEST_POSTGRES PROPERTY STRINGS AUTO ON OFF)

set(DEPECHE_TEST_POSTGRES_ENABLED OFF)
set(_pg_script "${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh")
if(DEPECHE_DEVELOPER_MODE AND NOT DEPECHE_TEST_POSTGRES STREQUAL "OFF")
  execute_process(COMMAND "${_pg_script}" bindir
                  RESULT_VARIABLE _pg_rc OUTPUT_VARIABLE _pg_bindir ERROR_VARIABLE _pg_err
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_pg_rc EQUAL 0)
    set(DEPECHE_TEST_POSTGRES_ENABLED ON)
    message(STATUS "Tests on PostgreSQL: on (server binaries in ${_pg_bindir})")
  elseif(DEPECHE_TEST_POSTGRES STREQUAL "AUTO")
    message(STATUS "Tests on PostgreSQL: off (no server binaries: apt-get install postgresql)")
  else()
    message(FATAL_ERROR "DEPECHE_TEST_POSTGRES=ON but ${_pg_err}")
  endif()
endif()

if(DEPECHE_TEST_POSTGRES_ENABLED)
  set(DEPECHE_TEST_PG_DIR "${CMAKE_BINARY_DIR}/pg-cluster")
  set(DEPECHE_TEST_PG_URL_FILE "${DEPECHE_TEST_PG_DIR}/url")
  add_test(NAME pg_cluster_start COMMAND "${_pg_script}" start "${DEPECHE_TEST_PG_DIR}")
  add_test(NAME pg_cluster_stop COMMAND "${_pg_script}" stop "${DEPECHE_TEST_PG_DIR}")
  set_tests_properties(pg_cluster_start PROPERTIES FIXTURES_SETUP pg LABELS pg TIMEOUT 120)
  set_tests_properties(pg_cluster_stop PROPERTIES FIXTURES_CLEANUP pg LABELS pg TIMEOUT 120)
endif()
