// One `eval` request end to end in C++ (certified/eval_run.hpp: the point evaluation,
// the filter, the exact-input decision of what it leaves open, the JSON record), on an
// instance file — the work `annealcheck.evaluate` does from Python, for
// bench/python_overhead.py's ratio (issue 25: at most 1.2x).
//
//   annealcheck_eval_request_bench INSTANCE.json TYPE CHECKPOINTS [benchmark flags]
#include "annealcheck/certified/eval_run.hpp"
#include "annealcheck/model/instance_spec.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s INSTANCE.json TYPE CHECKPOINTS [--benchmark_...]\n", argv[0]);
    return 2;
  }
  using namespace annealcheck;
  const model::InstanceSpec spec = model::read_instance_file(argv[1]);
  const std::string type = argv[2];
  const std::size_t checkpoints = std::strtoul(argv[3], nullptr, 10);
  benchmark::RegisterBenchmark("BM_EvalRequest", [&](benchmark::State& state) {
    for (auto _ : state) {
      const certified::EvalRun run = certified::run_eval({spec, type, checkpoints, 20, false, false, {}});
      benchmark::DoNotOptimize(certified::eval_json(run).size());
    }
  })->Unit(benchmark::kMicrosecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
