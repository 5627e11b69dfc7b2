# depeche_module(NAME SOURCES ... DEPS ...): one folder = one library = one namespace.
# Creates depeche_<name> with ALIAS depeche::<name>.
#
# Module boundaries are enforced by the include path: src/ itself is on no include path.
# Each module gets a folder of its own, <build>/module_include/<name>/, holding one link
# `<name>` -> src/<name>, so `#include "<name>/x.h"` resolves only for the module itself and
# for targets that link it (PUBLIC: DEPS propagate it one way down the graph). Including a
# header of a module that is not among a target's (transitive) DEPS fails to compile.
function(depeche_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(depeche_${name} ${M_SOURCES})
  add_library(depeche::${name} ALIAS depeche_${name})
  target_compile_features(depeche_${name} PUBLIC cxx_std_20)
  set(_dir "${PROJECT_BINARY_DIR}/module_include/${name}")
  file(MAKE_DIRECTORY "${_dir}")
  file(CREATE_LINK "${PROJECT_SOURCE_DIR}/src/${name}" "${_dir}/${name}" SYMBOLIC)
  target_include_directories(depeche_${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${_dir}>
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
