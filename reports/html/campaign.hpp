// What the HTML report (html_page.hpp) shows: one campaign — a `verify` run of
// the catalog, a single `check`, or an `audit` — as plain data, filled by the
// command that ran it. The page is a pure function of this (plus gnuplot).
#pragma once

#include "annealcheck/audit/audit.hpp"
#include "properties/registry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::report::html {

struct CampaignHeader {
  std::string title = "annealcheck verify";
  std::string command;              // the command line that ran it
  std::string version;              // annealcheck_version()
  std::string catalog;              // "28 properties (24 true, 5 false claims)"
  std::string seed;                 // "2005073600 (default)"
  std::vector<std::string> types;   // the types run
  std::string cases;                // "each property's own" / "20 per property and type"
  double wall_seconds = 0;
  std::string machine;              // machine_description()
};

// One property × type of the campaign.
struct CampaignRun {
  std::string property_id, type;
  std::string statement;  // the property's (PropertyInfo::statement)
  std::string verdict;   // as the table says: "holds", "refuted as expected", "FAILED", "SURVIVED", "ERROR"
  bool ok = false;
  std::string detail;    // why not ok (empty when ok)
  std::string report;    // path of the counterexample report (JSON), when one was written
  std::optional<properties::RunResult> run;  // absent when the worker gave no result
};

struct Campaign {
  CampaignHeader header;
  std::vector<CampaignRun> runs;
  const audit::AuditResult* audit = nullptr;  // `audit --html`: the audit to draw (not owned)
};

std::string annealcheck_version();  // project version (CMake), e.g. "0.1.0"
// "hostname, Linux 6.1.0 x86_64, 2 cores, Intel(R) ..." (uname, /proc/cpuinfo).
std::string machine_description();
// The run in a worker's stdout (properties::run_from_json), or nullopt when it is not one.
std::optional<properties::RunResult> parse_run(const std::string& worker_stdout);
// A CampaignRun from a finished run, with the verdict words `verify` uses.
CampaignRun campaign_run(const properties::RunResult& r, const std::string& report_path);

}  // namespace annealcheck::report::html
