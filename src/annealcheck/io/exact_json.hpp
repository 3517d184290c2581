// JSON reading that keeps every number's source text.
//
// nlohmann::json would turn 0.1 into the double 0.1000000000000000055...; instance
// values must reach each number type as the text the user wrote. parse_exact_json
// stores every JSON number as a string holding its literal text, so "1e-30" and
// 1e-30 mean the same exact rational.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace annealcheck::io {

// Throws InputError (field "<source>", the parser's message) on malformed JSON.
nlohmann::json parse_exact_json(const std::string& text, const std::string& source);
nlohmann::json read_exact_json_file(const std::string& path);

}  // namespace annealcheck::io
