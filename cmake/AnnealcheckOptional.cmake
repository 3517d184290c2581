# Parts of the build that need packages the annealcheck executable does not (issue 26):
# the tests and mutant builds (GoogleTest/GMock), the benchmarks (Google Benchmark), verify's
# MPI mode (Boost.MPI, Open MPI). Each is a cache variable ON, OFF or AUTO (the default): AUTO
# builds the part when its packages are found, so a tree for the executable alone (scripts/run,
# which installs only its packages) configures without them. Every configure looks again, and
# what AUTO did not find is kept in ANNEALCHECK_AUTO_MISSING (an internal cache entry):
# scripts/build configures such a tree again once scripts/setup-deps has installed the rest.
#
#   annealcheck_optional(VAR DOC WHAT)        -> _how: QUIET (AUTO), REQUIRED (ON) or "" (OFF)
#   if(_how) find_package(... ${_how}) ... endif()
#   annealcheck_optional_found(VAR FOUND_VARS...)  -> VAR is ON or OFF from here down
# (VAR then is a normal variable over the cache entry, for this directory and those below it.)
set_property(GLOBAL PROPERTY ANNEALCHECK_AUTO_MISSING "")

macro(annealcheck_optional var doc what)
  set(${var} AUTO CACHE STRING "Build ${doc}: ON, OFF or AUTO (when ${what} is found)")
  set_property(CACHE ${var} PROPERTY STRINGS AUTO ON OFF)
  set(_annealcheck_${var}_what "${what}")
  set(_annealcheck_${var}_doc "${doc}")
  if("${${var}}" STREQUAL "AUTO")
    set(_how QUIET)
  elseif(${var})
    set(_how REQUIRED)
  else()
    set(_how "")
  endif()
  set(_annealcheck_${var}_how "${_how}")
endmacro()

macro(annealcheck_optional_found var)
  if("${_annealcheck_${var}_how}" STREQUAL "")
    set(${var} OFF)
  else()
    set(${var} ON)
    foreach(_found ${ARGN})
      if(NOT ${_found})
        set(${var} OFF)
      endif()
    endforeach()
    if(NOT ${var})
      set_property(GLOBAL APPEND PROPERTY ANNEALCHECK_AUTO_MISSING "${_annealcheck_${var}_what}")
      message(STATUS "${var}=AUTO: ${_annealcheck_${var}_what} not found, building without ${_annealcheck_${var}_doc} (scripts/setup-deps installs it)")
    endif()
  endif()
endmacro()

# At the end of the top-level CMakeLists.txt.
function(annealcheck_record_missing)
  get_property(missing GLOBAL PROPERTY ANNEALCHECK_AUTO_MISSING)
  string(REPLACE ";" ", " missing "${missing}")
  set(ANNEALCHECK_AUTO_MISSING "${missing}" CACHE INTERNAL "What ANNEALCHECK_BUILD_TESTS/_BENCH and ANNEALCHECK_MPI=AUTO did not find")
endfunction()
