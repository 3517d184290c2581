// The benchmark instance (the same as bench/make_instance.py writes): d coordinates,
// γ geometric over `decades` decades from γ_1 = 1, the top quarter as S with
// γ_iδ_i(0)² = 1/10, the rest S̄ with γ_jδ_j(0)² = 1, α = 1/2, ε = 10⁻³, so (C1)
// and (C2) hold and every check of Lemma 2 runs. Values are written as 17-digit
// decimals and read exactly, like an instance file.
#pragma once

#include "annealcheck/model/instance_spec.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace annealcheck::bench {

inline std::string decimal(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

inline model::InstanceSpec bench_instance(std::size_t d, double decades, long K) {
  model::InstanceSpec s;
  s.k = d / 4 + 1 < 2 ? 2 : d / 4 + 1;
  for (std::size_t i = 0; i < d; ++i) {
    const double g = std::pow(10.0, -decades * static_cast<double>(i) / static_cast<double>(d - 1));
    const double w = i + 1 < s.k ? 0.1 : 1.0;
    s.gamma.push_back(model::exact(decimal(g)));
    s.delta0.push_back(model::exact(decimal((i % 2 == 0 ? 1 : -1) * std::sqrt(w / g))));
    s.lambda.push_back(model::exact(std::to_string(1 + i % 7) + "/7"));
  }
  s.alpha = model::exact(std::string("1/2"));
  s.eps = model::exact(std::string("1e-3"));
  s.K = K;
  s.source = "benchmark instance";
  model::validate(s);
  return s;
}

}  // namespace annealcheck::bench
