// A claim that cannot be read: a syntax error, an unknown name, or a comparison of
// things of different kinds. An InputError (the CLI's exit 2) whose one-line
// message names the column; `display()` is the claim with a caret under it.
#pragma once

#include "annealcheck/io/input_error.hpp"

#include <cstddef>
#include <string>

namespace annealcheck::claims {

class ClaimError : public InputError {
 public:
  // `offset`: 0-based byte offset in `text`; `what`: what was found there; `expected`: what would be valid.
  ClaimError(const std::string& text, std::size_t offset, const std::string& what, const std::string& expected)
      : InputError("--claim", "column " + std::to_string(offset + 1) + ": " + what, expected),
        column_(offset + 1),
        display_(window(text, offset, what)) {}
  std::size_t column() const { return column_; }  // 1-based
  const std::string& display() const { return display_; }

 private:
  // The claim around `offset` (at most kWindow bytes either side, "..." where cut) with a caret under it.
  static std::string window(const std::string& text, std::size_t offset, const std::string& what) {
    constexpr std::size_t kWindow = 60;
    const std::size_t from = offset > kWindow ? offset - kWindow : 0;
    const std::string head = from > 0 ? "..." : "";
    std::string shown = head + text.substr(from, offset - from + kWindow);
    if (offset + kWindow < text.size()) shown += "...";
    for (char& ch : shown)
      if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) >= 0x7f) ch = '?';
    return "  " + shown + "\n  " + std::string(head.size() + offset - from, ' ') + "^ " + what;
  }
  std::size_t column_;
  std::string display_;
};

}  // namespace annealcheck::claims
