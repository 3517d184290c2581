// Dispatch from a ladder id to the translation unit that instantiates that type
// (numeric/visit_ladder.hpp; the per-type units are generated from numeric/ladder.hpp).
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/visit_ladder.hpp"
#include "annealcheck/prop1/report.hpp"

namespace annealcheck::prop1 {

#define ANNEALCHECK_PROP1_DECLARE(family, ...)                                                    \
  Prop1Report run_prop1_in(numeric::LadderTag<numeric::Family::family>, const Prop1Options& o); \
  GeneralReport run_general_in(numeric::LadderTag<numeric::Family::family>, const GeneralOptions& o);
ANNEALCHECK_FLOATING_LADDER(ANNEALCHECK_PROP1_DECLARE)
#undef ANNEALCHECK_PROP1_DECLARE

namespace {

template <numeric::Family F>
constexpr bool floating = F != numeric::Family::Mpq && !numeric::is_interval(F);

[[noreturn]] void unsupported(const engine::TypeSpec& t) {
  throw InputError("--type", "\"" + t.id + "\"",
                   "a floating type for prop1 (mpq has no exp/log for the flow; intervals are not supported here)");
}

}  // namespace

Prop1Report run_prop1(const engine::TypeSpec& t, const Prop1Options& o) {
  return numeric::visit_ladder(t, [&](auto tag) -> Prop1Report {
    if constexpr (floating<decltype(tag)::family>) return run_prop1_in(tag, o);
    else unsupported(t);
  });
}

GeneralReport run_general(const engine::TypeSpec& t, const GeneralOptions& o) {
  return numeric::visit_ladder(t, [&](auto tag) -> GeneralReport {
    if constexpr (floating<decltype(tag)::family>) return run_general_in(tag, o);
    else unsupported(t);
  });
}

}  // namespace annealcheck::prop1
