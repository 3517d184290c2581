// The GD step (E5) with its train loss (E1), per coordinate-step (items = steps × d),
// side by side with the floor: the same four operations written as a raw loop —
// raw MPFR calls on mpfr_t arrays (mul, sqr… as the kernel does: δ·f, δ·δ, ·γ, +)
// and a plain double loop. scripts/bench prints the ratios kernel / raw.
#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

#include <benchmark/benchmark.h>
#include <mpfr.h>

#include <vector>

namespace {

using namespace annealcheck;

// γ_i = (d − i)/d, δ_i(0) ∈ {−5/3, …, 5/3}, η = 1/γ_1: the factors are in (−1, 1].
template <class T>
void make_instance(std::size_t d, std::vector<T>& gamma, std::vector<T>& delta) {
  gamma.clear();
  delta.clear();
  for (std::size_t i = 0; i < d; ++i) {
    gamma.push_back(numeric::from_int<T>(static_cast<long>(d - i)) / numeric::from_int<T>(static_cast<long>(d)));
    delta.push_back(numeric::from_int<T>(static_cast<long>(i % 11) - 5) / numeric::from_int<T>(3));
  }
}

template <class T>
void BM_GdStep(benchmark::State& state) {
  const auto d = static_cast<std::size_t>(state.range(0));
  std::vector<T> gamma, delta;
  make_instance(d, gamma, delta);
  dynamics::DescentKernel<T> kernel(gamma, T(numeric::from_int<T>(1) / gamma[0]));
  for (auto _ : state) {
    kernel.step(delta);
    benchmark::DoNotOptimize(kernel.loss());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(d));
}

// The floor at B bits: δ_i ← δ_i·f_i; s ← δ_i·δ_i; s ← s·γ_i; L ← L + s, on mpfr_t.
template <int Bits>
void BM_RawMpfrStep(benchmark::State& state) {
  const auto d = static_cast<std::size_t>(state.range(0));
  std::vector<mpfr_t> gamma(d), delta(d), factor(d);
  mpfr_t loss, s;
  mpfr_inits2(Bits, loss, s, static_cast<mpfr_ptr>(nullptr));
  for (std::size_t i = 0; i < d; ++i) {
    mpfr_inits2(Bits, gamma[i], delta[i], factor[i], static_cast<mpfr_ptr>(nullptr));
    mpfr_set_ui(gamma[i], d - i, MPFR_RNDN);
    mpfr_div_ui(gamma[i], gamma[i], d, MPFR_RNDN);
    mpfr_set_si(delta[i], static_cast<long>(i % 11) - 5, MPFR_RNDN);
    mpfr_div_ui(delta[i], delta[i], 3, MPFR_RNDN);
    mpfr_mul_ui(factor[i], gamma[i], 2, MPFR_RNDN);  // 1 − 2γ_i/γ_1 with γ_1 = 1
    mpfr_ui_sub(factor[i], 1, factor[i], MPFR_RNDN);
  }
  for (auto _ : state) {
    mpfr_set_zero(loss, 1);
    for (std::size_t i = 0; i < d; ++i) {
      mpfr_mul(delta[i], delta[i], factor[i], MPFR_RNDN);
      mpfr_mul(s, delta[i], delta[i], MPFR_RNDN);
      mpfr_mul(s, s, gamma[i], MPFR_RNDN);
      mpfr_add(loss, loss, s, MPFR_RNDN);
    }
    benchmark::DoNotOptimize(loss);
  }
  for (std::size_t i = 0; i < d; ++i) mpfr_clears(gamma[i], delta[i], factor[i], static_cast<mpfr_ptr>(nullptr));
  mpfr_clears(loss, s, static_cast<mpfr_ptr>(nullptr));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(d));
}

void BM_RawDoubleStep(benchmark::State& state) {
  const auto d = static_cast<std::size_t>(state.range(0));
  std::vector<double> gamma, delta, factor;
  make_instance(d, gamma, delta);
  for (double g : gamma) factor.push_back(1 - 2 * g / gamma[0]);
  for (auto _ : state) {
    double loss = 0;
    for (std::size_t i = 0; i < d; ++i) {
      delta[i] *= factor[i];
      loss += gamma[i] * (delta[i] * delta[i]);
    }
    benchmark::DoNotOptimize(loss);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(d));
}

BENCHMARK_TEMPLATE(BM_GdStep, double)->Arg(1000);
BENCHMARK(BM_RawDoubleStep)->Arg(1000);
BENCHMARK_TEMPLATE(BM_GdStep, numeric::mpfr256)->Arg(1000);
BENCHMARK_TEMPLATE(BM_RawMpfrStep, 256)->Arg(1000);
BENCHMARK_TEMPLATE(BM_GdStep, numeric::mpfr1024)->Arg(1000);
BENCHMARK_TEMPLATE(BM_RawMpfrStep, 1024)->Arg(1000);

}  // namespace
