#include "properties/support/exact_json.hpp"

#include "annealcheck/io/input_error.hpp"

namespace annealcheck::properties {

using numeric::Rational;

namespace {
Rational parse(const nlohmann::json& v, const std::string& field) {
  const std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  if (!v.is_string() && !v.is_number()) throw InputError(field, text, "a number (JSON number or a string like \"1e-30\" or \"2/3\")");
  auto p = numeric::parse_rational(text);
  if (!p.ok()) throw InputError(field, "\"" + text + "\" (" + p.error + ")", "a finite number like \"1e-30\" or \"2/3\"");
  return p.value;
}
const nlohmann::json& member(const nlohmann::json& j, const std::string& field) {
  if (!j.is_object()) throw InputError("case", j.dump().substr(0, 40), "a JSON object");
  if (!j.contains(field)) throw InputError(field, "nothing (missing)", "a value for " + field);
  return j.at(field);
}
}  // namespace

Rational read_rational(const nlohmann::json& j, const std::string& field) { return parse(member(j, field), field); }

std::vector<Rational> read_rationals(const nlohmann::json& j, const std::string& field) {
  const auto& a = member(j, field);
  if (!a.is_array()) throw InputError(field, a.dump().substr(0, 40), "an array of numbers");
  std::vector<Rational> out;
  for (std::size_t i = 0; i < a.size(); ++i) out.push_back(parse(a[i], field + "[" + std::to_string(i) + "]"));
  return out;
}

long read_integer(const nlohmann::json& j, const std::string& field, long lo, long hi) {
  const Rational q = read_rational(j, field);
  if (!q.is_integer() || q < Rational(lo) || Rational(hi) < q)
    throw InputError(field, q.str(), "an integer in " + std::to_string(lo) + ".." + std::to_string(hi));
  return std::stol(q.str());
}

std::vector<std::vector<int>> read_int_rows(const nlohmann::json& j, const std::string& field, int lo, int hi) {
  const auto& a = member(j, field);
  if (!a.is_array()) throw InputError(field, a.dump().substr(0, 40), "an array of integer arrays");
  std::vector<std::vector<int>> out;
  for (std::size_t r = 0; r < a.size(); ++r) {
    const std::string f = field + "[" + std::to_string(r) + "]";
    if (!a[r].is_array()) throw InputError(f, a[r].dump().substr(0, 40), "an array of integers");
    std::vector<int> row;
    for (std::size_t c = 0; c < a[r].size(); ++c) {
      const std::string fc = f + "[" + std::to_string(c) + "]";
      if (!a[r][c].is_number_integer() || a[r][c].get<long>() < lo || a[r][c].get<long>() > hi)
        throw InputError(fc, a[r][c].dump(), "an integer in " + std::to_string(lo) + ".." + std::to_string(hi));
      row.push_back(a[r][c].get<int>());
    }
    out.push_back(std::move(row));
  }
  return out;
}

nlohmann::json to_json(const std::vector<Rational>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& q : v) a.push_back(q.str());
  return a;
}

}  // namespace annealcheck::properties
