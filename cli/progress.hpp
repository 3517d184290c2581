// verify's progress bar on a terminal (issue 15): done/total, elapsed time and
// an estimate of the time left, redrawn in place on stderr as each task ends;
// silent when stderr is not a terminal (CI logs, pipes, files).
//
//   [#########.................]  12/38  elapsed 0:41  left ~1:29  falsify.f4-...@double: refuted as expected
//
// The estimate is elapsed × (total − done) / done: tasks of one campaign differ
// in cost, so it is rough early and converges as tasks end.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

namespace annealcheck::cli {

// "0:41", "1:02:03"
std::string format_duration(double seconds);

// The line drawn (no control characters; width of the bar in characters).
std::string progress_line(std::size_t done, std::size_t total, double elapsed_seconds, const std::string& last, std::size_t bar_width = 28);

class Progress {
 public:
  // Draws on `out` only when `enabled` (verify passes isatty(STDERR_FILENO)).
  Progress(std::ostream& out, std::size_t total, bool enabled);
  ~Progress();  // clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  // One more task ended; `last` names it and its verdict.
  void advance(const std::string& last);
  void finish();  // clears the line (idempotent)

 private:
  std::ostream& out_;
  std::size_t total_, done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace annealcheck::cli
