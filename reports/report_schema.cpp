#include "reports/report_schema.hpp"

#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"

namespace annealcheck::report {

using nlohmann::json;

namespace {

// The value at a dotted path of a report, checked for its kind (InputError naming
// the field otherwise): the schema check of every field a reader uses.
const json& report_field(const json& j, const std::string& path, json::value_t kind, const std::string& what) {
  const json* v = &j;
  std::size_t from = 0;
  while (true) {
    const std::size_t dot = path.find('.', from);
    const std::string key = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
    if (!v->is_object() || !v->contains(key)) throw InputError(path, "nothing (missing)", what + " (schema " + kReportSchema + ")");
    v = &(*v)[key];
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  if (v->type() != kind) throw InputError(path, io::describe(*v), what + " (schema " + kReportSchema + ")");
  return *v;
}

}  // namespace

json parse_report(const std::string& text, const std::string& path) {
  json j;
  try {
    j = io::parse_exact_json(text, path);  // the case's numbers as their text (io/exact_json.hpp)
  } catch (const InputError& e) {
    throw InputError("REPORT", quote(path) + " (" + (e.value().rfind("malformed", 0) == 0 ? "malformed or truncated JSON: " : "") + e.value() + ")",
                     e.value().rfind("malformed", 0) == 0 ? "a complete report JSON file" : e.expected());
  }
  if (!j.is_object() || !j.contains("schema") || j["schema"] != kReportSchema)
    throw InputError("schema", j.is_object() && j.contains("schema") ? io::describe(j["schema"]) : "nothing (missing) in " + quote(path),
                     std::string("a report with \"schema\": \"") + kReportSchema + "\"");
  using T = json::value_t;
  report_field(j, "property.id", T::string, "a property id (a string)");
  report_field(j, "type.id", T::string, "a number type id (a string)");
  if (!j.contains("instance")) throw InputError("instance", "nothing (missing)", std::string("the report's case (schema ") + kReportSchema + ")");
  report_field(j, "rapidcheck", T::object, "RapidCheck's seed and reproduce string (an object)");
  for (const char* key : {"violation.label", "violation.lhs", "violation.rhs", "violation.where"})
    report_field(j, key, T::string, "a string");
  return j;
}

}  // namespace annealcheck::report
