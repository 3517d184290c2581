// JSON reading with limits, and that keeps every number's source text.
//
// nlohmann::json would turn 0.1 into the double 0.1000000000000000055...; instance
// values must reach each number type as the text the user wrote. parse_exact_json
// stores every JSON number as a string holding its literal text, so "1e-30" and
// 1e-30 mean the same exact rational.
//
// Every reader here enforces limits.hpp while it parses (a SAX handler): at most
// kMaxNesting levels, kMaxArrayItems per array, kMaxObjectMembers per object, and
// files of at most kMaxInputBytes (read in chunks, so /dev/zero stops there). A
// breach is an InputError naming the source and the limit, before the document
// is built; no value is ever echoed whole (describe()).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace annealcheck::io {

enum class Numbers { Text, Native };  // JSON numbers as their literal text, or as nlohmann numbers

// Throws InputError (field `source`, the parser's message or the limit) on malformed JSON.
nlohmann::json parse_json(const std::string& text, const std::string& source, Numbers numbers);
inline nlohmann::json parse_exact_json(const std::string& text, const std::string& source) {
  return parse_json(text, source, Numbers::Text);
}

// The whole file, at most limits::kMaxInputBytes (InputError naming `field` otherwise).
std::string read_text_file(const std::string& path, const std::string& field, const std::string& expected);
nlohmann::json read_exact_json_file(const std::string& path);

// A short description of a value for error messages, never the whole value:
// strings and numbers quoted (cut), containers by kind and size.
std::string describe(const nlohmann::json& v);

}  // namespace annealcheck::io
