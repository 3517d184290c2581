// `annealcheck merge DIR... [--report-dir D]`: the partial results of a campaign's
// shards (`verify --shard I/N --out DIR`, or directories of `verify --out` /
// MPI runs) combined into the table and exit status of one run
// (cli/campaign_table.hpp). Every DIR must hold the same campaign (seed, cases,
// chunk size, filters, text claims, annealcheck version, catalog hash) as this
// executable plans it: otherwise exit 2 naming the difference. Text claims
// (verify --claims) are read from campaign.json: no claims file is needed. Chunks no DIR holds are
// listed per property x type, and the exit status is then 1.
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/input_error.hpp"
#include "cli/campaign_table.hpp"
#include "cli/claim_option.hpp"
#include "cli/commands.hpp"
#include "reports/html_report.hpp"
#include "cli/options.hpp"
#include "campaign/store.hpp"

#include <chrono>
#include <memory>

namespace annealcheck::cli {

Command add_merge_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> dirs;
    std::string report_dir = "reports", format = "table";
    std::optional<std::string> junit, html;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("merge", "Combine the partial results of a campaign's shards (verify --shard I/N --out DIR) into one table");
  cmd->add_option("dirs", o->dirs, "Campaign directories (verify --out / --shard ... --out)")->required();
  cmd->add_option("--report-dir", o->report_dir, "Where refutation reports go")->capture_default_str();
  cmd->add_option("--format", o->format, "table or json")->check(one_of({"table", "json"}))->capture_default_str();
  cmd->add_option("--junit", o->junit, "Also write JUnit XML to this file (written atomically)");
  cmd->add_option("--html", o->html, "Also write the static HTML report into this directory (written atomically)");
  return {cmd, [o] {
            namespace campaign = properties::campaign;
            const auto t0 = std::chrono::steady_clock::now();
            const nlohmann::json first = campaign::read_identity(o->dirs.front(), "DIR");
            for (std::size_t i = 1; i < o->dirs.size(); ++i)
              if (const std::string why = campaign::campaign_mismatch(first, campaign::read_identity(o->dirs[i], "DIR")); !why.empty())
                throw InputError("DIR", quote(o->dirs[i]) + " (another campaign than " + quote(o->dirs.front()) + "; " + why + ")",
                                 "partial results of one campaign (the same seed, cases, chunk sizes, filters, claims and catalog)");
            // The campaign's text claims (verify --claims), recorded in campaign.json, become properties again.
            const campaign::CampaignSpec spec = campaign::spec_from_identity(first);
            register_campaign_claims(std::nullopt, spec.claims, o->dirs.front() + "/campaign.json");
            const campaign::Campaign c = campaign::plan_campaign(spec);
            if (const std::string why = campaign::campaign_mismatch(first, campaign::campaign_identity(c)); !why.empty())
              throw InputError("DIR", quote(o->dirs.front()) + " (recorded by another annealcheck or catalog; " + why + ")",
                               "partial results of the campaign as this annealcheck plans it");
            io::prepare_output_dir(o->report_dir, "--report-dir");
            if (o->html) check_html_target(*o->html);
            campaign::ChunkResults results;
            for (const auto& d : o->dirs) results.merge(campaign::load_chunks(d, c));  // a chunk in two dirs: the same run, counted once
            const campaign::CampaignResult r = campaign::merge_campaign(c, results);
            return present_campaign(c, r, Presentation{o->report_dir, o->format, o->junit, "annealcheck merge",
                                                       std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), o->html});
          }};
}

}  // namespace annealcheck::cli
