// The precision ladder: every number family, and the one list of the point types
// that the engine, the audit and Proposition 1 instantiate.
//
// ANNEALCHECK_POINT_LADDER(X) calls X(family, suffix, C++ type, traits header,
// audit/exact_mpfr header) once per point type. It is the only list: CMake reads
// it (src/CMakeLists.txt, annealcheck_ladder_sources) to generate one translation
// unit per module and type (explicit instantiation, one type per TU), and the
// dispatchers declare their per-type functions from it. Light header: names only.
#pragma once

namespace annealcheck::numeric {

enum class Family {
  Float, Double, LongDouble, Float128,
  Mpfr128, Mpfr256, Mpfr1024, MpfrRuntime,
  CppBinFloat50, CppBinFloat100, GmpFloat50,
  Mpq, Mpfi256, MpfiRuntime,
};

// clang-format off
#define ANNEALCHECK_FLOATING_LADDER(X)                                                   \
  X(Float, float, float, builtin_traits, builtin)                                        \
  X(Double, double, double, builtin_traits, builtin)                                     \
  X(LongDouble, long_double, long double, builtin_traits, builtin)                       \
  X(Float128, float128, numeric::float128, float128_traits, float128)                    \
  X(Mpfr128, mpfr128, numeric::mpfr128, mpfr_traits, mpfr)                               \
  X(Mpfr256, mpfr256, numeric::mpfr256, mpfr_traits, mpfr)                               \
  X(Mpfr1024, mpfr1024, numeric::mpfr1024, mpfr_traits, mpfr)                            \
  X(MpfrRuntime, mpfr_dynamic, numeric::mpfr_dynamic, mpfr_traits, mpfr)                 \
  X(CppBinFloat50, cpp_bin_float50, numeric::cpp_bin_float50, cpp_bin_float_traits, cpp_bin_float) \
  X(CppBinFloat100, cpp_bin_float100, numeric::cpp_bin_float100, cpp_bin_float_traits, cpp_bin_float) \
  X(GmpFloat50, gmp_float50, numeric::gmp_float50, gmp_traits, gmp_float)
// The point types: the floating ones and exact rationals (no exp/log: the engine only).
#define ANNEALCHECK_POINT_LADDER(X) \
  ANNEALCHECK_FLOATING_LADDER(X)    \
  X(Mpq, mpq, numeric::mpq, gmp_traits, none)
// clang-format on

// A family as a type, for overloads and `if constexpr` (visit_ladder.hpp).
template <Family F>
struct LadderTag {
  static constexpr Family family = F;
};

constexpr bool is_interval(Family f) { return f == Family::Mpfi256 || f == Family::MpfiRuntime; }

}  // namespace annealcheck::numeric
