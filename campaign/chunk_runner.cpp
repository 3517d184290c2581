#include "campaign/chunk_runner.hpp"
#include "properties/registry.hpp"

#include "annealcheck/io/atomic_file.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace annealcheck::cli {

using properties::campaign::Campaign;
using properties::campaign::ChunkRef;

std::vector<std::string> chunk_args(const Campaign& c, ChunkRef ref, const std::string& scratch_reports) {
  const auto& t = c.tasks.at(ref.task);
  std::vector<std::string> a{"check", t.property, "--type", t.type, "--format", "json", "--report-dir", scratch_reports,
                             "--seed", std::to_string(properties::campaign::chunk_seed(c.spec.seed, t.property, t.type, ref.index)),
                             "--cases", std::to_string(properties::campaign::chunk_cases(t, ref.index))};
  // A text claim (verify --claims) exists only in this process's catalog: the worker re-parses its text.
  if (const auto& info = properties::property_info(t.property); !info.claim.empty()) {
    a.erase(a.begin() + 1);
    a.insert(a.end(), {"--claim", info.claim, "--given", info.claim_given});
  }
  if (c.spec.certified) a.push_back("--certified");
  if (c.spec.fast) a.push_back("--fast");
  return a;
}

ChunkOutcome interpret_chunk(ChunkRef ref, const WorkerOutput& w) {
  ChunkOutcome o{ref, std::nullopt, ""};
  try {
    o.run = properties::run_from_json(nlohmann::json::parse(w.out));
  } catch (const std::exception&) {  // no JSON, or not a run: the worker's own words
    o.error = describe_exit(w.status) + ": " + w.err.substr(0, 300);
  }
  return o;
}

void run_chunks_locally(const Campaign& c, const std::vector<ChunkRef>& chunks, unsigned jobs, const ChunkDone& done) {
  const std::string scratch = io::make_work_dir("annealcheck-reports");
  std::vector<std::vector<std::string>> args;
  for (const ChunkRef& ref : chunks) args.push_back(chunk_args(c, ref, scratch));
  run_workers(args, jobs, [&](std::size_t i, const WorkerOutput& w) { done(interpret_chunk(chunks[i], w)); });
  std::error_code ec;
  std::filesystem::remove_all(scratch, ec);
}

}  // namespace annealcheck::cli
