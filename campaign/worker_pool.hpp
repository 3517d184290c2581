// verify's worker pool: child processes of this executable, each with its stdout
// and stderr captured in files of a private temporary directory (removed
// afterwards). A killed parent takes its workers with it (PR_SET_PDEATHSIG), so a
// `kill -9` of `verify` leaves no worker writing.
//
//   WorkerPool pool;                      // non-blocking: MPI rank 0 polls it
//   pool.start(7, {"check", id, ...});
//   if (auto done = pool.wait(false)) ... // (7, output) once that worker ended
//
//   run_workers(args, jobs, done);        // all of args, at most `jobs` at a time
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace annealcheck::cli {

struct WorkerOutput {
  int status = 0;        // as from waitpid
  std::string out, err;  // everything the worker printed
};

class WorkerPool {
 public:
  WorkerPool();
  ~WorkerPool();  // kills and reaps workers still running (an exception unwinding), removes the work directory
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts `<this executable> args...` as worker `id` (ids of running workers are distinct).
  void start(std::size_t id, const std::vector<std::string>& args);
  std::size_t running() const { return running_.size(); }
  // One worker that ended: blocks until one does (block), or nullopt at once if none has.
  std::optional<std::pair<std::size_t, WorkerOutput>> wait(bool block);

 private:
  std::string base(std::size_t id) const;
  std::string exe_, work_;
  std::map<pid_t, std::size_t> running_;
};

// Runs `<this executable> args[i]...` for every i and calls done(i, output) as
// each one ends (completion order; done runs in this process, one at a time).
void run_workers(const std::vector<std::vector<std::string>>& args, unsigned jobs,
                 const std::function<void(std::size_t, const WorkerOutput&)>& done);

// "worker killed by signal N" / "worker exited with status N".
std::string describe_exit(int status);

}  // namespace annealcheck::cli
