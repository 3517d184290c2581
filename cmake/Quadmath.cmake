# libquadmath backs Boost's float128 (GCC's __float128).
find_library(QUADMATH_LIBRARY NAMES quadmath libquadmath.so.0
  HINTS /usr/lib/gcc/x86_64-linux-gnu/12 /usr/lib/x86_64-linux-gnu)
if(NOT QUADMATH_LIBRARY)
  message(FATAL_ERROR "libquadmath not found (Debian package libquadmath0 / gcc's libgcc-12-dev)")
endif()
