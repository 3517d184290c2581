#include "properties/support/spectrum_gen.hpp"

#include "properties/support/exact_gen.hpp"

#include <cmath>

namespace annealcheck::properties::gen {

namespace {

enum Kind { Halve, Ratio, Tie, NearDegenerate, Decades };

struct Relation {
  int kind = Halve;
  int a = 1, b = 2;  // Ratio a/b
  int g = 1;         // NearDegenerate: 1 − 10^−g; also the fallback past the decade cap
};

rc::Gen<Relation> relation() {
  return rc::gen::exec([] {
    Relation r;
    const int pick = *small_int(0, 9);
    r.kind = pick == 0 ? Halve : pick <= 3 ? Ratio : pick <= 5 ? Tie : pick <= 7 ? NearDegenerate : Decades;
    if (r.kind == Ratio) {
      r.b = *small_int(2, 64);
      r.a = *small_int(1, r.b - 1);
    } else if (r.kind == NearDegenerate || r.kind == Decades) {
      r.g = *small_int(1, 30);
    }
    return r;
  });
}

}  // namespace

rc::Gen<std::vector<numeric::Rational>> spectrum(const SpectrumOptions& o) {
  return rc::gen::exec([o] {
    using numeric::Rational;
    const std::size_t d = o.dim;
    std::vector<Rational> g(d);
    g[0] = (*simple_positive(8)).value();
    if (d == 1) return g;
    const auto rel = *rc::gen::container<std::vector<Relation>>(d - 1, relation());
    double decades = 0;  // log10(γ_1/γ_i), for the cap only
    for (std::size_t i = 1; i < d; ++i) {
      const Relation& r = rel[i - 1];
      if (i < o.top_multiplicity) {
        g[i] = g[i - 1];
        continue;
      }
      const bool strict = i == o.top_multiplicity || (o.strict_split >= 2 && i == o.strict_split - 1);
      Rational f(1, 2);
      double drop = std::log10(2.0);
      switch (r.kind) {
        case Halve: break;
        case Ratio: f = Rational(r.a, static_cast<unsigned long>(r.b)), drop = std::log10(double(r.b) / r.a); break;
        case Tie:
          if (!strict) f = Rational(1), drop = 0;
          break;
        case NearDegenerate: f = Rational(1) - pow10(-r.g), drop = 0; break;
        case Decades: f = pow10(-r.g), drop = r.g; break;
      }
      if (decades + drop > o.max_decades) f = Rational(1) - pow10(-r.g), drop = 0;  // past the cap
      decades += drop;
      // A tie stays exact; any other factor is applied and the result rounded down
      // to 36 significant digits: exact, short, still strictly below γ_{i−1}, and
      // it moves a gap 1 − 10^−g (g ≤ 30) by less than 1e−35 relative.
      g[i] = f == Rational(1) ? g[i - 1] : round_down_digits(g[i - 1] * f, 36);
    }
    for (std::size_t i = 0; i < o.zero_tail && i < d; ++i) g[d - 1 - i] = Rational(0);
    return g;
  });
}

}  // namespace annealcheck::properties::gen
