# Unity builds of the glue layers (issue 26: the first build on 2 cores).
#
# The CLI commands, the claim parser, the campaign, report and registry code each
# parse the same heavy headers (nlohmann/json, fmt, CLI11, Boost.Multiprecision) and
# instantiate the same inline templates; compiled as a few merged translation units
# per target, that work is done once per batch instead of once per file (measured:
# the cli target 207 CPU-s -> 54 CPU-s). The per-number-type ladder units and the
# per-family property units stay translation units of their own (see
# annealcheck_own_unit): they hold the heavy explicit instantiations, and compiling
# them apart is what lets two cores share them.
option(ANNEALCHECK_UNITY_BUILD "Compile the glue layers as unity (merged) translation units" ON)
set(ANNEALCHECK_UNITY_BATCH 8 CACHE STRING "Source files per unity translation unit")

function(annealcheck_unity target)
  if(ANNEALCHECK_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${ANNEALCHECK_UNITY_BATCH})
  endif()
endfunction()

# Sources that stay a translation unit of their own in a unity target.
function(annealcheck_own_unit)
  set_source_files_properties(${ARGN} DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
