// The built-in case source of `audit --property` (see case_source.hpp).
#include "annealcheck/audit/case_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace annealcheck::audit {

namespace {

// SplitMix64: deterministic on every platform (std distributions are not).
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1p-53; }  // [0, 1)
  long range(long lo, long hi) { return lo + static_cast<long>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
};

// A decimal with 4 significant digits: mantissa/1000 · 10^e, exactly as text.
std::string decimal(Rng& r, int e_lo, int e_hi) {
  const long m = r.range(1000, 9999);
  const long e = r.range(e_lo, e_hi) - 3;
  return fmt::format("{}e{}", m, e);
}

double value(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

model::ExactValue ev(const std::string& s) { return model::exact(s); }

}  // namespace

std::vector<model::InstanceSpec> random_lemma2_instances(std::size_t n, std::uint64_t seed) {
  Rng r{seed * 0x2545F4914F6CDD1DULL + 1};
  std::vector<model::InstanceSpec> out;
  for (std::size_t attempts = 0; out.size() < n; ++attempts) {
    if (attempts > 1000 * (n + 1)) throw std::logic_error("random_lemma2_instances: too many rejected draws");
    const std::size_t d = static_cast<std::size_t>(r.range(2, 5));
    std::vector<std::string> g;
    for (std::size_t i = 0; i < d; ++i) g.push_back(decimal(r, -6, 6));
    std::sort(g.begin(), g.end(), [](const std::string& a, const std::string& b) { return value(a) > value(b); });
    // Sometimes a tie or a near-degenerate pair in the top eigenspace (SPEC §6).
    const long twist = r.range(0, 5);
    if (twist == 0) g[1] = g[0];
    if (twist == 1) g[1] = fmt::format("{}*(1-1e-{})", g[0], r.range(8, 24));
    std::size_t k = static_cast<std::size_t>(r.range(2, static_cast<long>(d)));
    model::InstanceSpec s;
    s.source = fmt::format("builtin.lemma2-random seed {} case {}", seed, out.size());
    for (std::size_t i = 0; i < d; ++i) {
      if (g[i].find('*') != std::string::npos) {  // γ_1·(1 − 10^−p) as an exact rational
        const std::string base = g[i].substr(0, g[i].find('*'));
        const long p = std::stol(g[i].substr(g[i].find("1e-") + 3));
        const numeric::Rational q = model::exact(base).value * (numeric::Rational(1) - model::exact(fmt::format("1e-{}", p)).value);
        s.gamma.push_back(model::exact(q));
      } else {
        s.gamma.push_back(ev(g[i]));
      }
      s.lambda.push_back(ev(decimal(r, -3, 3)));
      const std::string x = decimal(r, -3, 3);
      const long sign = r.range(0, 4);
      s.delta0.push_back(ev(sign == 0 ? "0" : sign == 1 ? "-" + x : x));
    }
    // k must sit at a strict gap γ_{k-1} > γ_k.
    while (k <= d && !(s.gamma[k - 2].value > s.gamma[k - 1].value)) ++k;
    if (k > d) continue;
    s.k = k;
    s.alpha = ev(fmt::format("{}e-{}", r.range(1, 9), r.range(1, 6)));
    s.K = r.range(0, 40);
    // ε below both premises' limits, computed in double (the audit decides them exactly).
    const double g1d1 = s.gamma[0].value.approx() * std::pow(s.delta0[0].value.approx(), 2);
    double sum_s = 0, m = 1e300;
    for (std::size_t i = 0; i < d; ++i) {
      const double w = s.gamma[i].value.approx() * std::pow(s.delta0[i].value.approx(), 2);
      if (i < k - 1) sum_s += w;
      else m = std::min(m, w);
    }
    m *= static_cast<double>(d - k + 1);
    const double rho = s.gamma[k - 2].value.approx() / s.gamma[k - 1].value.approx() - 1;
    if (!(g1d1 > 0) || !(m > 0) || !(rho > 0)) continue;
    double lim = g1d1;
    if (sum_s > 0) lim = std::min(lim, std::exp((std::log(s.alpha.value.approx()) + (1 + rho) * std::log(m) - std::log(sum_s)) / rho));
    const double eps = lim * std::pow(10.0, -static_cast<double>(r.range(1, 12)));
    if (!(eps > 1e-300) || !std::isfinite(eps)) continue;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3e", eps);
    s.eps = ev(buf);
    try {
      model::validate(s);
    } catch (...) {
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace annealcheck::audit
