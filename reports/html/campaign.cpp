#include "reports/html/campaign.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#ifndef ANNEALCHECK_VERSION
#error "ANNEALCHECK_VERSION is set by reports/CMakeLists.txt from the project version"
#endif

namespace annealcheck::report::html {

std::string annealcheck_version() { return ANNEALCHECK_VERSION; }

std::string machine_description() {
  std::string s;
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) s = host;
  utsname u{};
  if (uname(&u) == 0) s += fmt::format("{}{} {} {}", s.empty() ? "" : ", ", u.sysname, u.release, u.machine);
  s += fmt::format(", {} cores", std::thread::hardware_concurrency());
  std::ifstream cpu("/proc/cpuinfo");
  for (std::string line; std::getline(cpu, line);)
    if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos) {
      s += ", " + line.substr(line.find(':') + 2);
      break;
    }
  return s;
}

std::optional<properties::RunResult> parse_run(const std::string& worker_stdout) {
  try {
    return properties::run_from_json(nlohmann::json::parse(worker_stdout));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

CampaignRun campaign_run(const properties::RunResult& r, const std::string& report_path) {
  CampaignRun c;
  c.property_id = r.property_id;
  c.type = r.type_id;
  c.statement = properties::property_info(r.property_id).statement;
  c.ok = properties::run_succeeded(r);
  c.verdict = properties::verdict_word(r, c.ok);
  c.detail = properties::run_failure_reason(r);
  if (r.outcome == properties::Outcome::Failed && r.counterexample) c.report = report_path;
  c.run = r;
  return c;
}

}  // namespace annealcheck::report::html
