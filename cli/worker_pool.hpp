// verify's worker pool: child processes of this executable, at most `jobs` at a
// time, each with its stdout and stderr captured in files of a private temporary
// directory (removed afterwards). A killed parent takes its workers with it
// (PR_SET_PDEATHSIG), so a `kill -9` of `verify` leaves no worker writing.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace annealcheck::cli {

struct WorkerOutput {
  int status = 0;        // as from waitpid
  std::string out, err;  // everything the worker printed
};

// Runs `<this executable> args[i]...` for every i and calls done(i, output) as
// each one ends (completion order; done runs in this process, one at a time).
void run_workers(const std::vector<std::vector<std::string>>& args, unsigned jobs,
                 const std::function<void(std::size_t, const WorkerOutput&)>& done);

// "worker killed by signal N" / "worker exited with status N".
std::string describe_exit(int status);

}  // namespace annealcheck::cli
