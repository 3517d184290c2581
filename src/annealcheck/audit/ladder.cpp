// The precision ladder of an audit and the reference precision, from the command
// line (audit/audit.hpp: default_ladder, parse_ladder, parse_reference).
#include "annealcheck/audit/audit.hpp"
#include "annealcheck/io/input_error.hpp"

#include <set>

namespace annealcheck::audit {

std::vector<engine::TypeSpec> default_ladder() {
  std::vector<engine::TypeSpec> out;
  for (const char* id : {"float", "double", "long-double", "float128", "cpp_bin_float50", "gmp_float50", "mpfr:64", "mpfr128",
                         "mpfr256", "mpfr:512", "mpfr1024"})
    out.push_back(engine::parse_type_id(id, "--types"));
  return out;
}

std::vector<engine::TypeSpec> parse_ladder(const std::string& text, const std::string& option) {
  std::vector<engine::TypeSpec> out;
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    std::string id = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    id.erase(0, id.find_first_not_of(' '));
    id.erase(id.find_last_not_of(' ') + 1);
    if (id.empty()) throw InputError(option, "\"" + text + "\"", "a comma-separated list of type ids without empty entries");
    engine::TypeSpec t = engine::parse_type_id(id, option);
    if (t.exact || t.interval)
      throw InputError(option, "\"" + id + "\"", "a floating rung (mpq has no exp/log for the flow; MPFI is the reference, use --reference)");
    if (!seen.insert(id).second) throw InputError(option, "\"" + id + "\" twice", "each type id at most once");
    out.push_back(t);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

long parse_reference(const std::string& text, const std::string& option) {
  const engine::TypeSpec t = engine::parse_type_id(text, option);
  if (!t.interval) throw InputError(option, "\"" + text + "\"", "an MPFI reference: mpfi:BITS (e.g. mpfi:2048) or mpfi256");
  return t.bits;
}

}  // namespace annealcheck::audit
