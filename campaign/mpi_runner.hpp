// `mpirun -np N annealcheck verify ...` (issue 13): Boost.MPI over Open MPI.
// Rank 0 owns the campaign: it plans, hands out chunks one at a time (a rank
// asks for the next when it returns a result, so slow chunks idle no one),
// records and merges the results, writes the reports and prints the table. It
// also runs chunks itself, one at a time in a worker process it polls between
// messages. Ranks 1..N-1 only run the chunks they are sent (each in a worker
// process, as the local pool does) and print nothing.
//
// Detection: mpirun (Open MPI) sets OMPI_COMM_WORLD_SIZE, a PMIx launcher (srun
// --mpi=pmix) PMIX_RANK; without them the same binary never touches MPI. Built without MPI (-DANNEALCHECK_MPI=OFF), a run
// under mpirun is refused with exit 2 rather than run N times.
#pragma once

#include "campaign/chunk_runner.hpp"

#include <cstdlib>
#include <memory>

namespace annealcheck::cli {

inline bool launched_by_mpirun() { return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr; }

class MpiSession {
 public:
  MpiSession();   // MPI_Init
  ~MpiSession();  // stops every rank still waiting, then MPI_Finalize
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  bool root() const;
  int size() const;
  // Ranks > 0: run the chunks rank 0 sends until it says stop.
  void serve();
  // Rank 0: every chunk in `chunks` run by some rank; done() on rank 0 as each ends.
  void dispatch(const properties::campaign::Campaign& c, const std::vector<properties::campaign::ChunkRef>& chunks, const ChunkDone& done);
  // Rank 0, on a fatal error: ends every rank (MPI_Abort) with this status.
  [[noreturn]] void abort(int status);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace annealcheck::cli
