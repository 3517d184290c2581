#include "properties/prop1/prop1_case.hpp"

#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "properties/support/exact_gen.hpp"

#include <fmt/format.h>

#include <ostream>

namespace annealcheck::properties {

using numeric::Rational;

rc::Gen<Prop1Case> prop1_case(long min_K, long max_K) {
  return rc::gen::exec([=] {
    Prop1Case c;
    c.alpha = *gen::open_unit_interval();
    c.eps = *gen::open_unit_interval();
    c.K = std::min(max_K, min_K + *gen::gd_steps(max_K - min_K));
    c.checkpoints = static_cast<std::size_t>(*gen::small_int(1, 16));
    return c;
  });
}

nlohmann::json to_json(const Prop1Case& c) {
  return {{"alpha", c.alpha.str()}, {"eps", c.eps.str()}, {"K", c.K}, {"checkpoints", c.checkpoints}};
}

Prop1Case prop1_case_from_json(const nlohmann::json& j) {
  Prop1Case c;
  c.alpha = io::read_rational(j, "alpha");
  c.eps = io::read_rational(j, "eps");
  c.K = io::read_integer(j, "K", 0, 1'000'000);
  c.checkpoints = j.contains("checkpoints") ? static_cast<std::size_t>(io::read_integer(j, "checkpoints", 1, 100000)) : 8;
  if (c.alpha.sign() <= 0 || !(c.alpha < Rational(1))) throw InputError("alpha", c.alpha.str(), "a value in the open interval (0, 1)");
  if (c.eps.sign() <= 0 || !(c.eps < Rational(1))) throw InputError("eps", c.eps.str(), "a value in the open interval (0, 1)");
  return c;
}

CaseFacts facts(const Prop1Case& c) {
  CaseFacts f;
  f.dim = 2;
  f.K = c.K;
  f.summary = fmt::format("K={} alpha={:.3g} eps={:.3g}", c.K, c.alpha.approx(), c.eps.approx());
  f.tags.push_back(c.K % 2 ? "K-odd" : "K-even");
  if (c.K == 0) f.tags.push_back("K=0");
  if (c.K >= 1000) f.tags.push_back("K>=1000");
  if (c.alpha < gen::pow10(-6)) f.tags.push_back("alpha<1e-6");
  if (c.eps < gen::pow10(-6)) f.tags.push_back("eps<1e-6");
  if (Rational(1) - gen::pow10(-6) < c.alpha) f.tags.push_back("alpha>1-1e-6");
  return f;
}

void showValue(const Prop1Case& c, std::ostream& os) { os << to_json(c).dump(); }

}  // namespace annealcheck::properties
