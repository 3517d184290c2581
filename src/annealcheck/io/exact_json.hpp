// JSON reading with limits, and that keeps every number's source text.
//
// nlohmann::json would turn 0.1 into the double 0.1000000000000000055...; instance
// values must reach each number type as the text the user wrote. parse_exact_json
// stores every JSON number that is not a 64-bit integer as a string holding its
// literal text (so "1e-30" and 1e-30 mean the same exact rational), and 64-bit
// integers as nlohmann's integers, which are exact.
//
// Every reader here refuses a key given twice in one object (an instance must mean
// one thing: which "gamma" would count?) naming the key, and enforces limits.hpp while it parses (a SAX handler): at most
// kMaxNesting levels, kMaxArrayItems per array, kMaxObjectMembers per object, and
// files of at most kMaxInputBytes (read in chunks, so /dev/zero stops there). A
// breach is an InputError naming the source and the limit, before the document
// is built; no value is ever echoed whole (describe()).
//
// The one reader of numbers in JSON (instances, property cases, reports):
// exact_number and the field readers below take a number's text — a string as
// written ("1e-30", "2/3", "-0.1") or a JSON integer in decimal — to an exact
// rational. A JSON float *value* is refused: it exists only in a document read
// with nlohmann's own parse, so it has been rounded to a double already. Nothing here converts a JSON number through double.
#pragma once

#include "annealcheck/numeric/rational.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace annealcheck::io {

// Numbers as above (never a double). Throws InputError (field `source`, the
// parser's message or the limit) on malformed JSON.
nlohmann::json parse_exact_json(const std::string& text, const std::string& source);

// A document this program wrote (a campaign's campaign.json and chunk files), whose
// few floating-point fields are diagnostics: nlohmann's own numbers, but a key given
// twice in one object is refused here too (InputError naming `field`, `what` and the key).
// Other malformed JSON throws nlohmann::json::parse_error, as nlohmann::json::parse.
nlohmann::json parse_json_once_keys(const std::string& text, const std::string& field, const std::string& what);

// The whole file, at most limits::kMaxInputBytes (InputError naming `field` otherwise).
std::string read_text_file(const std::string& path, const std::string& field, const std::string& expected);
nlohmann::json read_exact_json_file(const std::string& path);

// A number exactly, with its text; throws InputError naming `field` (and the value)
// when v is not a number's text, is not finite, or is a double (see above).
struct ExactNumber {
  std::string text;         // as written (canonical "p/q" when built in code)
  numeric::Rational value;  // exactly the same number
};
ExactNumber exact_number(const nlohmann::json& v, const std::string& field);
// An integer in lo..hi (InputError with `expected` otherwise).
long exact_integer(const nlohmann::json& v, const std::string& field, long lo, long hi, const std::string& expected);

// Members of an object (a property's case), read exactly; a missing member is an
// InputError naming it, a value that is no object one naming "case".
numeric::Rational read_rational(const nlohmann::json& obj, const std::string& field);
std::vector<numeric::Rational> read_rationals(const nlohmann::json& obj, const std::string& field);
long read_integer(const nlohmann::json& obj, const std::string& field, long lo, long hi);
std::vector<std::vector<int>> read_int_rows(const nlohmann::json& obj, const std::string& field, int lo, int hi);
// Exact texts ("p/q") of rationals, as a JSON array that read_rationals reads back equal.
nlohmann::json rational_texts(const std::vector<numeric::Rational>& v);

// A short description of a value for error messages, never the whole value:
// strings and numbers quoted (cut), containers by kind and size.
std::string describe(const nlohmann::json& v);

}  // namespace annealcheck::io
