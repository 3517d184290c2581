// model.ellipsoid-bounds — (E3) on random points of the ellipsoid L̂ = ε:
//   ε·min_i λ_i/γ_i ≤ L_D(δ) ≤ ε·max_i λ_i/γ_i   (over γ_i > 0; no upper end when some γ_i = 0)
// and both ends attained (at the basis vectors of the arg min / arg max).
// The extremes come from the core (model/losses.hpp, ellipsoid_extremes): the code under test.
//
// A point: a random direction v (mixed signs and zeros, exact), scaled onto the
// ellipsoid, δ = v·sqrt(ε/L̂(v)) — in a floating type; in mpq, where sqrt does not
// exist, the scale-free form min·L̂(v) ≤ L_D(v) ≤ max·L̂(v) is decided exactly.
// Error bound (floating, lemma2/error_bounds.hpp): v, ε rounded (u each), L̂(v) and
// L_D (d + 2 each), the quotient, sqrt and scaling (3), squares (2): 2d + 16
// roundings relative on L_D; the extremes 4. An attained end is an identity:
// WithinRounding at best in a rounding type, decided exactly in mpq.
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/numeric/rational_matrix.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/support/exact_gen.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/ladder.hpp"
#include "properties/support/property_def.hpp"
#include "properties/support/spectrum_gen.hpp"
#include "properties/support/verdict.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"

#include "annealcheck/model/losses.hpp"

#include <fmt/format.h>

namespace annealcheck::properties {
namespace {

using numeric::Rational;

struct EllipsoidCase {
  std::vector<Rational> gamma, lambda;
  Rational eps;
  std::vector<std::vector<Rational>> points;
};

void showValue(const EllipsoidCase& c, std::ostream& os);

nlohmann::json to_json(const EllipsoidCase& c) {
  nlohmann::json pts = nlohmann::json::array();
  for (const auto& p : c.points) pts.push_back(io::rational_texts(p));
  return {{"gamma", io::rational_texts(c.gamma)}, {"lambda", io::rational_texts(c.lambda)}, {"eps", c.eps.str()}, {"points", pts}};
}

void showValue(const EllipsoidCase& c, std::ostream& os) { os << to_json(c).dump(); }

EllipsoidCase from_json(const nlohmann::json& j) {
  EllipsoidCase c;
  c.gamma = io::read_rationals(j, "gamma");
  c.lambda = io::read_rationals(j, "lambda");
  c.eps = io::read_rational(j, "eps");
  const std::size_t d = c.gamma.size();
  if (d == 0) throw InputError("gamma", "an empty array", "at least one eigenvalue");
  if (c.lambda.size() != d) throw InputError("lambda", std::to_string(c.lambda.size()) + " values", std::to_string(d) + " values");
  for (std::size_t i = 0; i < d; ++i) {
    if (c.gamma[i].sign() < 0) throw InputError("gamma[" + std::to_string(i) + "]", c.gamma[i].str(), "a value >= 0");
    if (c.lambda[i].sign() <= 0) throw InputError("lambda[" + std::to_string(i) + "]", c.lambda[i].str(), "a value > 0");
  }
  if (c.eps.sign() <= 0) throw InputError("eps", c.eps.str(), "eps > 0");
  if (!j.contains("points") || !j.at("points").is_array()) throw InputError("points", "nothing or not an array", "an array of points");
  for (std::size_t p = 0; p < j.at("points").size(); ++p) {
    nlohmann::json one{{"p", j.at("points")[p]}};
    auto v = io::read_rationals(one, "p");
    if (v.size() != d) throw InputError("points[" + std::to_string(p) + "]", std::to_string(v.size()) + " values", std::to_string(d) + " values");
    c.points.push_back(std::move(v));
  }
  return c;
}

CaseFacts facts_of(const EllipsoidCase& c) {
  CaseFacts f;
  f.dim = c.gamma.size();
  f.summary = fmt::format("d={} points={} eps={:.3g}", c.gamma.size(), c.points.size(), c.eps.approx());
  std::vector<model::ExactValue> g;
  for (const auto& q : c.gamma) g.push_back(model::exact(q));
  f.tags = spectrum_tags(g);
  return f;
}

rc::Gen<EllipsoidCase> generator(const GenOptions& o) {
  return rc::gen::exec([o] {
    const int d = *gen::sized_int(1, static_cast<int>(o.max_dim));
    const int p = *gen::small_int(0, 3) == 3 ? *gen::small_int(1, d) : 1;
    const int zpick = *gen::small_int(0, 9);
    const int zeros = (zpick >= 8 && d >= 2) ? *gen::small_int(1, d - 1) : 0;
    EllipsoidCase c;
    c.gamma = *gen::spectrum({static_cast<std::size_t>(d), static_cast<std::size_t>(p), 0, 60, static_cast<std::size_t>(zeros)});
    for (const auto& s : *rc::gen::container<std::vector<gen::SimpleNumber>>(d, gen::simple_positive(8))) c.lambda.push_back(s.value());
    c.eps = (*gen::simple_positive(8)).value();
    const int n = *gen::small_int(1, 8);
    for (int k = 0; k < n; ++k) {
      const auto signs = *rc::gen::container<std::vector<int>>(d, gen::sign(true));
      const auto mags = *rc::gen::container<std::vector<gen::SimpleNumber>>(d, gen::simple_positive(6));
      std::vector<Rational> v(d);
      for (int i = 0; i < d; ++i) v[i] = Rational(signs[i]) * mags[i].value();
      c.points.push_back(std::move(v));
    }
    return c;
  });
}

template <numeric::OrderedNumber T>
detail::CaseCheck check(const EllipsoidCase& c) {
  using Tr = numeric::number_traits<T>;
  const std::vector<T> gamma = numeric::round_each<T>(c.gamma), lambda = numeric::round_each<T>(c.lambda);
  const T eps = Tr::from_rational(c.eps), zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1);
  const std::size_t d = gamma.size();
  const long units = 2 * static_cast<long>(d) + 16;  // L_D on the scaled point (header); the extremes: 4
  VerdictKeeper<T> keep;
  // The extremes at level ε (floating) or the ratios themselves (mpq: level 1, scale-free form).
  const model::EllipsoidExtremes<T> x = model::ellipsoid_extremes(gamma, lambda, Tr::is_exact ? one : eps);
  bool any_positive = false;
  for (const T& g : gamma) any_positive = any_positive || zero < g;
  if (!any_positive) return {keep.verdict("E3", "every gamma_i = 0: no ellipsoid"), std::nullopt};

  const auto point_check = [&](const std::vector<T>& v, const std::string& where, bool attained_min, bool attained_max) {
    const T lhat = model::train_loss(gamma, v);
    if (!(zero < lhat)) return;  // v lives on γ_i = 0 only: on no level set
    T ld, lo, hi;  // L_D on the level set, and its E3 bounds there
    if constexpr (Tr::is_exact) {
      ld = model::population_loss(lambda, v);
      lo = x.min * lhat;
      hi = x.max * lhat;
    } else {
      using std::sqrt;
      const T s = sqrt(T(eps / lhat));
      std::vector<T> delta(v);
      for (T& e : delta) e *= s;
      ld = model::population_loss(lambda, delta);
      lo = x.min;
      hi = x.max;
    }
    using lemma2::bounds::with_roundings;
    const Side<T> LD = with_roundings(ld, units), LO = with_roundings(lo, 4), HI = with_roundings(hi, 4);
    if (attained_min)
      keep.offer(lemma2::measure_identity<T>("E3.min attained", "L_D(e_argmin scaled onto the ellipsoid) == eps min_i lambda_i/gamma_i", LD,
                                         LO, where));
    else if (attained_max)
      keep.offer(lemma2::measure_identity<T>("E3.max attained", "L_D(e_argmax scaled onto the ellipsoid) == eps max_i lambda_i/gamma_i", LD,
                                         HI, where));
    else {
      keep.offer(lemma2::decide<T>("E3.min", "eps min_i lambda_i/gamma_i <= L_D(delta) on Lhat(delta) = eps", Relation::LessEqual, LO, LD,
                                   where));
      if (!x.has_zero_gamma)
        keep.offer(lemma2::decide<T>("E3.max", "L_D(delta) <= eps max_i lambda_i/gamma_i on Lhat(delta) = eps", Relation::LessEqual, LD,
                                     HI, where));
    }
  };
  for (std::size_t p = 0; p < c.points.size(); ++p) point_check(numeric::round_each<T>(c.points[p]), "point " + std::to_string(p + 1), false, false);
  std::vector<T> e(d, zero);
  e[x.argmin] = one;
  point_check(e, "basis vector e_" + std::to_string(x.argmin + 1), true, false);
  if (!x.has_zero_gamma) {
    e[x.argmin] = zero;
    e[x.argmax] = one;
    point_check(e, "basis vector e_" + std::to_string(x.argmax + 1), false, true);
  }
  return {keep.verdict("E3", "no point with Lhat > 0"), std::nullopt};
}

detail::PropertyDef<EllipsoidCase> def() {
  detail::PropertyDef<EllipsoidCase> d;
  d.info.id = "model.ellipsoid-bounds";
  d.info.statement = "(E3) eps min_i lambda_i/gamma_i <= L_D(delta) <= eps max_i lambda_i/gamma_i on random points of Lhat(delta) = eps, both ends attained";
  d.info.kind = PropertyKind::Holds;
  d.info.min_dim = 1;
  d.info.max_dim = 64;
  d.info.case_format = "{gamma (>= 0, zeros allowed), lambda, eps, points: [[v_1..v_d], ...]} (each point is scaled onto Lhat = eps)";
  d.generator = generator;
  d.to_json = [](const EllipsoidCase& c) { return to_json(c); };
  d.from_json = from_json;
  d.facts = facts_of;
  detail::add_ladder<detail::kExactRungs>(d, {.double_cases = 1000, .mpfr256_cases = 300, .mpq_cases = 300},
                                          []<class T>(const EllipsoidCase& c) { return check<T>(c); });
  return d;
}

}  // namespace

namespace detail {
void add_ellipsoid(Catalog& c) { c.push_back(make_entry(def())); }
}  // namespace detail

}  // namespace annealcheck::properties
