// Running a campaign's chunks (campaign/plan.hpp): each chunk is one
// worker process `annealcheck check ID --type T --seed S --cases n --format json`
// (campaign/worker_pool.hpp), its run read back through RunResult's JSON round trip.
// Locally the pool runs `jobs` at a time; under mpirun campaign/mpi_runner.hpp hands
// the same chunks to ranks.
#pragma once

#include "campaign/worker_pool.hpp"
#include "campaign/plan.hpp"
#include "properties/registry.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::cli {

// A chunk that ended: its run, or why there is none (the worker's own words).
struct ChunkOutcome {
  properties::campaign::ChunkRef ref;
  std::optional<properties::RunResult> run;
  std::string error;
};
using ChunkDone = std::function<void(const ChunkOutcome&)>;

// The worker's command line for a chunk. Reports go to `scratch_reports` (thrown
// away): the process that merges writes the campaign's reports.
std::vector<std::string> chunk_args(const properties::campaign::Campaign& c, properties::campaign::ChunkRef ref,
                                    const std::string& scratch_reports);
ChunkOutcome interpret_chunk(properties::campaign::ChunkRef ref, const WorkerOutput& w);

// Runs `chunks` in worker processes, at most `jobs` at a time; done() as each ends.
void run_chunks_locally(const properties::campaign::Campaign& c, const std::vector<properties::campaign::ChunkRef>& chunks,
                        unsigned jobs, const ChunkDone& done);

}  // namespace annealcheck::cli
