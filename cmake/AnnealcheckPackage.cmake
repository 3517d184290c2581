# The installed package (cmake --install): headers, static libraries and
# annealcheckConfig.cmake with the exported targets
#   annealcheck::core              dynamics, Lemma 2, the engine (MPFR, GMP, Boost, nlohmann_json, fmt)
#   annealcheck::prop1             Proposition 1 end to end (on the core)
#   annealcheck::audit             certified MPFI reference and precision audits (+ MPFI)
#   annealcheck::property_support  generators, runner, showValue (+ RapidCheck)
#   annealcheck::properties        the catalog, its registry and counterexample reports
# Components: core (always), audit, properties; find_package(annealcheck) with no
# components loads every layer whose dependency is found. tests/package builds a
# consumer against a tree installed into the build directory.
include(CMakePackageConfigHelpers)
set(ANNEALCHECK_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/annealcheck)

install(TARGETS annealcheck_core annealcheck_prop1 EXPORT annealcheck-core-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS annealcheck_audit EXPORT annealcheck-audit-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS annealcheck_property_support annealcheck_properties EXPORT annealcheck-properties-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
foreach(layer core audit properties)
  install(EXPORT annealcheck-${layer}-targets NAMESPACE annealcheck:: DESTINATION ${ANNEALCHECK_INSTALL_CMAKEDIR})
endforeach()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/src/annealcheck DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/properties/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/properties
        FILES_MATCHING PATTERN "*.hpp")

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/annealcheckConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/annealcheckConfig.cmake
                              INSTALL_DESTINATION ${ANNEALCHECK_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/annealcheckConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/annealcheckConfig.cmake ${PROJECT_BINARY_DIR}/annealcheckConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/FindGMP.cmake ${CMAKE_CURRENT_LIST_DIR}/FindMPFR.cmake ${CMAKE_CURRENT_LIST_DIR}/FindMPFI.cmake
        DESTINATION ${ANNEALCHECK_INSTALL_CMAKEDIR})
