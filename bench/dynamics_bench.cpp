// Throughput of the two inner loops, per number type:
//  - GD steps (E5) per second per coordinate (items = steps × d), allocation-free kernel;
//  - stopping-time solves (E4, Newton in log space) per second.
#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

#include <benchmark/benchmark.h>

#include <vector>

namespace {

using namespace annealcheck;

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
  state.SetLabel("items = coordinate-steps");
}

template <class T>
void BM_StoppingTime(benchmark::State& state) {
  const auto d = static_cast<std::size_t>(state.range(0));
  std::vector<T> gamma, delta;
  make_instance(d, gamma, delta);
  const T eps = numeric::parse_number<T>("1e-200");
  for (auto _ : state) benchmark::DoNotOptimize(dynamics::stopping_time(gamma, delta, eps).time);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetLabel("items = solves");
}

// A whole annealed run, GD(K, 1/γ_1, ε) then GF with 16 checkpoints (issue: d = 1000,
// K = 1000 at mpfr256 well under a second).
template <class T>
void BM_AnnealedRun(benchmark::State& state) {
  const auto d = static_cast<std::size_t>(state.range(0));
  const long K = state.range(1);
  std::vector<T> gamma, delta;
  make_instance(d, gamma, delta);
  const T eta = numeric::from_int<T>(1) / gamma[0], eps = numeric::parse_number<T>("1e-3");
  for (auto _ : state) {
    auto r = dynamics::run_annealed(gamma, delta, eta, K, eps, 16, dynamics::NullObserver{});
    benchmark::DoNotOptimize(r.flow.time);
  }
  state.SetLabel("d=" + std::to_string(d) + " K=" + std::to_string(K));
}

BENCHMARK_TEMPLATE(BM_AnnealedRun, double)->Args({1000, 1000})->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_AnnealedRun, numeric::mpfr256)->Args({1000, 1000})->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_GdStep, double)->Arg(16)->Arg(1000);
BENCHMARK_TEMPLATE(BM_GdStep, numeric::mpfr256)->Arg(16)->Arg(1000);
BENCHMARK_TEMPLATE(BM_GdStep, numeric::mpfr1024)->Arg(16)->Arg(1000);
BENCHMARK_TEMPLATE(BM_StoppingTime, double)->Arg(2)->Arg(64);
BENCHMARK_TEMPLATE(BM_StoppingTime, numeric::mpfr256)->Arg(2)->Arg(64);
BENCHMARK_TEMPLATE(BM_StoppingTime, numeric::mpfr1024)->Arg(2)->Arg(64);

}  // namespace

BENCHMARK_MAIN();
