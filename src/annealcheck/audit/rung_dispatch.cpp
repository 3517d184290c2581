// Dispatch from a ladder id to the translation unit that audits that type.
#include "annealcheck/audit/rung.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/mpfr_exact.hpp"

namespace annealcheck::audit {

#define ANNEALCHECK_DECLARE(fn) RungValues fn(const RungRequest&);
ANNEALCHECK_DECLARE(audit_rung_float)
ANNEALCHECK_DECLARE(audit_rung_double)
ANNEALCHECK_DECLARE(audit_rung_long_double)
ANNEALCHECK_DECLARE(audit_rung_float128)
ANNEALCHECK_DECLARE(audit_rung_mpfr128)
ANNEALCHECK_DECLARE(audit_rung_mpfr256)
ANNEALCHECK_DECLARE(audit_rung_mpfr1024)
ANNEALCHECK_DECLARE(audit_rung_mpfr_dynamic)
ANNEALCHECK_DECLARE(audit_rung_cpp_bin_float50)
ANNEALCHECK_DECLARE(audit_rung_cpp_bin_float100)
ANNEALCHECK_DECLARE(audit_rung_gmp_float50)
#undef ANNEALCHECK_DECLARE

RungValues audit_rung(const engine::TypeSpec& t, const RungRequest& r) {
  using engine::Family;
  switch (t.family) {
    case Family::Float: return audit_rung_float(r);
    case Family::Double: return audit_rung_double(r);
    case Family::LongDouble: return audit_rung_long_double(r);
    case Family::Float128: return audit_rung_float128(r);
    case Family::Mpfr128: return audit_rung_mpfr128(r);
    case Family::Mpfr256: return audit_rung_mpfr256(r);
    case Family::Mpfr1024: return audit_rung_mpfr1024(r);
    case Family::MpfrRuntime: {
      numeric::scoped_mpfr_bits scope(t.bits);  // per thread
      RungValues v = audit_rung_mpfr_dynamic(r);
      v.type_id = t.id;
      return v;
    }
    case Family::CppBinFloat50: return audit_rung_cpp_bin_float50(r);
    case Family::CppBinFloat100: return audit_rung_cpp_bin_float100(r);
    case Family::GmpFloat50: return audit_rung_gmp_float50(r);
    case Family::Mpq:
    case Family::Mpfi256:
    case Family::MpfiRuntime:
      break;
  }
  throw InputError("--types", "\"" + t.id + "\"", "a floating rung (mpq has no exp/log for the flow; MPFI is the reference, not a rung)");
}

}  // namespace annealcheck::audit
