// Precision-sensitivity audit (issue 5): one problem evaluated at every rung of a
// precision ladder and compared with a certified MPFI reference.
//
// For every rung: each quantity with its correct significant digits against the
// reference enclosure (audit/digits.hpp), each check of SPEC §3 with its verdict,
// the reference's three-valued verdict and whether they agree, the digits of its
// sides and margin, and where the trajectory leaves the reference (audit/
// trajectory.hpp). Then the summary: the smallest rung whose verdicts all agree
// and whose counted quantities all have >= D correct digits, and for every other
// rung the first thing that went wrong, in pipeline order.
//
// The reference starts at --reference bits and doubles, up to a cap, while a
// verdict, where GD stops, a stopping time or a counted quantity's enclosure is
// not decided/narrow enough; each verdict records the precision that decided it.
#pragma once

#include "annealcheck/audit/digits.hpp"
#include "annealcheck/audit/rung.hpp"
#include "annealcheck/interval/reference_result.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::audit {

struct AuditOptions {
  std::vector<engine::TypeSpec> ladder;  // empty: default_ladder()
  long reference_bits = 0;               // 0: max(2·max rung bits, max rung bits + 128)
  long reference_cap_bits = 0;           // 0: 16 × reference_bits
  double min_digits = 10;                // D
  std::size_t checkpoints = 16;          // GF checkpoints (as eval)
  bool closed_form = false;              // also audit the closed-form stopping time (SPEC §6 hazard 4)
  unsigned jobs = 0;                     // rungs audited in parallel; 0: min(2, cores)
};

// float, double, long-double, float128, cpp_bin_float50, gmp_float50, mpfr:64,
// mpfr128, mpfr256, mpfr:512, mpfr1024 (issue 5).
std::vector<engine::TypeSpec> default_ladder();
// Comma-separated ids (see `annealcheck types`); InputError on an unknown or
// non-floating id, or on a repeated one.
std::vector<engine::TypeSpec> parse_ladder(const std::string& text, const std::string& option = "--types");
// "mpfi:BITS" (or "mpfi256"): the starting precision of the reference.
long parse_reference(const std::string& text, const std::string& option = "--reference");

struct QuantityAudit {
  std::string id, label, description;
  bool counted = false;                      // enters the sufficiency test
  std::optional<ExactBinary> value;          // the rung's value, exactly
  std::optional<interval::Enclosure> reference;
  std::optional<Digits> digits;              // absent when either side is missing
  std::string scale = "relative";
};

struct SideAudit {
  std::optional<ExactBinary> value;
  std::optional<interval::Enclosure> reference;
  std::optional<Digits> digits;
};

struct CheckAudit : engine::CheckHead {   // the rung's check as `eval` reports it, and:
  interval::Certainty reference = interval::Certainty::Undecided;
  std::optional<long> decided_at_bits;
  std::optional<bool> agrees;                // nullopt: reference undecided
  bool stepwise = false;                     // judged at the rung's own point
  SideAudit lhs, rhs, margin;                // margin digits at scale max(|lhs|, |rhs|)
};

struct RungAudit {
  std::string type_id;
  long bits = 0;
  double seconds = 0;
  std::string error;
  std::vector<QuantityAudit> quantities;
  std::vector<CheckAudit> checks;
  std::vector<SegmentReport> trajectory;
  long gd_steps = 0;
  bool gd_stopped_early = false;
  std::string P;                             // "{1,2}"
  std::vector<std::string> problems;         // pipeline order; empty: sufficient
  bool sufficient = false;
  double min_counted_digits = 0;
  std::string min_counted_what;
};

struct ReferenceVerdict {
  std::string label;
  interval::Certainty verdict = interval::Certainty::Undecided;
  std::optional<long> decided_at_bits;
  std::string how, note;
};

struct CertifiedReference {
  std::vector<long> bits_tried;
  interval::ReferenceResult final;           // at the highest precision tried
  std::vector<ReferenceVerdict> verdicts;    // same order as final.checks
  std::vector<std::string> still_undecided;  // at the cap
  double seconds = 0;
};

struct AuditSummary {
  std::optional<std::string> smallest_sufficient;
  long smallest_sufficient_bits = 0;
  struct Flagged {
    std::string type_id;
    long bits = 0;
    std::string first_problem;
    std::size_t problems = 0;
  };
  std::vector<Flagged> insufficient;         // every insufficient rung, by bits
  std::vector<std::string> caveats;          // e.g. verdicts the reference left undecided
};

struct AuditResult {
  std::string problem_kind;                  // "instance" or "prop1"
  std::string problem_source;
  interval::ExactProblem exact;
  AuditOptions options;                      // resolved (ladder, bits, jobs)
  CertifiedReference reference;
  std::vector<RungAudit> rungs;              // ladder order
  AuditSummary summary;
  double seconds = 0;
};

// The reference alone (doubling from start_bits up to cap_bits while undecided).
CertifiedReference certify_reference(const interval::ExactProblem& e, long start_bits, long cap_bits,
                                     std::size_t checkpoints, double min_digits);

AuditResult run_audit(const engine::Problem& p, const AuditOptions& opt);

}  // namespace annealcheck::audit
