// `annealcheck verify`: the main job. Runs the whole catalog — true properties
// and falsification targets — at their types as a campaign in chunks
// (campaign/plan.hpp): each chunk a worker process `annealcheck check
// ... --format json` with its own seed and case count (campaign/chunk_runner.hpp),
// locally (--jobs) or over MPI ranks when launched by mpirun (campaign/mpi_runner.hpp).
// The chunks merge deterministically (campaign/merge.hpp), so the
// table does not depend on --jobs, ranks, shards or scheduling; rows are in
// catalog order (cli/campaign_table.hpp).
//
//   --out DIR       record every finished chunk in DIR (campaign/store.hpp)
//   --resume DIR    run only the chunks DIR lacks (options default to DIR's campaign)
//   --shard I/N     run only the I-th of N slices into --out DIR; `annealcheck merge` combines
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/input_error.hpp"
#include "cli/campaign_table.hpp"
#include "campaign/chunk_runner.hpp"
#include "cli/claim_option.hpp"
#include "cli/commands.hpp"
#include "reports/html_report.hpp"
#include "campaign/mpi_runner.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "campaign/store.hpp"
#include "properties/registry.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

namespace annealcheck::cli {
namespace {

namespace campaign = properties::campaign;

struct Options {
  std::optional<int> cases, chunk_size;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> types, properties;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string report_dir = "reports", format = "table";
  std::optional<std::string> junit, html, out, resume, shard, claims;
  bool certified = false, fast = false;
};

// The campaign the options describe; with --resume, the stored one with the given options over it.
// Its text claims (--claims FILE, or those DIR recorded) are registered as properties first.
campaign::CampaignSpec campaign_spec(const Options& o) {
  campaign::CampaignSpec s;
  std::optional<std::vector<campaign::ClaimText>> recorded;
  if (o.resume) {
    s = campaign::spec_from_identity(campaign::read_identity(*o.resume, "--resume"));
    recorded = s.claims;
  } else {
    s.seed = properties::default_seed();
  }
  s.claims = register_campaign_claims(o.claims, recorded, o.resume ? *o.resume + "/campaign.json" : "");
  if (o.seed) s.seed = *o.seed;
  if (o.cases) s.cases = o.cases;
  if (o.chunk_size) s.chunk_size = o.chunk_size;
  if (!o.types.empty()) s.types = o.types;
  if (!o.properties.empty()) s.properties = o.properties;
  if (o.certified) s.certified = true;
  if (o.fast) s.fast = true;
  if (s.certified && s.fast) throw InputError("--fast", "together with --certified", "one of --fast (point verdicts) and --certified");
  for (const auto& t : s.types) engine::parse_type_id(t, "--types");  // InputError on an unknown id
  return s;
}

// Runs the chunks, recording each in the store (if any) as it ends.
struct Execution {
  campaign::ChunkResults results;
  std::map<std::pair<std::size_t, int>, std::string> errors;
};

void execute(const campaign::Campaign& c, const std::vector<campaign::ChunkRef>& todo, const Options& o,
             const std::optional<campaign::CampaignStore>& store, MpiSession* mpi, Execution& x) {
  Progress progress(std::cerr, todo.size(), isatty(STDERR_FILENO) != 0);  // a bar on a terminal, silent otherwise
  const ChunkDone on_done = [&](const ChunkOutcome& out) {
    const std::pair key{out.ref.task, out.ref.index};
    if (out.run) {
      if (store) store->record(out.ref, *out.run);
      x.results[key] = *out.run;
    } else {
      x.errors[key] = out.error;
    }
    progress.advance(campaign::chunk_name(c, out.ref) + (out.run ? "" : ": lost"));
  };
  if (mpi) mpi->dispatch(c, todo, on_done);
  else run_chunks_locally(c, todo, o.jobs, on_done);
  progress.finish();
}

int run_verify(const Options& o, MpiSession* mpi) {
  const auto t0 = std::chrono::steady_clock::now();
  const campaign::Campaign c = campaign::plan_campaign(campaign_spec(o));
  std::optional<campaign::Shard> shard;
  if (o.shard) shard = campaign::parse_shard(*o.shard);
  const std::optional<std::string> dir = o.resume ? o.resume : o.out;
  if (shard && !dir) throw InputError("--shard", quote(*o.shard) + " without --out", "--out DIR (where the shard's partial result goes)");
  if (!shard) io::prepare_output_dir(o.report_dir, "--report-dir");  // before any work: a file, read-only or full: exit 2
  if (o.html) {
    if (shard) throw InputError("--html", quote(*o.html) + " with --shard", "--html on the run that merges (annealcheck merge ... --html DIR)");
    check_html_target(*o.html);
  }
  std::optional<campaign::CampaignStore> store;
  if (dir) store.emplace(*dir, c, o.resume ? "--resume" : "--out");

  Execution x;
  if (store) x.results = store->load();
  std::vector<campaign::ChunkRef> todo;
  for (const auto& ref : shard ? campaign::shard_chunks(c, *shard) : c.chunks)
    if (!x.results.count({ref.task, ref.index})) todo.push_back(ref);
  execute(c, todo, o, store, mpi, x);

  if (shard) {
    std::cout << fmt::format("shard {}/{}: {} chunk(s) run, {} already recorded, {} lost; {} of the campaign's {} chunks are in {}\n"
                             "combine the shards with: annealcheck merge {} ...\n",
                             shard->index, shard->count, todo.size() - x.errors.size(), campaign::shard_chunks(c, *shard).size() - todo.size(),
                             x.errors.size(), x.results.size(), c.chunks.size(), *dir, *dir);
    for (const auto& [key, why] : x.errors) std::cout << "  lost " << campaign::chunk_name(c, {key.first, key.second}) << ": " << why << "\n";
    return x.errors.empty() ? 0 : 1;
  }
  campaign::CampaignResult result = campaign::merge_campaign(c, x.results);
  result.errors = x.errors;
  Presentation p{o.report_dir, o.format, o.junit, "annealcheck verify",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), o.html};
  return present_campaign(c, result, p);
}

}  // namespace

Command add_verify_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("verify", "Run the whole catalog (true properties and known-false claims) and print one table; the main job");
  cmd->add_option("--cases", o->cases, "Cases per property and type (default: each property's own)")->check(in_range(1, 1'000'000'000));
  cmd->add_option("--chunk-size", o->chunk_size, "Cases per chunk (default: about a second of work on one core per property and type, from the committed cost model)")
      ->check(in_range(1, 10'000'000));
  cmd->add_option("--seed", o->seed, "Campaign seed (default 2005073600); chunk i of property P at type T runs with a seed hashed from (seed, P, T, i)");
  cmd->add_option("--types", o->types, "Only these types (comma-separated), among each property's own")->delimiter(',');
  cmd->add_option("--properties", o->properties, "Only these property ids (comma-separated; `annealcheck list`)")->delimiter(',');
  cmd->add_option("--jobs", o->jobs, "Worker processes (default: all cores; ignored under mpirun); results do not depend on it")
      ->check(in_range(1u, 256u))
      ->capture_default_str();
  cmd->add_option("--report-dir", o->report_dir, "Where refutation reports go")->capture_default_str();
  cmd->add_option("--format", o->format, "table or json")->check(one_of({"table", "json"}))->capture_default_str();
  cmd->add_option("--junit", o->junit, "Also write JUnit XML to this file (one testcase per property x type; written atomically)");
  cmd->add_option("--html", o->html, "Also write a static HTML report into this directory (index.html and SVG figures; written atomically)");
  cmd->add_option("--claims", o->claims,
                  "Also run the text claims of this file (one per line: CLAIM [| C1,C2]; # comments), whatever --properties; "
                  "recorded with --out, so --resume and merge need not be given it again");
  auto* out = cmd->add_option("--out", o->out, "Record every finished chunk in this campaign directory (created; resumable)");
  cmd->add_option("--resume", o->resume, "Run only the chunks this campaign directory lacks (options default to its campaign)")->excludes(out);
  cmd->add_option("--shard", o->shard, "Run only slice I of N (1-based, e.g. 2/3) into --out DIR (or --resume DIR); combine with `annealcheck merge`");
  cmd->add_flag("--certified", o->certified,
                "Also decide every case with MPFI from the exact case: true properties must be proved, refutations certified "
                "(default cases of a true property: at most " + std::to_string(properties::certified_default_cases()) + ")");
  cmd->add_flag("--fast", o->fast,
                "Point verdicts only: no case is decided on the exact input (default: cases the point value and its error bound "
                "leave open are decided on the exact case, identities are measured)");
  return {cmd, [o] {
            std::optional<MpiSession> mpi;
            if (launched_by_mpirun()) {
              mpi.emplace();
              if (!mpi->root()) {
                mpi->serve();
                return 0;
              }
            }
            return run_verify(*o, mpi ? &*mpi : nullptr);
          }};
}

}  // namespace annealcheck::cli
