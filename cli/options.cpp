#include "cli/options.hpp"

#include "annealcheck/io/input_error.hpp"

#include <cerrno>
#include <cstdlib>
#include <limits>

namespace annealcheck::cli {
namespace {

std::string got(const std::string& text) { return "got " + quote(text) + "; expected "; }

// Digits after an optional sign; `negative` set when the sign is '-'.
bool decimal_digits(const std::string& text, std::string_view& digits, bool& negative) {
  digits = text;
  negative = false;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
    negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty()) return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string range_words(const std::string& min, const std::string& max) {
  return "a decimal integer in " + min + ".." + max + " (no octal, hex or exponent)";
}

}  // namespace

std::string check_decimal(std::string& text, long long min, long long max) {
  std::string_view digits;
  bool negative = false;
  const std::string expected = got(text) + range_words(std::to_string(min), std::to_string(max));
  if (!decimal_digits(text, digits, negative)) return expected;
  unsigned long long magnitude = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
  if (ec != std::errc() || end != digits.data() + digits.size()) return expected;
  long long value = 0;
  if (negative) {
    if (magnitude > static_cast<unsigned long long>(std::numeric_limits<long long>::max()) + 1) return expected;
    value = static_cast<long long>(0 - magnitude);
  } else {
    if (magnitude > static_cast<unsigned long long>(std::numeric_limits<long long>::max())) return expected;
    value = static_cast<long long>(magnitude);
  }
  if (value < min || value > max) return expected;
  text = std::to_string(value);
  return "";
}

std::string check_decimal_unsigned(std::string& text, unsigned long long min, unsigned long long max) {
  std::string_view digits;
  bool negative = false;
  const std::string expected = got(text) + range_words(std::to_string(min), std::to_string(max));
  if (!decimal_digits(text, digits, negative) || negative) return expected;
  unsigned long long value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value < min || value > max) return expected;
  text = std::to_string(value);
  return "";
}

std::string check_real(const std::string& text, double min, double max) {
  const std::string expected = got(text) + "a decimal number in [" + CLI::detail::to_string(min) + ", " + CLI::detail::to_string(max) + "]";
  if (text.empty() || text.find_first_of("xXpP") != std::string::npos) return expected;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v) || v < min || v > max) return expected;
  return "";
}

CLI::Validator one_of(std::vector<std::string> choices) {
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  return CLI::Validator(
      [choices, list](std::string& text) {
        for (const auto& c : choices)
          if (text == c) return std::string();
        return got(text) + "one of " + list;
      },
      "one of " + list, "one_of");
}

void harden(CLI::App& app) {
  // transform(): runs first and may rewrite the text ("010" -> "10") before CLI11 converts it.
  for (CLI::Option* opt : app.get_options()) {
    const std::string type = opt->get_type_name();  // "INT", or "INT:<validator descriptions>"
    if (type == "INT" || type.rfind("INT:", 0) == 0)
      opt->transform(CLI::Validator(
          [](std::string& t) {
            const std::string why = check_decimal(t, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::max());
            return why.empty() ? why : got(t) + "a decimal integer (digits only: no octal, hex or exponent)";
          },
          "", "decimal"));
    else if (type == "UINT" || type.rfind("UINT:", 0) == 0)
      opt->transform(CLI::Validator(
          [](std::string& t) {
            const std::string why = check_decimal_unsigned(t, 0, std::numeric_limits<unsigned long long>::max());
            if (why.empty()) return why;
            std::string_view digits;
            bool negative = false;
            return decimal_digits(t, digits, negative) && !negative ? got(t) + "a decimal integer in 0..18446744073709551615"
                                                                    : got(t) + "a decimal integer (digits only: no sign, octal, hex or exponent)";
          },
          "", "decimal"));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) harden(*sub);
}

namespace {

// The deepest sub-command named on the command line, for the --help pointer.
std::string help_command(const CLI::App& app) {
  std::string path = "annealcheck";
  const CLI::App* at = &app;
  while (true) {
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : at->get_subcommands())
      if (sub->parsed()) next = sub;
    if (!next) break;
    path += " " + next->get_name();
    at = next;
  }
  return path;
}

}  // namespace

std::string error_line(const CLI::ParseError& e, CLI::App& app, int argc, char** argv) {
  const std::string help = " (see `" + help_command(app) + " --help`)";
  const std::string msg = e.what();
  auto flat = [](std::string s) {  // CLI11's words may hold a whole argument: one line, cut
    for (char& c : s) c = (c == '\n' || c == '\r') ? ' ' : c;
    return s.size() > 4 * limits::kQuoteChars ? s.substr(0, 4 * limits::kQuoteChars) + "..." : s;
  };
  if (const auto at = msg.find(": got "); at != std::string::npos)  // our validators, prefixed with CLI11's "NAME: "
    return "field '" + msg.substr(0, at) + "': " + flat(msg.substr(at + 2)) + help;
  const bool required = dynamic_cast<const CLI::RequiredError*>(&e) != nullptr;  // CLI11 may rename the error: test the class
  if (required && msg == "A subcommand is required") {
    std::string names;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) names += (names.empty() ? "" : ", ") + sub->get_name();
    return "field 'COMMAND': got " + std::string(argc > 1 ? quote(argv[1]) : "nothing") + "; expected one of " + names + help;
  }
  const std::string is_required = " is required";
  if (required && msg.size() > is_required.size() && msg.ends_with(is_required))
    return "field '" + flat(msg.substr(0, msg.size() - is_required.size())) + "': got nothing; expected a value (it is required)" + help;
  if (dynamic_cast<const CLI::ExtrasError*>(&e))
    return "field 'arguments': got " + flat(msg.substr(msg.find(": ") + 2)) + " (not expected); expected only what --help lists" + help;
  return "field 'command line': got " + flat(msg) + "; expected options and arguments as --help lists them" + help;
}

}  // namespace annealcheck::cli
