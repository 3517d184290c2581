// Dispatch from a ladder id to the translation unit that instantiates that type
// (numeric/visit_ladder.hpp; the per-type units are generated from numeric/ladder.hpp).
#include "annealcheck/engine/report.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/visit_ladder.hpp"

namespace annealcheck::engine {

#define ANNEALCHECK_DECLARE(family, ...) \
  EvalReport evaluate_in(numeric::LadderTag<numeric::Family::family>, const Problem&, const EvalOptions&);
ANNEALCHECK_POINT_LADDER(ANNEALCHECK_DECLARE)
#undef ANNEALCHECK_DECLARE

EvalReport evaluate(const Problem& p, const TypeSpec& t, const EvalOptions& opt) {
  return numeric::visit_ladder(t, [&](auto tag) -> EvalReport {
    if constexpr (numeric::is_interval(decltype(tag)::family))
      throw InputError("--type", "\"" + t.id + "\"", "a point type for eval (intervals are evaluated by `audit`)");
    else
      return evaluate_in(tag, p, opt);
  });
}

}  // namespace annealcheck::engine
