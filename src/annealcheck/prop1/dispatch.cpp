// Dispatch from a ladder id to the translation unit that instantiates that type.
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/mpfr_exact.hpp"
#include "annealcheck/prop1/report.hpp"

namespace annealcheck::prop1 {

#define ANNEALCHECK_PROP1_DECLARE(t)                \
  Prop1Report run_prop1_##t(const Prop1Options& o); \
  GeneralReport run_general_##t(const GeneralOptions& o);
ANNEALCHECK_PROP1_DECLARE(float)
ANNEALCHECK_PROP1_DECLARE(double)
ANNEALCHECK_PROP1_DECLARE(long_double)
ANNEALCHECK_PROP1_DECLARE(float128)
ANNEALCHECK_PROP1_DECLARE(mpfr128)
ANNEALCHECK_PROP1_DECLARE(mpfr256)
ANNEALCHECK_PROP1_DECLARE(mpfr1024)
ANNEALCHECK_PROP1_DECLARE(mpfr_dynamic)
ANNEALCHECK_PROP1_DECLARE(cpp_bin_float50)
ANNEALCHECK_PROP1_DECLARE(cpp_bin_float100)
ANNEALCHECK_PROP1_DECLARE(gmp_float50)
#undef ANNEALCHECK_PROP1_DECLARE

namespace {

[[noreturn]] void unsupported(const engine::TypeSpec& t) {
  throw InputError("--type", "\"" + t.id + "\"",
                   "a floating type for prop1 (mpq has no exp/log for the flow; intervals are not supported here)");
}

}  // namespace

// One switch per entry point; `fn` is run_prop1 or run_general.
#define ANNEALCHECK_PROP1_SWITCH(fn)                                      \
  switch (t.family) {                                                     \
    case engine::Family::Float: return fn##_float(o);                     \
    case engine::Family::Double: return fn##_double(o);                   \
    case engine::Family::LongDouble: return fn##_long_double(o);          \
    case engine::Family::Float128: return fn##_float128(o);               \
    case engine::Family::Mpfr128: return fn##_mpfr128(o);                 \
    case engine::Family::Mpfr256: return fn##_mpfr256(o);                 \
    case engine::Family::Mpfr1024: return fn##_mpfr1024(o);               \
    case engine::Family::MpfrRuntime: {                                   \
      numeric::scoped_mpfr_bits scope(t.bits);                            \
      return fn##_mpfr_dynamic(o);                                        \
    }                                                                     \
    case engine::Family::CppBinFloat50: return fn##_cpp_bin_float50(o);   \
    case engine::Family::CppBinFloat100: return fn##_cpp_bin_float100(o); \
    case engine::Family::GmpFloat50: return fn##_gmp_float50(o);          \
    case engine::Family::Mpq:                                             \
    case engine::Family::Mpfi256:                                         \
    case engine::Family::MpfiRuntime: break;                              \
  }                                                                       \
  unsupported(t);

Prop1Report run_prop1(const engine::TypeSpec& t, const Prop1Options& o) { ANNEALCHECK_PROP1_SWITCH(run_prop1) }

GeneralReport run_general(const engine::TypeSpec& t, const GeneralOptions& o) { ANNEALCHECK_PROP1_SWITCH(run_general) }

#undef ANNEALCHECK_PROP1_SWITCH

}  // namespace annealcheck::prop1
