// Text and JSON renderings of an audit (JSON: schemas/audit.schema.json).
#pragma once

#include "annealcheck/audit/audit.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace annealcheck::audit {

std::string render_table(const AuditResult& a);
nlohmann::json render_json(const AuditResult& a);

// Correct digits per rung for the plot and the table: one series per counted
// quantity plus the worst margin. Exact values are drawn at the rung's nominal
// digits (bits·log10 2): the plot shows precision, not the reference's cap.
struct DigitSeries {
  std::string name;
  std::vector<std::optional<double>> digits;  // per rung, ladder order
};
std::vector<DigitSeries> digit_series(const AuditResult& a);

}  // namespace annealcheck::audit
