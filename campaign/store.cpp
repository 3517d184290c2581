#include "campaign/store.hpp"

#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <filesystem>
#include <map>

namespace annealcheck::properties::campaign {
namespace fs = std::filesystem;
namespace {

std::string task_dir_name(const TaskPlan& t) { return io::file_name_safe(t.property) + "@" + io::file_name_safe(t.type); }

// A recorded chunk or campaign identity: JSON written by this program (run_to_json);
// its few floating-point fields (seconds, relative bounds) are diagnostics, read as
// JSON numbers, as the worker's output is (campaign/chunk_runner.cpp).
nlohmann::json read_json(const std::string& path, const std::string& field, const std::string& expected) {
  const std::string text = io::read_text_file(path, field, expected);
  try {
    return io::parse_json_once_keys(text, field, quote(path));
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(field, quote(path) + " (not JSON: " + e.what() + ")", expected);
  }
}

// A chunk file's run, checked against the chunk it claims to be.
RunResult read_chunk(const std::string& path, const Campaign& c, ChunkRef ref) {
  RunResult r;
  try {
    r = run_from_json(read_json(path, "chunk", "a chunk result recorded by verify"));
  } catch (const InputError& e) {
    throw InputError("chunk", quote(path) + " (" + e.what() + ")", "a chunk result recorded by verify");
  }
  const TaskPlan& t = c.tasks[ref.task];
  const std::uint64_t seed = chunk_seed(c.spec.seed, t.property, t.type, ref.index);
  if (r.property_id != t.property || r.type_id != t.type || r.seed != seed || r.cases_requested != chunk_cases(t, ref.index))
    throw InputError("chunk", fmt::format("{} ({}@{} seed {} with {} cases)", quote(path), r.property_id, r.type_id, r.seed, r.cases_requested),
                     fmt::format("chunk {} of this campaign: {}@{} seed {} with {} cases", ref.index, t.property, t.type, seed,
                                 chunk_cases(t, ref.index)));
  return r;
}

}  // namespace

nlohmann::json read_identity(const std::string& dir, const std::string& field) {
  const std::string path = (fs::path(dir) / "campaign.json").string();
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw InputError(field, quote(dir) + " (no campaign.json)", "a campaign directory written by `verify --out DIR` or `--shard I/N --out DIR`");
  return read_json(path, field, "the campaign.json that verify --out writes");
}

CampaignStore::CampaignStore(std::string dir, const Campaign& c, const std::string& field) : dir_(std::move(dir)), campaign_(c) {
  io::prepare_output_dir(dir_, field);
  const nlohmann::json identity = campaign_identity(c);
  std::error_code ec;
  if (fs::exists(fs::path(dir_) / "campaign.json", ec)) {
    const std::string why = campaign_mismatch(read_identity(dir_, field), identity);
    if (!why.empty())
      throw InputError(field, quote(dir_) + " (it holds another campaign; " + why + ")",
                       "the directory of this campaign, or a new one (resume with the options it was started with)");
  } else {
    io::write_file_atomically((fs::path(dir_) / "campaign.json").string(), identity.dump(2) + "\n", field);
  }
  for (const TaskPlan& t : c.tasks) {
    const fs::path d = fs::path(dir_) / "chunks" / task_dir_name(t);
    fs::create_directories(d, ec);
    if (ec) throw InputError(field, quote(d.string()) + " (" + ec.message() + ")", "a directory it can create");
    io::remove_stale_temporaries(d.string());  // chunks a killed process was writing
  }
}

std::string CampaignStore::path(ChunkRef ref) const {
  return (fs::path(dir_) / "chunks" / task_dir_name(campaign_.tasks.at(ref.task)) / (std::to_string(ref.index) + ".json")).string();
}

bool CampaignStore::recorded(ChunkRef ref) const {
  std::error_code ec;
  return fs::exists(path(ref), ec);
}

void CampaignStore::record(ChunkRef ref, const RunResult& run) const {
  io::write_file_atomically(path(ref), run_to_json(run).dump() + "\n", "--out");
}

ChunkResults CampaignStore::load() const { return load_chunks(dir_, campaign_); }

ChunkResults load_chunks(const std::string& dir, const Campaign& c) {
  ChunkResults out;
  for (std::size_t i = 0; i < c.tasks.size(); ++i) {
    const fs::path d = fs::path(dir) / "chunks" / task_dir_name(c.tasks[i]);
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(d, ec)) {
      const std::string name = f.path().filename().string();
      if (name.starts_with(".")) continue;  // a temporary of a writer
      int index = -1;
      const std::string stem = f.path().stem().string();
      const auto [end, err] = std::from_chars(stem.data(), stem.data() + stem.size(), index);
      if (f.path().extension() != ".json" || err != std::errc() || end != stem.data() + stem.size() || index < 0 || index >= c.tasks[i].chunks)
        throw InputError("chunk", quote(f.path().string()), fmt::format("chunk files 0.json .. {}.json only", c.tasks[i].chunks - 1));
      out.emplace(std::pair{i, index}, read_chunk(f.path().string(), c, {i, index}));
    }
  }
  return out;
}

}  // namespace annealcheck::properties::campaign
