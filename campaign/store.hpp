// The campaign directory (issue 13): where `verify --out DIR` / `--resume DIR` /
// `--shard I/N --out DIR` record their chunks and `annealcheck merge` reads them.
//
//   DIR/campaign.json                     the campaign's identity (plan.hpp)
//   DIR/chunks/<property>@<type>/<i>.json  one finished chunk: its run as
//                                         run_to_json, recorded atomically
//
// A chunk file exists only once its run has ended (atomic rename), so a killed
// process loses at most the chunks it had not finished, and a resumed run does
// only those. Any number of processes (shards, MPI rank 0) may share one DIR: a
// chunk recorded twice holds the same run (it is deterministic) and counts once.
#pragma once

#include "campaign/merge.hpp"
#include "campaign/plan.hpp"

#include <string>

namespace annealcheck::properties::campaign {

class CampaignStore {
 public:
  // Creates DIR (and campaign.json) or opens an existing one; throws InputError
  // (field `field`) when DIR holds another campaign, naming what differs.
  CampaignStore(std::string dir, const Campaign& c, const std::string& field);

  bool recorded(ChunkRef ref) const;
  void record(ChunkRef ref, const RunResult& run) const;  // atomically
  // Every chunk recorded so far (InputError naming a file that is not a chunk of this campaign).
  ChunkResults load() const;
  const std::string& dir() const { return dir_; }

 private:
  std::string path(ChunkRef ref) const;
  std::string dir_;
  const Campaign& campaign_;
};

// campaign.json of DIR (InputError naming DIR when absent or malformed).
nlohmann::json read_identity(const std::string& dir, const std::string& field);

// The chunks recorded in DIR for campaign `c` (whose identity DIR must hold).
ChunkResults load_chunks(const std::string& dir, const Campaign& c);

}  // namespace annealcheck::properties::campaign
