// campaign/mpi_runner.hpp without MPI (-DANNEALCHECK_MPI=OFF, or Boost.MPI not found):
// a run under mpirun is refused (exit 2) instead of running the campaign N times.
#include "campaign/mpi_runner.hpp"

#include "annealcheck/io/input_error.hpp"

#include <cstdlib>

namespace annealcheck::cli {

struct MpiSession::State {};

MpiSession::MpiSession() {
  throw InputError("mpirun", "OMPI_COMM_WORLD_SIZE or PMIX_RANK is set (launched by mpirun or srun)",
                   "an annealcheck built with MPI (cmake -DANNEALCHECK_MPI=ON, Boost.MPI and Open MPI installed), or no mpirun");
}
MpiSession::~MpiSession() = default;
bool MpiSession::root() const { return true; }
int MpiSession::size() const { return 1; }
void MpiSession::serve() {}
void MpiSession::dispatch(const properties::campaign::Campaign&, const std::vector<properties::campaign::ChunkRef>&, const ChunkDone&) {}
void MpiSession::abort(int status) { std::exit(status); }

}  // namespace annealcheck::cli
