#include "properties/support/lemma2_case.hpp"

#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/support/exact_gen.hpp"
#include "properties/support/spectrum_gen.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>

namespace annealcheck::properties {

using numeric::Rational;
using Big = numeric::mpfr256;  // construction arithmetic: 256-bit logs of exact values

namespace {

Big big(const Rational& q) { return numeric::number_traits<Big>::from_rational(q); }
Big ln(const Rational& q) { return log(big(q)); }
Rational sq(const Rational& q) { return q * q; }

std::vector<model::ExactValue> exact_all(const std::vector<Rational>& v) {
  std::vector<model::ExactValue> out;
  for (const auto& q : v) out.push_back(model::exact(q));
  return out;
}

// (C2) for ε in log form with a relative slack: ρ ln ε + ln ΣS ≤ ln α + (1+ρ) ln M − slack·B,
// B = 1 + |ρ ln ε| + |ln ΣS| + |ln α| + (1+ρ)|ln M| (the size of the terms a type rounds).
bool c2_with_slack(const Big& rho, const Big& ln_eps, const Big& ln_sum_s, const Big& ln_alpha, const Big& ln_m, double slack) {
  const Big one(1);
  const Big lhs = rho * ln_eps + ln_sum_s, rhs = ln_alpha + (one + rho) * ln_m;
  const Big b = one + abs(rho * ln_eps) + abs(ln_sum_s) + abs(ln_alpha) + (one + rho) * abs(ln_m);
  return lhs <= rhs - Big(slack) * b;
}

constexpr double kC2Slack = 1e-6;      // relative slack of (C2) in log form
constexpr double kEpsFloorLog10 = -260;  // ε ≥ 1e−260: every derived quantity stays normal in double

struct Construction {
  Rational eps;
  int scale_decades = 0;  // S-block of δ(0) scaled by 10^−r
};

// ε = m_ref·2^−m for the least m meeting `lower_n` (in units of ln) plus depth decades;
// m ≥ min_m.
Rational eps_below(const Rational& m_ref, const Big& n, int depth, int min_m) {
  const double nn = static_cast<double>(n) + depth * std::log(10.0);
  int m = static_cast<int>(std::ceil(nn / std::log(2.0)));
  if (m < min_m) m = min_m;
  return m_ref * gen::pow2(-m);
}

// (C1)+(C2) or (C2′) construction (see the header). `m_ref` is M or M′; `c1`
// adds (C1) with a factor 2 to spare. Returns nullopt when no r ≤ 150 fits.
std::optional<Construction> construct_c2(const std::vector<Rational>& w, std::size_t split, const Rational& m_ref,
                                         const Rational& alpha, const Rational& rho, bool c1, int depth) {
  Rational sum_s;
  for (std::size_t i = 0; i < split; ++i) sum_s = sum_s + w[i];
  const Big ln_m = ln(m_ref), ln_alpha = ln(alpha), brho = big(rho), ln2 = log(Big(2)), ln10 = log(Big(10));
  for (int r = 0; r <= 150; ++r) {
    const Rational s10 = gen::pow10(-2 * r);
    const Rational sum_r = sum_s * s10;
    Big n = c1 ? Big(ln2 + ln_m - ln(w[0] * s10)) : Big(0);  // (C1): ε ≤ w_1/2, i.e. ln(M/ε) ≥ ln(2M/w_1)
    if (c1 && n < ln2) n = ln2;
    if (sum_r.sign() > 0) {
      const Big ln_sum = ln(sum_r);
      const Big a = ln_sum - ln_alpha - ln_m;
      const Big b = Big(1) + abs(ln_sum) + abs(ln_alpha) + (Big(1) + Big(2) * brho) * abs(ln_m);
      const Big n2 = (a + Big(kC2Slack) * b) / (brho * (Big(1) - Big(kC2Slack)));
      if (n < n2) n = n2;
    }
    // ε = m_ref·2^−m must stay ≥ 1e−260: ln(m_ref/ε) ≤ ln m_ref + 260 ln 10.
    const double max_n = static_cast<double>(ln_m) - kEpsFloorLog10 * std::log(10.0);
    for (int dep = depth; dep >= 0; dep = dep > 0 ? 0 : -1) {  // try the asked depth, then depth 0
      if (static_cast<double>(n) + dep * std::log(10.0) > max_n) continue;
      Rational eps = eps_below(m_ref, n, dep, c1 ? 1 : 0);
      for (int extra = 0; extra < 64; ++extra, eps = eps / Rational(2)) {
        if (c1 && !(eps < w[0] * s10)) continue;
        if (sum_r.sign() > 0 && !c2_with_slack(brho, ln(eps), ln(sum_r), ln_alpha, ln_m, kC2Slack / 2)) continue;
        if (static_cast<double>(log10(big(eps))) < kEpsFloorLog10) break;
        return Construction{eps, r};
      }
    }
  }
  return std::nullopt;
}

rc::Gen<int> depth_gen() {
  return rc::gen::exec([] {
    const int b = *gen::small_int(0, 9);
    return b <= 4 ? 0 : b <= 7 ? *gen::small_int(1, 5) : *gen::small_int(6, 40);
  });
}

}  // namespace

std::vector<std::string> spectrum_tags(const std::vector<model::ExactValue>& gamma) {
  std::vector<std::string> tags;
  const std::size_t d = gamma.size();
  bool tie_below = false;
  double min_gap = 1;
  for (std::size_t i = 1; i < d; ++i) {
    const Rational& a = gamma[i - 1].value;
    const Rational& b = gamma[i].value;
    if (a == b) {
      if (!(a == gamma[0].value)) tie_below = true;
      continue;
    }
    if (b.sign() == 0) continue;
    const double gap = static_cast<double>(log10(big((a - b) / a)));  // tags only
    if (gap < min_gap) min_gap = gap;
  }
  if (d >= 2 && gamma[1].value == gamma[0].value) tags.push_back("top-tie");
  if (tie_below) tags.push_back("tie-below-top");
  if (min_gap < -20) tags.push_back("near-degenerate<1e-20");
  else if (min_gap < -10) tags.push_back("near-degenerate<1e-10");
  std::size_t last = d;
  while (last > 1 && gamma[last - 1].value.sign() == 0) --last;
  if (last < d) tags.push_back("zero-eigenvalue");
  if (last >= 1 && gamma[last - 1].value.sign() > 0 &&
      static_cast<double>(log10(big(gamma[0].value / gamma[last - 1].value))) >= 30)
    tags.push_back("span>=1e30");
  if (d >= 16) tags.push_back("d>=16");
  return tags;
}

namespace {

// Zeros of δ(0) only where the premises allow them (signs[i] = 0 makes δ_i(0) = 0);
// (C2′) needs some δ_j(0) ≠ 0 in S̄, a zero top coordinate is asked for by zero_top.
void allow_zeros(std::vector<int>& signs, Premises premises, std::size_t split, bool zero_top) {
  const bool c1p = premises == Premises::C1Prime;
  for (std::size_t i = 0; i < signs.size(); ++i) {
    const bool zero_ok = premises == Premises::C2Prime || (c1p ? i != 1 : (i != 0 && i < split));
    if (signs[i] == 0 && !zero_ok) signs[i] = 1;
  }
  if (zero_top) signs[0] = 0;
  if (premises == Premises::C2Prime) {
    bool any = false;
    for (std::size_t j = split; j < signs.size(); ++j) any = any || signs[j] != 0;
    if (!any) signs[split] = 1;
  }
}

// The case from its exact values (ρ given only when it is not the default, the largest valid).
Lemma2Case assemble(const std::vector<Rational>& gamma, const std::vector<Rational>& lambda, const std::vector<Rational>& delta,
                    int k, const std::optional<Rational>& rho, const Rational& alpha, const Rational& eps, long K, bool short_step,
                    std::size_t checkpoints) {
  Lemma2Case c;
  model::InstanceSpec& s = c.spec;
  s.gamma = exact_all(gamma);
  s.lambda = exact_all(lambda);
  s.delta0 = exact_all(delta);
  s.k = static_cast<std::size_t>(k);
  if (rho) s.rho = model::exact(*rho);
  s.alpha = model::exact(alpha);
  s.eps = model::exact(eps);
  s.K = K;
  if (short_step) s.eta = model::exact(Rational(9, 10) / gamma[0]);
  s.source = "generated";
  c.checkpoints = checkpoints;
  return c;
}

}  // namespace

rc::Gen<Lemma2Case> lemma2_case(const Lemma2GenOptions& o) {
  return rc::gen::exec([o] {
    const bool c1p = o.premises == Premises::C1Prime;
    const int min_d = c1p ? 3 : 2;
    const int d = *gen::sized_int(min_d, std::max<int>(min_d, static_cast<int>(o.max_dim)));
    const int k = *gen::small_int(c1p ? 3 : 2, d);
    int p = 1;
    if (c1p) p = *gen::small_int(2, k - 1);
    else if (k >= 3 && *gen::small_int(0, 3) == 3) p = *gen::small_int(2, k - 1);
    const std::vector<Rational> gamma = *gen::spectrum({static_cast<std::size_t>(d), static_cast<std::size_t>(p),
                                                        static_cast<std::size_t>(k), 60, 0});
    const auto lambda = *rc::gen::container<std::vector<gen::SimpleNumber>>(d, gen::simple_positive(8));
    auto signs = *rc::gen::container<std::vector<int>>(d, gen::sign(true));
    const auto mags = *rc::gen::container<std::vector<gen::SimpleNumber>>(d, gen::simple_positive(8));
    const Rational alpha = *gen::open_unit_interval();
    const int phi = *gen::small_int(0, 5);
    const long K = *gen::gd_steps(o.max_K);
    const int depth = *depth_gen();
    const int checkpoints = *gen::small_int(1, 24);
    const bool zero_top = c1p && *gen::small_int(0, 1) == 1;

    const std::size_t split = static_cast<std::size_t>(k - 1);
    allow_zeros(signs, o.premises, split, zero_top);
    std::vector<Rational> delta(d);
    for (int i = 0; i < d; ++i) delta[i] = Rational(signs[i]) * mags[i].value();

    static const Rational fractions[] = {Rational(1), Rational(1, 2), Rational(1, 4), Rational(3, 4), Rational(1, 10), Rational(99, 100)};
    const Rational max_rho = gamma[split - 1] / gamma[split] - Rational(1);
    const Rational rho = max_rho * fractions[phi];

    std::vector<Rational> w(d);
    for (int i = 0; i < d; ++i) w[i] = gamma[i] * sq(delta[i]);
    Rational eps;
    int scale = 0;
    switch (o.premises) {
      case Premises::C1C2:
      case Premises::C2Prime: {
        Rational m_ref;
        if (o.premises == Premises::C1C2) {
          Rational mn = w[split];
          for (int j = k - 1; j < d; ++j)
            if (w[j] < mn) mn = w[j];
          m_ref = mn * Rational(d - k + 1);
        } else {
          for (int j = k - 1; j < d; ++j) m_ref = m_ref + w[j];
        }
        const auto c = construct_c2(w, split, m_ref, alpha, rho, o.premises == Premises::C1C2, depth);
        if (!c) throw std::logic_error("lemma2_case: no epsilon construction fits (generator bug)");
        eps = c->eps;
        scale = c->scale_decades;
        break;
      }
      case Premises::C1Prime: {
        Rational top;
        for (int i = 0; i < p; ++i) top = top + w[i];
        if (top.sign() == 0) {  // keep (C1′) satisfiable: some top coordinate is non-zero
          delta[1] = mags[1].value();
          w[1] = gamma[1] * sq(delta[1]);
          top = w[1];
        }
        eps = top * gen::pow2(-1 - static_cast<int>(std::ceil(depth * std::log2(10.0))));
        break;
      }
      case Premises::C1Only:
        eps = w[0] * gen::pow2(-1 - static_cast<int>(std::ceil(depth * std::log2(10.0))));
        break;
    }
    for (std::size_t i = 0; i < split && scale > 0; ++i) delta[i] = delta[i] * gen::pow10(-scale);

    std::vector<Rational> lam;
    for (const auto& l : lambda) lam.push_back(l.value());
    return assemble(gamma, lam, delta, k, phi != 0 ? std::optional<Rational>(rho) : std::nullopt, alpha, eps, K,
                    o.short_step, static_cast<std::size_t>(checkpoints));
  });
}

nlohmann::json to_json(const Lemma2Case& c) {
  nlohmann::json j = model::instance_to_json(c.spec);
  j["checkpoints"] = c.checkpoints;
  return j;
}

Lemma2Case lemma2_case_from_json(const nlohmann::json& j) {
  Lemma2Case c;
  nlohmann::json inst = j;
  if (inst.is_object() && inst.contains("checkpoints")) {
    c.checkpoints = static_cast<std::size_t>(io::read_integer(inst, "checkpoints", 1, 100000));
    inst.erase("checkpoints");
  }
  c.spec = model::instance_from_json(inst, "case");  // numbers through io::exact_number, never through double
  return c;
}

std::string lemma2_case_format(const std::string& more) {
  return "Lemma 2 instance: {gamma, lambda, delta0, k, rho?, alpha, eps, K, eta?, checkpoints}" + more;
}

CaseFacts facts(const Lemma2Case& c) {
  const auto& s = c.spec;
  CaseFacts f;
  f.dim = s.dim();
  f.K = s.K;
  std::size_t p = 1;
  while (p < s.dim() && s.gamma[p].value == s.gamma[0].value) ++p;
  f.summary = fmt::format("d={} k={} |P|={} K={} alpha={:.3g} eps={:.3g}", s.dim(), s.k, p, s.K, s.alpha.value.approx(),
                          s.eps.value.approx());
  f.tags = spectrum_tags(s.gamma);
  if (s.K == 0) f.tags.push_back("K=0");
  if (s.K >= 1000) f.tags.push_back("K>=1000");
  bool zero = false;
  for (const auto& v : s.delta0) zero = zero || v.value.sign() == 0;
  if (zero) f.tags.push_back("zero-in-delta0");
  if (s.rho) f.tags.push_back("rho<max");
  if (const auto m = model::max_rho(s); m && static_cast<double>(log10(big(s.rho ? s.rho->value : *m))) < -10)
    f.tags.push_back("gap-at-split<1e-10");
  return f;
}

void showValue(const Lemma2Case& c, std::ostream& os) { os << to_json(c).dump(); }

bool c1_holds(const model::InstanceSpec& s) {
  return s.eps.value < s.gamma[0].value * sq(s.delta0[0].value);
}

namespace {
// (C2)/(C2′) at the given relative slack (c2_holds: 0; premises_hold: the generator's).
bool c2_at_slack(const model::InstanceSpec& s, bool strengthened, double slack) {
  const std::size_t split = s.k - 1, d = s.dim();
  Rational sum_s, m;
  for (std::size_t i = 0; i < split; ++i) sum_s = sum_s + s.gamma[i].value * sq(s.delta0[i].value);
  if (strengthened) {
    for (std::size_t j = split; j < d; ++j) m = m + s.gamma[j].value * sq(s.delta0[j].value);
  } else {
    m = s.gamma[split].value * sq(s.delta0[split].value);
    for (std::size_t j = split; j < d; ++j)
      if (s.gamma[j].value * sq(s.delta0[j].value) < m) m = s.gamma[j].value * sq(s.delta0[j].value);
    m = m * Rational(static_cast<long>(d - split));
  }
  if (sum_s.sign() == 0) return true;
  if (m.sign() == 0) return false;
  const auto max = model::max_rho(s);
  const Rational rho = s.rho ? s.rho->value : max ? *max : Rational(1);  // as model::materialize
  return c2_with_slack(big(rho), ln(s.eps.value), ln(sum_s), ln(s.alpha.value), ln(m), slack);
}
}  // namespace

bool c2_holds(const model::InstanceSpec& s, bool strengthened) { return c2_at_slack(s, strengthened, 0); }

bool premises_hold(const model::InstanceSpec& s, Premises premises) {
  try {
    model::validate(s);
  } catch (const std::exception&) {
    return false;
  }
  const double slack = kC2Slack / 2;  // what construct_c2 accepts
  switch (premises) {
    case Premises::C1C2: return c1_holds(s) && c2_at_slack(s, false, slack);
    case Premises::C1Only: return c1_holds(s);
    case Premises::C2Prime: {
      bool nonzero = false;  // (C2′) needs some δ_j(0) ≠ 0 in S̄
      for (std::size_t j = s.k - 1; j < s.dim(); ++j) nonzero = nonzero || s.delta0[j].value.sign() != 0;
      return nonzero && c2_at_slack(s, true, slack);
    }
    case Premises::C1Prime: {
      std::size_t p = 1;
      Rational top = s.gamma[0].value * sq(s.delta0[0].value);
      for (; p < s.dim() && s.gamma[p].value == s.gamma[0].value; ++p) top = top + s.gamma[p].value * sq(s.delta0[p].value);
      return p >= 2 && s.eps.value < top;
    }
  }
  return false;
}

}  // namespace annealcheck::properties
