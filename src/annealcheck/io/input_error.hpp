// Bad input: which field, what value, what was expected. The CLI prints the
// message and exits with status 2 (never a crash, never a partial output file).
#pragma once

#include <stdexcept>
#include <string>

namespace annealcheck {

class InputError : public std::runtime_error {
 public:
  InputError(std::string field, std::string value, std::string expected)
      : std::runtime_error(compose(field, value, expected)),
        field_(std::move(field)), value_(std::move(value)), expected_(std::move(expected)) {}
  const std::string& field() const { return field_; }
  const std::string& value() const { return value_; }
  const std::string& expected() const { return expected_; }

 private:
  static std::string compose(const std::string& f, const std::string& v, const std::string& e) {
    return "field '" + f + "': got " + v + "; expected " + e;
  }
  std::string field_, value_, expected_;
};

}  // namespace annealcheck
