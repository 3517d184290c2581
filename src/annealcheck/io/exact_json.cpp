#include "annealcheck/io/exact_json.hpp"

#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace annealcheck::io {
namespace {

using nlohmann::json;

// SAX handler building a DOM (numbers as their literal text in Numbers::Text) and
// enforcing the nesting and size limits while it reads.
class LimitedBuilder : public nlohmann::json_sax<json> {
 public:
  explicit LimitedBuilder(Numbers numbers) : numbers_(numbers) {}
  bool null() override { return put(nullptr); }
  bool boolean(bool v) override { return put(v); }
  bool number_integer(number_integer_t v) override { return numbers_ == Numbers::Text ? put(std::to_string(v)) : put(v); }
  bool number_unsigned(number_unsigned_t v) override { return numbers_ == Numbers::Text ? put(std::to_string(v)) : put(v); }
  bool number_float(number_float_t v, const string_t& s) override { return numbers_ == Numbers::Text ? put(s) : put(v); }
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
  Numbers numbers_;
  json root_;
  std::vector<Open> stack_;
  std::string key_, error_, expected_;
};

}  // namespace

json parse_json(const std::string& text, const std::string& source, Numbers numbers) {
  LimitedBuilder builder(numbers);
  if (!json::sax_parse(text, &builder)) {
    const std::string expected = builder.expected().empty() ? "a JSON document" : builder.expected();
    throw InputError(source, builder.error().empty() ? "unparsable text" : builder.error(), expected);
  }
  return builder.result();
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

}  // namespace annealcheck::io
