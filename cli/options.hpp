// Option parsing in the house style. CLI11 on its own reads "010" as octal 8,
// "0x10" as hex, "-1" into an unsigned option as 2^64 - 1 and 2^64 as 2^64 - 1, and
// words its errors its own way ("Value 0 not in range 1 to 256"). Here:
//
//   in_range(min, max)  decimal integers (or real numbers) in [min, max] only; the
//                       text is canonicalised before CLI11 converts it
//   one_of({...})       one of the listed words
//   harden(app)         every integer option of app and its sub-commands accepts
//                       decimal digits only, within its C++ type
//   error_line(e, app)  a CLI11 parse error as one line: field, value, what was
//                       expected, and which --help to read
//
// Validator messages read "got \"VALUE\"; expected ..." so that with CLI11's
// "NAME: " prefix they become the house line "field 'NAME': got ...; expected ...".
#pragma once

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

namespace annealcheck::cli {

// Why `text` is not a decimal integer in [min, max] ("" when it is; then `text` is canonical).
std::string check_decimal(std::string& text, long long min, long long max);
std::string check_decimal_unsigned(std::string& text, unsigned long long min, unsigned long long max);
std::string check_real(const std::string& text, double min, double max);

template <class T>
CLI::Validator in_range(T min, T max) {
  std::string desc = "in " + std::to_string(min) + ".." + std::to_string(max);
  return CLI::Validator(
      [min, max](std::string& text) {
        if constexpr (std::is_floating_point_v<T>) return check_real(text, static_cast<double>(min), static_cast<double>(max));
        else if constexpr (std::is_unsigned_v<T>) return check_decimal_unsigned(text, min, max);
        else return check_decimal(text, min, max);
      },
      desc, "in_range");
}

CLI::Validator one_of(std::vector<std::string> choices);

void harden(CLI::App& app);

std::string error_line(const CLI::ParseError& e, CLI::App& app, int argc, char** argv);

}  // namespace annealcheck::cli
