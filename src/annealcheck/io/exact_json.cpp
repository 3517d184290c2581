#include "annealcheck/io/exact_json.hpp"

#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <set>
#include <vector>

namespace annealcheck::io {
namespace {

using nlohmann::json;

// SAX handler building a DOM and enforcing the nesting and size limits while it
// reads. Integers that fit 64 bits stay nlohmann integers (exact); every other
// number is kept as its literal text: number_float hands over the source text
// beside the double, and the double is dropped.
std::string twice(const std::string& key) { return "the key " + quote(key) + " twice in one object"; }
constexpr const char* kOnce = "each key at most once in an object (a document must mean one thing)";

class LimitedBuilder : public nlohmann::json_sax<json> {
 public:
  bool null() override { return put(nullptr); }
  bool boolean(bool v) override { return put(v); }
  bool number_integer(number_integer_t v) override { return put(v); }
  bool number_unsigned(number_unsigned_t v) override { return put(v); }
  bool number_float(number_float_t, const string_t& s) override { return put(s); }
  bool string(string_t& v) override { return put(std::move(v)); }
  bool binary(binary_t&) override { return fail("binary data", "JSON text"); }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    if (error_.empty()) error_ = std::string("malformed JSON (") + ex.what() + ")";
    return false;
  }
  json result() { return std::move(root_); }
  const std::string& error() const { return error_; }
  const std::string& expected() const { return expected_; }

 private:
  struct Open {
    json* value;
    std::size_t items = 0;
  };
  bool fail(std::string what, std::string expected) {
    error_ = std::move(what);
    expected_ = std::move(expected);
    return false;
  }
  json* slot(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Open& top = stack_.back();
    ++top.items;
    if (top.value->is_array()) {
      top.value->push_back(std::move(v));
      return &top.value->back();
    }
    json& member = (*top.value)[key_];
    member = std::move(v);
    return &member;
  }
  bool within_size() {
    if (stack_.empty()) return true;
    const Open& top = stack_.back();
    if (top.value->is_object() && top.value->contains(key_)) return fail(twice(key_), kOnce);
    if (top.value->is_array() && top.items >= limits::kMaxArrayItems)
      return fail("an array of more than " + std::to_string(limits::kMaxArrayItems) + " items",
                  "at most " + std::to_string(limits::kMaxArrayItems) + " items per array (max_array_items, see `annealcheck limits`)");
    if (top.value->is_object() && top.items >= limits::kMaxObjectMembers)
      return fail("an object of more than " + std::to_string(limits::kMaxObjectMembers) + " members",
                  "at most " + std::to_string(limits::kMaxObjectMembers) + " members per object (max_object_members, see `annealcheck limits`)");
    return true;
  }
  bool put(json v) {
    if (!within_size()) return false;
    slot(std::move(v));
    return true;
  }
  bool open(json v) {
    if (stack_.size() >= limits::kMaxNesting)
      return fail("JSON nested deeper than " + std::to_string(limits::kMaxNesting) + " levels",
                  "at most " + std::to_string(limits::kMaxNesting) + " nested arrays/objects (max_nesting, see `annealcheck limits`)");
    if (!within_size()) return false;
    stack_.push_back({slot(std::move(v))});
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }
  json root_;
  std::vector<Open> stack_;
  std::string key_, error_, expected_;
};

}  // namespace

json parse_exact_json(const std::string& text, const std::string& source) {
  LimitedBuilder builder;
  if (!json::sax_parse(text, &builder)) {
    const std::string expected = builder.expected().empty() ? "a JSON document" : builder.expected();
    throw InputError(source, builder.error().empty() ? "unparsable text" : builder.error(), expected);
  }
  return builder.result();
}

json parse_json_once_keys(const std::string& text, const std::string& field, const std::string& what) {
  std::vector<std::set<std::string>> keys;  // per open object, its keys so far
  const json::parser_callback_t once = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) keys.emplace_back();
    if (event == json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == json::parse_event_t::key && !keys.empty()) {
      const std::string& k = parsed.get_ref<const std::string&>();
      if (!keys.back().insert(k).second) throw InputError(field, what + " (" + twice(k) + ")", kOnce);
    }
    return true;
  };
  return json::parse(text, once);
}

std::string read_text_file(const std::string& path, const std::string& field, const std::string& expected) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(field, quote(path) + " (cannot be opened: " + std::strerror(errno) + ")", expected);
  std::string text;
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    text.append(buf.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > limits::kMaxInputBytes)
      throw InputError(field, quote(path) + " (more than " + std::to_string(limits::kMaxInputBytes) + " bytes)",
                       "a file of at most " + std::to_string(limits::kMaxInputBytes) + " bytes (max_input_bytes, see `annealcheck limits`)");
  }
  if (in.bad()) throw InputError(field, quote(path) + " (read error: " + std::strerror(errno) + ")", expected);
  return text;
}

json read_exact_json_file(const std::string& path) {
  return parse_exact_json(read_text_file(path, path, "a readable JSON file"), path);
}

std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::string: return quote(v.get_ref<const std::string&>());
    case json::value_t::array: return "an array of " + std::to_string(v.size()) + " items";
    case json::value_t::object: return "an object of " + std::to_string(v.size()) + " members";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "the number " + v.dump();  // scalars: dump is short and flat
    default: return "a value of another kind";
  }
}

ExactNumber exact_number(const json& v, const std::string& field) {
  if (v.is_number_float())
    throw InputError(field, describe(v) + " (already rounded to a double: the document was not read with parse_exact_json)",
                     "a number read from its text");
  std::string text;
  if (v.is_string()) text = v.get<std::string>();
  else if (v.is_number_unsigned()) text = std::to_string(v.get<std::uint64_t>());
  else if (v.is_number_integer()) text = std::to_string(v.get<std::int64_t>());
  else throw InputError(field, describe(v), "a number (JSON number or a string like \"1e-30\" or \"2/3\")");
  numeric::RationalParse p = numeric::parse_rational(text);
  if (!p.ok()) {
    const bool nonfinite = p.error.rfind("not finite", 0) == 0;
    throw InputError(field, quote(text) + " (" + p.error + ")",
                     nonfinite ? "a finite number" : "a decimal like \"1e-30\" or a fraction like \"2/3\"");
  }
  return {std::move(text), std::move(p.value)};
}

long exact_integer(const json& v, const std::string& field, long lo, long hi, const std::string& expected) {
  const ExactNumber e = exact_number(v, field);
  if (!e.value.is_integer() || e.value < numeric::Rational(lo) || numeric::Rational(hi) < e.value)
    throw InputError(field, quote(e.text), expected);
  return std::stol(e.value.str());
}

namespace {
const json& member(const json& obj, const std::string& field) {
  if (!obj.is_object()) throw InputError("case", describe(obj), "a JSON object with " + field);
  if (!obj.contains(field)) throw InputError(field, "nothing (missing)", "a value for " + field);
  return obj.at(field);
}
const json& array_member(const json& obj, const std::string& field, const char* expected) {
  const json& a = member(obj, field);
  if (!a.is_array()) throw InputError(field, describe(a), expected);
  return a;
}
std::string in_range(long lo, long hi) { return "an integer in " + std::to_string(lo) + ".." + std::to_string(hi); }
std::string at(const std::string& field, std::size_t i) { return field + "[" + std::to_string(i) + "]"; }
}  // namespace

numeric::Rational read_rational(const json& obj, const std::string& field) { return exact_number(member(obj, field), field).value; }

std::vector<numeric::Rational> read_rationals(const json& obj, const std::string& field) {
  const json& a = array_member(obj, field, "an array of numbers");
  std::vector<numeric::Rational> out;
  for (std::size_t i = 0; i < a.size(); ++i) out.push_back(exact_number(a[i], at(field, i)).value);
  return out;
}

long read_integer(const json& obj, const std::string& field, long lo, long hi) {
  return exact_integer(member(obj, field), field, lo, hi, in_range(lo, hi));
}

std::vector<std::vector<int>> read_int_rows(const json& obj, const std::string& field, int lo, int hi) {
  const json& a = array_member(obj, field, "an array of integer arrays");
  std::vector<std::vector<int>> out;
  for (std::size_t r = 0; r < a.size(); ++r) {
    if (!a[r].is_array()) throw InputError(at(field, r), describe(a[r]), "an array of integers");
    std::vector<int> row;
    for (std::size_t c = 0; c < a[r].size(); ++c)
      row.push_back(static_cast<int>(exact_integer(a[r][c], at(at(field, r), c), lo, hi, in_range(lo, hi))));
    out.push_back(std::move(row));
  }
  return out;
}

json rational_texts(const std::vector<numeric::Rational>& v) {
  json a = json::array();
  for (const auto& q : v) a.push_back(q.str());
  return a;
}

}  // namespace annealcheck::io
