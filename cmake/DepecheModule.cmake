# depeche_module(NAME SOURCES ... DEPS ...): one folder = one library = one namespace.
# Creates depeche_<name> with ALIAS depeche::<name>.
function(depeche_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(depeche_${name} ${M_SOURCES})
  add_library(depeche::${name} ALIAS depeche_${name})
  target_compile_features(depeche_${name} PUBLIC cxx_std_20)
  target_include_directories(depeche_${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>
    $<INSTALL_INTERFACE:include>)
  target_link_libraries(depeche_${name} PUBLIC ${M_DEPS}
    PRIVATE ${M_PRIVATE_DEPS} depeche_warnings depeche_sanitizers)
endfunction()

# depeche_test(NAME SOURCES ... DEPS ... [LABELS ...]): a GoogleTest binary registered with CTest.
function(depeche_test name)
  if(NOT DEPECHE_DEVELOPER_MODE)
    return()
  endif()
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_DEPS} GTest::gtest GTest::gmock GTest::gtest_main
    depeche_warnings depeche_sanitizers)
  target_compile_definitions(${name} PRIVATE
    DEPECHE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    DEPECHE_SHARED_DIR="${DEPECHE_SHARED_DIR}")
  gtest_discover_tests(${name} TEST_PREFIX "${name}." PROPERTIES LABELS "${T_LABELS}"
    DISCOVERY_TIMEOUT 60)
endfunction()
