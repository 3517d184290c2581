// Reading a counterexample report: the JSON (with the limits of io/exact_json.hpp)
// and a schema check of every field a reader uses — property.id, type.id,
// instance, rapidcheck, violation.{label,lhs,rhs,where} — each present and of its
// kind, else an InputError naming the field (exit 2). No dependency on the
// property catalog, so the fuzz harness (fuzz/report_reader_fuzz.cpp) links it alone.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace annealcheck::report {

inline constexpr const char* kReportSchema = "annealcheck/counterexample-report/1";

// `text` is the content of the report file `path` (named in messages).
nlohmann::json parse_report(const std::string& text, const std::string& path);

}  // namespace annealcheck::report
