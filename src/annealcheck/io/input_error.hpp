// Bad input: which field, what value, what was expected. The CLI prints the
// message and exits with status 2 (never a crash, never a partial output file).
//
// A message is one line and short whatever the input: values are quoted with
// quote() (at most limits::kQuoteChars characters, control characters escaped),
// and the constructor cuts any field or value that is still too long.
#pragma once

#include "annealcheck/limits.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace annealcheck {

// "text" with control characters escaped, cut to `max` characters ("…" and the
// full length in bytes appended when cut).
inline std::string quote(std::string_view text, std::size_t max = limits::kQuoteChars) {
  std::string out = "\"";
  std::size_t shown = 0;
  for (; shown < text.size() && shown < max; ++shown) {
    const unsigned char c = static_cast<unsigned char>(text[shown]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  if (shown < text.size()) out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

class InputError : public std::runtime_error {
 public:
  InputError(std::string field, std::string value, std::string expected)
      : std::runtime_error(compose(field, value, expected)),
        field_(std::move(field)), value_(std::move(value)), expected_(std::move(expected)) {}
  const std::string& field() const { return field_; }
  const std::string& value() const { return value_; }
  const std::string& expected() const { return expected_; }

 private:
  // Field and value come from the input: cut and keep on one line.
  static std::string one_line(const std::string& s, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < max; ++i) out += (s[i] == '\n' || s[i] == '\r') ? ' ' : s[i];
    if (s.size() > max) out += "... (" + std::to_string(s.size()) + " bytes)";
    return out;
  }
  static std::string compose(const std::string& f, const std::string& v, const std::string& e) {
    return "field '" + one_line(f, limits::kQuoteChars) + "': got " + one_line(v, 4 * limits::kQuoteChars) + "; expected " +
           one_line(e, 8 * limits::kQuoteChars);
  }
  std::string field_, value_, expected_;
};

}  // namespace annealcheck
