// Counterexample reports: what a failed property run leaves on disk, so that a
// reader can see what broke, keep it, and replay it.
//
//   DIR/<property-id>-<type>-<seed>.json   machine-readable, schema schemas/counterexample-report.schema.json
//   DIR/<property-id>-<type>-<seed>.md     the same for people
//
// One pair per refutation: a campaign (`verify`) runs each property at each of its
// types once, with one seed, so no two of its runs share a name; another seed
// names its own pair. (The type id's characters outside [A-Za-z0-9._-], such as
// the ':' of "mpfr:300", become '_'.)
//
// Contents: the property and its statement; the shrunk case in full precision (for
// Lemma 2 properties an instance file that `annealcheck eval` reads); the
// inequality that broke with lhs, rhs, absolute and relative margin; the GD step or
// GF checkpoint where it first broke; number type and bits; the size of the
// original (unshrunk) case and the shrink steps; RapidCheck's seed and reproduce
// string; the commands that replay it. Both files are written atomically.
#pragma once

#include "reports/report_schema.hpp"
#include "properties/registry.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace annealcheck::report {


// "<property-id>-<type>-<seed>"
std::string report_stem(const properties::RunResult& r);

// The report document of a failed run (r.counterexample set).
nlohmann::json build_report(const properties::RunResult& r, const std::string& json_path);
std::string render_markdown(const nlohmann::json& report);

struct WrittenReport {
  std::string json_path, markdown_path;
};
// Where write_report(r, dir) puts the pair.
WrittenReport report_paths(const properties::RunResult& r, const std::string& dir);
// Writes both files atomically into dir (created if missing). Throws InputError
// (field "--report-dir") when it cannot. `extra`: top-level fields added to the
// report (e.g. "precision", claims/precision_shrink.hpp).
WrittenReport write_report(const properties::RunResult& r, const std::string& dir, const nlohmann::json& extra = nlohmann::json::object());

// Reads and checks a report (missing, truncated or malformed files: InputError
// naming the file and what is wrong).
nlohmann::json read_report(const std::string& path);

}  // namespace annealcheck::report
