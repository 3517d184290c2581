#include "annealcheck/engine/type_id.hpp"

#include "annealcheck/io/input_error.hpp"

#include <algorithm>
#include <cctype>

namespace annealcheck::engine {

const std::vector<LadderEntry>& ladder() {
  static const std::vector<LadderEntry> entries{
      {"float", 24, "IEEE binary32"},
      {"double", 53, "IEEE binary64"},
      {"long-double", 64, "x87 extended (x86-64)"},
      {"float128", 113, "IEEE binary128 (libquadmath)"},
      {"mpfr128", 128, "MPFR, static 128 bits"},
      {"mpfr256", 256, "MPFR, static 256 bits"},
      {"mpfr1024", 1024, "MPFR, static 1024 bits"},
      {"mpfr:BITS", 0, "MPFR, exactly BITS bits chosen at run time (2..100000)"},
      {"cpp_bin_float50", 168, "Boost cpp_bin_float, 50 decimal digits"},
      {"cpp_bin_float100", 334, "Boost cpp_bin_float, 100 decimal digits"},
      {"gmp_float50", 192, "GMP mpf_t, >= 50 decimal digits (whole limbs)"},
      {"mpq", 0, "GMP exact rationals (no exp/log: GD and premises only)"},
      {"mpfi256", 257, "MPFI interval, 257 bits (Boost's nearest to 256)"},
      {"mpfi:BITS", 0, "MPFI interval, >= BITS bits chosen at run time"},
  };
  return entries;
}

std::string rung_for_bits(long bits) {
  for (const char* id : {"float", "double", "long-double", "float128", "mpfr128", "mpfr256", "mpfr1024"})
    for (const auto& e : ladder())
      if (e.id == id && e.bits >= bits) return e.id;
  return "mpfr:" + std::to_string(std::min<long>(100000, (bits + 63) / 64 * 64));
}

namespace {

std::string valid_ids() {
  std::string s;
  for (const auto& e : ladder()) s += (s.empty() ? "" : ", ") + e.id;
  return "one of " + s;
}

long parse_bits(const std::string& id, const std::string& digits, const std::string& option) {
  const std::string expected = "BITS an integer in 2.." + std::to_string(limits::kMaxBits) + " (max_bits, see `annealcheck limits`)";
  if (digits.empty() || digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    throw InputError(option, quote(id), expected);
  const long b = std::stol(digits);
  if (b < 2 || b > limits::kMaxBits) throw InputError(option, quote(id), expected);
  return b;
}

}  // namespace

TypeSpec parse_type_id(const std::string& id, const std::string& option) {
  static const std::vector<std::pair<std::string, Family>> fixed{
      {"float", Family::Float}, {"double", Family::Double}, {"long-double", Family::LongDouble},
      {"float128", Family::Float128}, {"mpfr128", Family::Mpfr128}, {"mpfr256", Family::Mpfr256},
      {"mpfr1024", Family::Mpfr1024}, {"cpp_bin_float50", Family::CppBinFloat50},
      {"cpp_bin_float100", Family::CppBinFloat100}, {"gmp_float50", Family::GmpFloat50}, {"mpq", Family::Mpq},
      {"mpfi256", Family::Mpfi256}};
  for (const auto& [name, fam] : fixed) {
    if (id == name) {
      long bits = 0;
      for (const auto& e : ladder())
        if (e.id == name) bits = e.bits;
      return {id, fam, bits, fam == Family::Mpfi256, fam == Family::Mpq};
    }
  }
  if (id.rfind("mpfr:", 0) == 0) return {id, Family::MpfrRuntime, parse_bits(id, id.substr(5), option), false, false};
  if (id.rfind("mpfi:", 0) == 0) return {id, Family::MpfiRuntime, parse_bits(id, id.substr(5), option), true, false};
  throw InputError(option, quote(id) + " (unknown type id)", valid_ids());
}

}  // namespace annealcheck::engine
