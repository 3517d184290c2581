#include "reports/html_report.hpp"

#include "properties/registry.hpp"
#include "reports/html/report_dir.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace annealcheck::cli {

void check_html_target(const std::string& dir) {
  const std::string probe = report::html::begin_directory(dir, "--html");
  std::error_code ec;
  std::filesystem::remove_all(probe, ec);
}

report::html::CampaignHeader html_header(const std::string& command, const std::vector<std::string>& types, std::optional<int> cases,
                                         std::optional<std::uint64_t> seed, double wall_seconds) {
  report::html::CampaignHeader h;
  h.title = "annealcheck " + command;
  h.command = "annealcheck " + command;
  std::string type_list;
  for (const auto& t : types) type_list += (type_list.empty() ? "" : ",") + t;
  if (!type_list.empty()) h.command += " --types " + type_list;
  if (cases) h.command += " --cases " + std::to_string(*cases);
  if (seed) h.command += " --seed " + std::to_string(*seed);
  h.version = report::html::annealcheck_version();
  std::size_t holds = 0, refuted = 0;
  for (const auto& p : properties::catalog()) (p.kind == properties::PropertyKind::Holds ? holds : refuted)++;
  h.catalog = fmt::format("{} properties ({} true, {} known-false claims)", holds + refuted, holds, refuted);
  h.seed = seed ? std::to_string(*seed) : fmt::format("{} (default)", properties::default_seed());
  h.types = types;
  if (types.empty())  // every type of the catalog
    for (const auto& p : properties::catalog())
      for (const auto& t : p.types)
        if (std::find(h.types.begin(), h.types.end(), t) == h.types.end()) h.types.push_back(t);
  h.cases = cases ? fmt::format("{} per property and type", *cases) : "each property's own default";
  h.wall_seconds = wall_seconds;
  h.machine = report::html::machine_description();
  return h;
}

}  // namespace annealcheck::cli
