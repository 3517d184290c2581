// A campaign in chunks (issue 13): every (property, type) task of `verify` is cut
// into chunks, each an ordinary RapidCheck run (`annealcheck check ID --type T
// --seed S --cases n`) with its own seed and case count, so the union of the
// chunks is the same whoever runs them — the local pool, MPI ranks or the shards
// of a job array.
//
// Seeds: chunk i of the task (property, type) runs with
//     chunk_seed(seed, id, type, i) = fnv1a("annealcheck-chunk/<seed>/<id>/<type>/<i>")
// (FNV-1a 64, properties/support/fnv1a.hpp; decimal seed and index), every chunk
// including chunk 0: the unit of work is (property, type, chunk), and its seed says
// so. Types therefore meet different cases; `annealcheck audit` compares types case
// by case. A chunk's run records its seed, so its report replays it with
// `check ID --type T --seed <chunk seed> --cases n`.
// RapidCheck then mixes the id in as for any run (seed xor fnv1a(id)).
//
// Sizes: a task of C cases with chunk size S has ceil(C/S) chunks of S cases, the
// last one C - (n-1)·S. The default S is about a second of work on one core,
// predicted by a committed cost model (chunk_cost.hpp), never by a clock; the
// sizes chosen are recorded in campaign.json and a resume or merge plans with
// the recorded ones.
//
// Identity: the options that fix the chunks (seed, cases, chunk size, type and
// property filters, certified, the text claims of --claims with their premises),
// the chunk size of every task, the annealcheck version and a hash of the catalog
// (ids, kinds, types, default case counts, statements). Partial results of two
// campaigns never merge (campaign_mismatch names the first field that differs).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::properties::campaign {

// A text claim of `verify --claims` (claims/): its text and premises, and
// the property id it was registered as (the CLI registers it before planning).
struct ClaimText {
  std::string text, given, id;
  bool operator==(const ClaimText&) const = default;
};

// What the command line fixes about a campaign.
struct CampaignSpec {
  std::uint64_t seed = 0;
  std::optional<int> cases;        // per task; default: each property's own at each type
  std::optional<int> chunk_size;   // default: per task, about a second of work (chunk_cost.hpp)
  std::vector<std::string> types;       // only these types (empty: all)
  std::vector<std::string> properties;  // only these property ids (empty: all)
  bool certified = false;
  bool fast = false;  // point verdicts only (verify --fast); default: filtered decisions (issue 21)
  // Registered as properties by the CLI before planning; their tasks follow the catalog's,
  // in this order, whatever the property filter (it filters the catalog). Recorded in campaign.json so that --resume and merge re-register them.
  std::vector<ClaimText> claims;
  // From campaign.json ("id@type" -> chunk size): the default sizes a campaign was started with.
  std::map<std::string, int> recorded_chunk_sizes;
};

struct TaskPlan {
  std::string property, type;
  bool refuted = false;
  int cases = 0, chunk_size = 0, chunks = 0;
};

struct ChunkRef {
  std::size_t task = 0;  // index into Campaign::tasks
  int index = 0;         // chunk index within the task
};

struct Campaign {
  CampaignSpec spec;
  std::vector<TaskPlan> tasks;  // catalog order, then the claims; each in its property's type order
  // Every chunk in a fixed global order (tasks in order, chunk indices ascending);
  // shard I of N takes the chunks at positions p with p mod N == I - 1.
  std::vector<ChunkRef> chunks;
};

inline constexpr long long kMaxChunks = 2'000'000;  // a campaign's plan stays small in memory (16 bytes a chunk)

// Throws InputError on an unknown type or property id, filters that select nothing,
// or more than kMaxChunks chunks (field --chunk-size).
Campaign plan_campaign(const CampaignSpec& spec);

std::uint64_t chunk_seed(std::uint64_t campaign_seed, const std::string& property, const std::string& type, int index);
int chunk_cases(const TaskPlan& t, int index);

// The identity document (stored as campaign.json) and the check of two of them:
// "" when equal, else "seed: 7 here, 8 there"-style words for the first difference.
nlohmann::json campaign_identity(const Campaign& c);
std::string campaign_mismatch(const nlohmann::json& a, const nlohmann::json& b);
CampaignSpec spec_from_identity(const nlohmann::json& identity);  // InputError when malformed
std::string catalog_hash();  // 16 hex digits

// "--shard I/N": 1 <= I <= N <= 100000; InputError (field --shard) otherwise.
struct Shard {
  int index = 1, count = 1;  // 1-based
};
Shard parse_shard(const std::string& text);
std::vector<ChunkRef> shard_chunks(const Campaign& c, Shard s);

// "lemma2.gf-lower-bound@double#3"
std::string chunk_name(const Campaign& c, ChunkRef ref);

}  // namespace annealcheck::properties::campaign
