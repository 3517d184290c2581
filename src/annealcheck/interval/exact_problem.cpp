#include "annealcheck/interval/exact_problem.hpp"

#include <gmp.h>

namespace annealcheck::interval {

std::optional<Rational> exact_sqrt(const Rational& q) {
  if (q.sign() < 0) return std::nullopt;
  if (!mpz_perfect_square_p(mpq_numref(q.get())) || !mpz_perfect_square_p(mpq_denref(q.get()))) return std::nullopt;
  Rational r;
  mpz_sqrt(mpq_numref(r.get()), mpq_numref(q.get()));
  mpz_sqrt(mpq_denref(r.get()), mpq_denref(q.get()));
  mpq_canonicalize(r.get());
  return r;
}

Rational pow_exact(const Rational& q, unsigned long n) {
  Rational r;
  mpz_pow_ui(mpq_numref(r.get()), mpq_numref(q.get()), n);
  mpz_pow_ui(mpq_denref(r.get()), mpq_denref(q.get()), n);
  mpq_canonicalize(r.get());
  return r;
}

namespace {

Rational abs_q(const Rational& q) { return q.sign() < 0 ? Rational(0) - q : q; }

void derive(ExactProblem& e) {
  const std::size_t d = e.dim();
  e.split = e.k - 1;
  e.weight.clear();
  e.factor.clear();
  e.factor_sq.clear();
  e.in_P.assign(d, false);
  e.c = Rational(0);
  e.mu = Rational(0);
  e.train_loss0 = e.population_loss0 = e.loss_S0 = e.M_prime = e.top_mass0 = Rational(0);
  for (std::size_t i = 0; i < d; ++i) {
    e.weight.push_back(e.gamma[i] * e.delta0_sq[i]);
    const Rational f = Rational(1) - Rational(2) * e.eta * e.gamma[i];
    e.factor.push_back(f);
    e.factor_sq.push_back(f * f);
    if (abs_q(f) > Rational(1)) e.all_factors_contract = false;
    e.train_loss0 = e.train_loss0 + e.weight[i];
    e.population_loss0 = e.population_loss0 + e.lambda[i] * e.delta0_sq[i];
    (i < e.split ? e.loss_S0 : e.M_prime) = (i < e.split ? e.loss_S0 : e.M_prime) + e.weight[i];
    e.in_P[i] = e.gamma[i] == e.gamma[0];
    if (e.in_P[i]) {
      e.top_mass0 = e.top_mass0 + e.weight[i];
      if (e.gamma[0].sign() > 0 && e.lambda[i] / e.gamma[0] > e.mu) e.mu = e.lambda[i] / e.gamma[0];
    } else if (e.factor_sq[i] > e.c) {
      e.c = e.factor_sq[i];
    }
    if (e.gamma[i].sign() > 0) {
      const Rational r = e.lambda[i] / e.gamma[i];
      if (!e.e3_min || r < *e.e3_min) e.e3_min = r;
      if (i >= e.split && (!e.min_ratio_Sbar || r < *e.min_ratio_Sbar)) e.min_ratio_Sbar = r;
    }
  }
  bool zero_gamma = false;
  for (std::size_t i = 0; i < d; ++i) zero_gamma = zero_gamma || e.gamma[i].sign() == 0;
  e.e3_max.reset();
  if (!zero_gamma)
    for (std::size_t i = 0; i < d; ++i) {
      const Rational r = e.lambda[i] / e.gamma[i];
      if (!e.e3_max || r > *e.e3_max) e.e3_max = r;
    }
  Rational best = e.weight[e.split];
  e.j_star = e.split;
  for (std::size_t j = e.split + 1; j < d; ++j)
    if (e.weight[j] < best) best = e.weight[j], e.j_star = j;
  e.M = best * Rational(static_cast<long>(d - e.split));
}

}  // namespace

ExactProblem exact_problem(const engine::Problem& p) {
  ExactProblem e;
  if (const auto* s = std::get_if<model::InstanceSpec>(&p)) {
    for (const auto& v : s->gamma) e.gamma.push_back(v.value);
    for (const auto& v : s->lambda) e.lambda.push_back(v.value);
    for (const auto& v : s->delta0) {
      e.delta0.push_back(v.value);
      e.delta0_sq.push_back(v.value * v.value);
      e.delta0_sign.push_back(v.value.sign());
    }
    e.k = s->k;
    if (s->rho) e.rho = s->rho->value;
    else if (const auto m = model::max_rho(*s)) e.rho = *m;
    else e.rho = Rational(1);  // γ_k = 0: every gap is valid; materialize<T> uses 1 too
    e.alpha = s->alpha.value;
    e.eps = s->eps.value;
    e.K = s->K;
    e.eta_is_inverse_gamma1 = !s->eta || (e.gamma[0].sign() > 0 && s->eta->value == Rational(1) / e.gamma[0]);
    e.eta = s->eta ? s->eta->value : Rational(1) / e.gamma[0];
  } else {
    // Proposition 1, case (2,1) (SPEC §4): as engine::materialize_prop1.
    const auto& q = std::get<engine::Prop1Case21>(p);
    e.gamma = {Rational(2, 3), Rational(1, 3)};
    e.lambda = {Rational(1, 2), Rational(1, 2)};
    const Rational sq = Rational(10000) / q.alpha.value;  // (100·α^{−1/2})²
    const std::optional<Rational> root = exact_sqrt(sq);
    for (int i = 0; i < 2; ++i) {
      e.delta0_sq.push_back(sq);
      e.delta0_sign.push_back(-1);
      if (root) e.delta0.push_back(Rational(0) - *root);
      else e.delta0.push_back(std::nullopt);
    }
    e.k = 2;
    e.rho = Rational(1);
    e.alpha = q.alpha.value;
    e.eps = q.eps.value;
    e.eta = Rational(3, 2);
    e.eta_is_inverse_gamma1 = true;
    e.K = q.K;
  }
  derive(e);
  return e;
}

}  // namespace annealcheck::interval
