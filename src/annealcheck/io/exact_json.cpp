#include "annealcheck/io/exact_json.hpp"

#include "annealcheck/io/input_error.hpp"

#include <fstream>
#include <sstream>
#include <vector>

namespace annealcheck::io {
namespace {

using nlohmann::json;

// SAX handler building a DOM in which numbers are their literal text.
class ExactNumberBuilder : public nlohmann::json_sax<json> {
 public:
  bool null() override { return put(nullptr); }
  bool boolean(bool v) override { return put(v); }
  bool number_integer(number_integer_t v) override { return put(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return put(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& s) override { return put(s); }
  bool string(string_t& v) override { return put(v); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    error_ = ex.what();
    return false;
  }
  json result() { return std::move(root_); }
  const std::string& error() const { return error_; }

 private:
  json* slot(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    top[key_] = std::move(v);
    return &top[key_];
  }
  bool put(json v) {
    slot(std::move(v));
    return true;
  }
  bool open(json v) {
    stack_.push_back(slot(std::move(v)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }
  json root_;
  std::vector<json*> stack_;
  std::string key_, error_;
};

}  // namespace

json parse_exact_json(const std::string& text, const std::string& source) {
  ExactNumberBuilder builder;
  const bool ok = json::sax_parse(text, &builder);
  if (!ok) {
    throw InputError(source, builder.error().empty() ? "unparsable text" : "malformed JSON (" + builder.error() + ")",
                     "a JSON document");
  }
  return builder.result();
}

json read_exact_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "a file that cannot be opened", "a readable JSON file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_exact_json(ss.str(), path);
}

}  // namespace annealcheck::io
