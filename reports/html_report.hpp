// `--html DIR` of verify, check and audit (issue 15): the campaign header from a
// command's options, and the early check that DIR can take a report (before any
// work, so a bad path is exit 2 at once). The page itself: reports/html/.
#pragma once

#include "reports/html/campaign.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::cli {

// InputError (field "--html") unless DIR is new or an earlier report directory in a writable directory.
void check_html_target(const std::string& dir);

// Header of a campaign of `command` ("verify", "check ID", "audit FILE"), with the options as given.
report::html::CampaignHeader html_header(const std::string& command, const std::vector<std::string>& types, std::optional<int> cases,
                                         std::optional<std::uint64_t> seed, double wall_seconds);

}  // namespace annealcheck::cli
