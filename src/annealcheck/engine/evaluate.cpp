// Dispatch from a ladder id to the translation unit that instantiates that type.
#include "annealcheck/engine/report.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/mpfr_exact.hpp"

namespace annealcheck::engine {

#define ANNEALCHECK_DECLARE(fn) EvalReport fn(const Problem&, const EvalOptions&);
ANNEALCHECK_DECLARE(evaluate_float)
ANNEALCHECK_DECLARE(evaluate_double)
ANNEALCHECK_DECLARE(evaluate_long_double)
ANNEALCHECK_DECLARE(evaluate_float128)
ANNEALCHECK_DECLARE(evaluate_mpfr128)
ANNEALCHECK_DECLARE(evaluate_mpfr256)
ANNEALCHECK_DECLARE(evaluate_mpfr1024)
ANNEALCHECK_DECLARE(evaluate_mpfr_dynamic)
ANNEALCHECK_DECLARE(evaluate_cpp_bin_float50)
ANNEALCHECK_DECLARE(evaluate_cpp_bin_float100)
ANNEALCHECK_DECLARE(evaluate_gmp_float50)
ANNEALCHECK_DECLARE(evaluate_mpq)
#undef ANNEALCHECK_DECLARE

EvalReport evaluate(const Problem& p, const TypeSpec& t, const EvalOptions& opt) {
  switch (t.family) {
    case Family::Float: return evaluate_float(p, opt);
    case Family::Double: return evaluate_double(p, opt);
    case Family::LongDouble: return evaluate_long_double(p, opt);
    case Family::Float128: return evaluate_float128(p, opt);
    case Family::Mpfr128: return evaluate_mpfr128(p, opt);
    case Family::Mpfr256: return evaluate_mpfr256(p, opt);
    case Family::Mpfr1024: return evaluate_mpfr1024(p, opt);
    case Family::MpfrRuntime: {
      numeric::scoped_mpfr_bits scope(t.bits);
      return evaluate_mpfr_dynamic(p, opt);
    }
    case Family::CppBinFloat50: return evaluate_cpp_bin_float50(p, opt);
    case Family::CppBinFloat100: return evaluate_cpp_bin_float100(p, opt);
    case Family::GmpFloat50: return evaluate_gmp_float50(p, opt);
    case Family::Mpq: return evaluate_mpq(p, opt);
    case Family::Mpfi256:
    case Family::MpfiRuntime:
      throw InputError("--type", "\"" + t.id + "\"",
                       "a point type for eval (intervals are evaluated by `audit`)");
  }
  throw InputError("--type", "\"" + t.id + "\"", "a supported type");
}

}  // namespace annealcheck::engine
