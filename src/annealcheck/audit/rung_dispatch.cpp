// Dispatch from a ladder id to the translation unit that audits that type
// (numeric/visit_ladder.hpp; the per-type units are generated from numeric/ladder.hpp).
#include "annealcheck/audit/rung.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/visit_ladder.hpp"

namespace annealcheck::audit {

#define ANNEALCHECK_DECLARE(family, ...) RungValues audit_rung_in(numeric::LadderTag<numeric::Family::family>, const RungRequest&);
ANNEALCHECK_FLOATING_LADDER(ANNEALCHECK_DECLARE)
#undef ANNEALCHECK_DECLARE

RungValues audit_rung(const engine::TypeSpec& t, const RungRequest& r) {
  return numeric::visit_ladder(t, [&](auto tag) -> RungValues {
    using numeric::Family;
    if constexpr (decltype(tag)::family == Family::Mpq || numeric::is_interval(decltype(tag)::family)) {
      throw InputError("--types", "\"" + t.id + "\"", "a floating rung (mpq has no exp/log for the flow; MPFI is the reference, not a rung)");
    } else {
      RungValues v = audit_rung_in(tag, r);
      if constexpr (decltype(tag)::family == Family::MpfrRuntime) v.type_id = t.id;
      return v;
    }
  });
}

}  // namespace annealcheck::audit
