// Exact numbers in case JSON: every value is a string ("p/q", "1e-30") or a JSON
// number read from its literal text; bad values throw InputError naming the field.
#pragma once

#include "annealcheck/numeric/rational.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace annealcheck::properties {

numeric::Rational read_rational(const nlohmann::json& j, const std::string& field);
std::vector<numeric::Rational> read_rationals(const nlohmann::json& j, const std::string& field);
long read_integer(const nlohmann::json& j, const std::string& field, long lo, long hi);
std::vector<std::vector<int>> read_int_rows(const nlohmann::json& j, const std::string& field, int lo, int hi);
nlohmann::json to_json(const std::vector<numeric::Rational>& v);

}  // namespace annealcheck::properties
