// What `verify` and `merge` show of a campaign (campaign/): one row
// per property x type from its merged chunks, the refutation reports written,
// then the table, JSON or JUnit. Both commands compute a CampaignResult and
// hand it here, so one run and any merge of its shards print the same thing.
#pragma once

#include "campaign/merge.hpp"
#include "campaign/plan.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::cli {

struct Row {
  std::string id, type;
  bool refuted = false;
  std::string verdict = "ERROR";  // holds / refuted as expected / FAILED / SURVIVED / INCOMPLETE / ERROR
  bool ok = false;
  int cases = 0, chunks = 0;
  std::string margin;         // smallest relative margin seen (label @ where)
  double relative_bound = 0;  // the error bound of that check, relative (lemma2/error_bounds.md); > 1e-6 is weak
  int within_rounding = 0, unrepresentable = 0;  // cases the type could not decide
  double seconds = 0;         // summed over the chunks (CPU of the workers, not wall time)
  std::string report, detail;
  std::vector<std::string> further_reports;  // reports of the lowest failing chunks above the stopping one
  int further_failing = 0;                   // failing chunks above the stopping one, all of them
  std::string certified;                     // --certified: "proved 20 (3 ties)", "certified refuted", ...
  std::map<std::string, int> certified_counts;
  // Identities measured (issue 21, item 3): the least accurate one, "E5 15.2/13.1"
  // (digits its sides agree to / the tolerance its error bounds state), empty when none.
  std::string accuracy;
  double agree_digits = 0, tolerance_digits = 0;
};

struct Presentation {
  std::string report_dir = "reports", format = "table";
  std::optional<std::string> junit;
  std::string suite = "annealcheck verify";
  double wall_seconds = 0;
  std::optional<std::string> html;  // --html DIR: the report page (reports/html/), written atomically
};

// Rows in campaign order; writes each failing task's report (and further ones) into report_dir.
std::vector<Row> campaign_rows(const properties::campaign::Campaign& c, const properties::campaign::CampaignResult& r,
                               const std::string& report_dir);
// Prints the table or JSON (and writes JUnit and the HTML page); returns the exit status: 0 when every
// row is as the catalog expects and no chunk is missing, else 1.
int present_campaign(const properties::campaign::Campaign& c, const properties::campaign::CampaignResult& r, const Presentation& p);

}  // namespace annealcheck::cli
