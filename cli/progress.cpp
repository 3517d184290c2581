#include "cli/progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string_view>

namespace annealcheck::cli {

std::string format_duration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string progress_line(std::size_t done, std::size_t total, double elapsed, const std::string& last, std::size_t bar_width) {
  const std::size_t filled = total == 0 ? bar_width : std::min(bar_width, done * bar_width / total);
  const std::string left = done == 0 ? "?" : fmt::format("~{}", format_duration(elapsed * static_cast<double>(total - std::min(done, total)) / static_cast<double>(done)));
  std::string line = fmt::format("[{}{}] {:>{}}/{}  elapsed {}  left {}", std::string(filled, '#'), std::string(bar_width - filled, '.'), done,
                                 std::to_string(total).size(), total, format_duration(elapsed), left);
  if (!last.empty()) line += last.size() > 60 ? fmt::format("  {}...", std::string_view(last).substr(0, 57)) : fmt::format("  {}", last);
  return line;
}

Progress::Progress(std::ostream& out, std::size_t total, bool enabled)
    : out_(out), total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()) {
  if (enabled_) out_ << "\r\033[K" << progress_line(0, total_, 0, "") << std::flush;
}

Progress::~Progress() { finish(); }

void Progress::advance(const std::string& last) {
  ++done_;
  if (!enabled_) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  out_ << "\r\033[K" << progress_line(done_, total_, elapsed, last) << std::flush;
}

void Progress::finish() {
  if (!enabled_) return;
  out_ << "\r\033[K" << std::flush;
  enabled_ = false;
}

}  // namespace annealcheck::cli
