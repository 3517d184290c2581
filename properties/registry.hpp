// The property catalog: every property of Lemma 2 / Proposition 1 (SPEC §1–§5)
// that the harness checks over generated cases, and every known-false claim it
// must refute (F1–F5), behind one registry that gtest and the CLI both use.
//
// Light header (no RapidCheck, no Boost): include it from the CLI.
//
//   for (const PropertyInfo& p : catalog()) ...               // `list`
//   RunResult r = run_property("lemma2.gf-lower-bound", opts); // `check`
//   CaseReport c = check_case(id, "mpfr256", json);            // `verify` one case
//   RunOptions o; o.reproduce = "...";  run_property(id, o)    // `replay`
//
// Contract of a run (run_property):
//   * generates opts.cases cases with RapidCheck from the seed (the same seed
//     and id give the same case sequence at every type, except where a property
//     caps a type's cost: mpq runs cap d and K, the (3,0) case caps K at 400 in
//     double), checks each at opts.type, and shrinks a failure to a small
//     counterexample (at most opts.shrink_budget evaluations);
//   * a property of kind Holds succeeds when no case fails; a property of kind
//     Refuted (a false claim, SPEC §3 notes) succeeds when a counterexample is
//     found AND shrunk within the limits in PropertyInfo (see run_succeeded);
//   * every verdict carries both sides of the failing (or tightest) inequality
//     at the type's full precision, the margin, the allowance in units of the
//     type's epsilon, and where (GD step t, GF checkpoint j) it was decided.
// Bad input (unknown id, a type the property is not built for, max_dim below
// the property's minimum, a malformed case, a bad RC_PARAMS / ANNEALCHECK_THOROUGH,
// a reproduce string recorded for another property@type) throws annealcheck::InputError
// (field, value, expectation: the CLI's exit 2). A run that ends is never an
// exception: run_succeeded(r) says whether it is what the catalog expects (exit 0)
// or not (exit 1).
//
// Environment (read only when RunOptions::read_environment, for unset options):
//   RC_PARAMS="seed=N max_success=N max_size=N max_discard_ratio=N noshrink=1 reproduce=…"
//   ANNEALCHECK_THOROUGH=F   multiplies the default case counts (the `thorough` preset: 10)
// The default seed is fixed (default_seed()); RapidCheck runs with seed xor fnv1a(id).
//
// RunOptions::case_log receives one line per generated case, deterministic for a
// given seed (no timings), e.g.
//   [lemma2.gf-lower-bound@double] #3 d=3 k=2 |P|=1 K=41 ... tags=[near-degenerate<1e-20] case=e69c772ee411a9f4: PASS G rel.margin=+1.000e+00 slack=1.000e+00 @ GF stop (checkpoint 2, t = 2550.82)
// (case = FNV-1a hash of the exact case JSON; FAIL lines are followed by shrinking).
#pragma once

#include "properties/margin_histogram.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annealcheck::model {
struct InstanceSpec;
}

namespace annealcheck::properties {

enum class PropertyKind {
  Holds,    // a true statement: every case must pass (ctest label `property`)
  Refuted,  // a false claim: a counterexample must be found and shrunk (label `falsify`)
};

struct PropertyInfo {
  std::string id;                  // stable, e.g. "lemma2.gf-lower-bound"
  std::string statement;           // one line citing SPEC labels
  PropertyKind kind = PropertyKind::Holds;
  std::vector<std::string> types;  // number types it is built for, e.g. {"double", "mpfr256", "mpq"}
  std::map<std::string, int> default_cases;  // per type: cases per run before ANNEALCHECK_THOROUGH
  std::size_t min_dim = 1;         // smallest dimension its generator makes
  std::size_t max_dim = 64;        // largest dimension its generator makes (RunOptions::max_dim clamps it)
  std::string case_format;         // the JSON fields of one case (for `verify`)
  // Refuted claims only: the shrunk counterexample must have dim <= refute_max_dim
  // and, when set, K == refute_K.
  std::size_t refute_max_dim = 0;
  std::optional<long> refute_K;
  // Text claims (claims/): the claim and its premises, recorded in reports so replay re-parses it.
  std::string claim, claim_given;
  // Also built for the runtime-precision rung: any "mpfr:BITS", and "mpfr:random" (a
  // precision per case in [24, 2048] from the case's hash; property_def.hpp).
  bool runtime_mpfr = false;
};

// "mpfr:BITS" (a valid runtime precision) or "mpfr:random".
bool is_runtime_mpfr_type(std::string_view type);

// One inequality decided on one case in one number type, by the one decision rule
// (lemma2/inequality.hpp): outcome "holds" / "fails" beyond the error bound of
// both sides, "within rounding" (|margin| <= bound: the type cannot decide; the
// case does not count against a true property, and cannot refute a false claim),
// "not representable" (a side overflows in the type), or "n/a".
struct Verdict {
  bool holds = true;        // outcome != "fails"
  std::string outcome = "n/a";
  std::string label;        // SPEC label: "G", "A", "P3", "E3.max", "C2 (premise)", ...
  std::string statement;    // the inequality in symbols
  std::string relation;     // "<=", ">=", "==" (two-sided), ...
  std::string lhs, rhs;     // full precision in the type (read back to the same value)
  std::string margin;       // signed; >= -allowance means it holds
  double relative_margin = 0;  // margin / max(|lhs|, |rhs|), for display only
  double relative_slack = 0;   // (margin + bound) / max(|lhs|, |rhs|): distance to failing; ranks the closest case
  double relative_bound = 0;   // error bound of the margin / max(|lhs|, |rhs|) (0: exact type); > 1e-6 is weak
  long needed_bits = 0;        // within rounding: the significand bits that would decide it (0: an exact tie)
  std::string where;        // "GD step 3", "GF checkpoint 7 (t = ...)", "GF stop", "premise", ...
  std::string type_id;      // "double", "mpfr256", "mpq"
  long bits = 0;            // significand bits of the type (0 for mpq)
  std::string note;
  // Identities measured on the case (lemma2::measure_identity; issue 21, item 3): the
  // least accurate one, the digits its sides agree to and the tolerance its error
  // bounds state, both relative (+inf: equal). Empty label: none measured.
  std::string accuracy_label;
  double agree_digits = 0, tolerance_digits = 0;
};

// A case decided with certified arithmetic (RunOptions::certified): MPFI enclosures
// from the exact case (the certified reference of src/annealcheck/certified/), or
// exact rationals. decision: "proved", "refuted", "undecided", "undecided tie", "n/a".
struct CertifiedVerdict {
  std::string decision = "n/a";
  std::string label;        // the deciding check: the first refuted, else undecided, else tie, else the last proved
  long bits = 0;            // MPFI precision that decided it (0: exact rationals)
  std::string margin;       // the deciding check's margin enclosure, "[lo, hi]" (short), when it has one
  std::string how, note;
  int ties = 0;             // undecided ties among the checks asked
  std::vector<std::string> checks;  // "label: decision (how)" for every check asked
};

struct CaseReport {
  std::string case_json;    // the case, exact (rationals as "p/q" text); reads back with check_case
  std::string summary;      // "d=5 k=3 K=12 ..."
  std::vector<std::string> tags;
  std::size_t dim = 0;
  std::optional<long> K;    // GD steps, when the case has them
  Verdict verdict;          // the first failing inequality, or else the tightest one
  bool discarded = false;   // not evaluable in this type (e.g. overflow in double); reason in verdict.note
  std::optional<CertifiedVerdict> certified;  // certified runs only
};

struct RunOptions {
  std::string type = "double";
  std::optional<std::uint64_t> seed;   // default: RC_PARAMS seed=, else default_seed()
  std::optional<int> cases;            // default: RC_PARAMS max_success=, else default_cases × ANNEALCHECK_THOROUGH
  std::optional<std::size_t> max_dim;  // default and upper limit: PropertyInfo::max_dim
  std::optional<std::string> reproduce;  // RapidCheck reproduce string (from a RunResult or RC_PARAMS reproduce=)
  std::optional<bool> shrink;          // default: true unless RC_PARAMS noshrink=1
  int shrink_budget = 4000;            // property evaluations spent shrinking at most
  bool read_environment = true;        // read RC_PARAMS and ANNEALCHECK_THOROUGH for unset fields
  std::ostream* case_log = nullptr;    // one line per generated case (deterministic text)
  // Also decide every generated case (not the shrink steps) and the shrunk
  // counterexample with certified arithmetic. Default cases of a true property:
  // min(default, certified_default_cases()); a false claim keeps its own.
  bool certified = false;
  // Point verdicts only (today's `--fast`): no decision on the exact case. Default
  // (neither): filtered — a case the point value and its error bound decide is proved
  // by them; within-rounding, unrepresentable, failing and n/a cases are decided on
  // the exact case as with `certified`; identities are accuracy measurements; a false
  // claim's counterexample is decided on the exact case (issue 21).
  bool fast = false;
};

enum class Outcome { Passed, Failed, GaveUp, Error };

struct RunResult {
  std::string property_id, type_id;
  long bits = 0;
  PropertyKind kind = PropertyKind::Holds;
  Outcome outcome = Outcome::Error;
  std::uint64_t seed = 0;              // as given (RC_PARAMS / option / default)
  std::uint64_t effective_seed = 0;    // seed mixed with the property id: what RapidCheck used
  int cases_requested = 0;
  int cases_run = 0;                   // cases that passed (RapidCheck's numSuccess) + the failing one
  int discarded = 0;
  int within_rounding = 0;             // cases whose reported decision was within rounding (counted in cases_run)
  int unrepresentable = 0;             // cases where a side overflowed in the type (counted in cases_run)
  int shrink_evaluations = 0, shrinks_accepted = 0;
  bool shrink_budget_exhausted = false;
  // Refuted Lemma 2 claims: coordinates removed from RapidCheck's shrunk counterexample
  // afterwards (support/lemma2_reduce.hpp; counted in shrink_evaluations), and its dimension
  // before (0: not reduced). `counterexample` is the reduced case; `reproduce` replays it
  // (the reduction is deterministic and runs again after the replayed shrink).
  int reduction_steps = 0;
  std::size_t reduced_from_dim = 0;
  std::optional<CaseReport> closest;         // the case with the smallest relative slack seen (closest to failing)
  // The case whose measured identity (Verdict::accuracy_label) agrees least beyond its
  // stated tolerance: the smallest agree_digits − tolerance_digits (issue 21, item 3).
  std::optional<CaseReport> least_accurate;
  std::optional<CaseReport> counterexample;  // failed runs: the shrunk counterexample
  std::optional<CaseReport> original;        // failed runs: the first failing case, before shrinking
  std::string reproduce;    // RC_PARAMS value replaying the shrunk counterexample ("reproduce=..."), failures only
  bool not_in_reproduce_map = false;  // RC_PARAMS held a reproduce map for other properties: no case was run
  std::string message;      // RapidCheck's description (failure), gave-up reason or error
  std::map<std::string, int> tag_counts;                      // per generator tag, over cases run
  std::map<std::vector<std::string>, int> distribution;       // RapidCheck's RC_TAG distribution
  MarginHistogram margins;  // relative margins of the generated cases (not shrink steps): margin_histogram.hpp
  double seconds = 0;
  // Certified runs: generated cases by certified decision ("proved", "refuted", "undecided",
  // "undecided tie", "n/a"); a true property succeeds only when every case is proved or an
  // undecided tie, a false claim only when its counterexample is certified refuted.
  bool certified = false;              // decisions recorded: certified (every case) or filtered (the default)
  bool filtered = false;               // the filtered default (not --certified, not --fast)
  std::map<std::string, int> certified_counts;
  std::optional<CaseReport> certified_first_unproved;  // the first case neither proved nor a tie
};

// All built-in properties, sorted by id (registered text claims are not in it:
// a campaign plans them from its own list, campaign/plan.cpp).
const std::vector<PropertyInfo>& catalog();
// Throws InputError(field "property") listing the ids when unknown.
const PropertyInfo& property_info(std::string_view id);
// Throws InputError (field --type) naming the types `info` is built for, unless `type` is one.
void require_type(const PropertyInfo& info, const std::string& type);

RunResult run_property(std::string_view id, const RunOptions& options = {});
// The case count run_property(id) makes at `type` when RunOptions::cases is unset
// (default × ANNEALCHECK_THOROUGH, RC_PARAMS max_success=, the certified cap);
// how `verify` sizes a campaign's tasks and chunks (campaign/plan.hpp).
int resolved_cases(std::string_view id, const std::string& type, bool certified);

// The check of property `id` on one case (JSON as in CaseReport::case_json; for
// Lemma 2 properties an ordinary instance file also works) at `type`.
CaseReport check_case(std::string_view id, const std::string& type, const nlohmann::json& case_json);

// n Lemma 2 instances drawn from property `id`'s own generator (at its first
// type, sizes ramping as in a RapidCheck run), deterministic in (id, seed): what
// `audit --property` audits. Throws InputError (field "--property") when the id
// is unknown or its cases carry no Lemma 2 instance.
std::vector<model::InstanceSpec> lemma2_instances(std::string_view id, std::size_t n, std::uint64_t seed);
bool has_lemma2_instances(std::string_view id);

// Holds: Passed. Refuted: Failed with a shrunk counterexample within the limits.
bool run_succeeded(const RunResult& r);
// Certified mode: the default case count cap of a true property (each case is also decided in MPFI).
int certified_default_cases();
// The certified decision of property `id` on one case (as check_case); "n/a" when the
// property has no certified check.
CertifiedVerdict certify_case(std::string_view id, const nlohmann::json& case_json);
// "proved (12 ties)", "certified refuted", "3 undecided", ... for tables.
std::string certified_summary(const RunResult& r);
// Why not (empty when run_succeeded).
std::string run_failure_reason(const RunResult& r);
// The word the campaign table and the HTML report give a run: "holds", "holds (N
// rounding)", "refuted as expected", "FAILED" (a true property that did not pass) or
// "SURVIVED" (a false claim not refuted). `refuted`: the claim is known false; `ok`: the
// run met that expectation (run_succeeded, and in a campaign every chunk counted).
// With decisions (the default, or --certified) a true property that holds is named by
// its decisions instead: "proved 400 (3 ties)", "accurate 400" (identities measured),
// and a refuted false claim "refuted (certified)".
std::string verdict_word(bool refuted, bool ok, int within_rounding);
std::string verdict_word(const RunResult& r, bool ok);
// a.agree_digits − a.tolerance_digits < b's: `a` is nearer its stated tolerance.
bool less_accurate(const Verdict& a, const Verdict& b);

std::uint64_t default_seed();  // 2005073600 (arXiv 2005.07360)

// Text report of a run: outcome, counts, tags, closest case or counterexample,
// seed and the RC_PARAMS line that replays it.
std::string render_run(const RunResult& r);
std::string render_verdict(const Verdict& v);
// "A refuted — violation certified (MPFI, 128 bits), margin [...] [how]".
std::string render_certified(const CertifiedVerdict& v);
// "violation certified (MPFI, 128 bits)" / "violation certified (exact rationals)" /
// "violation NOT certified (undecided ...)": the sentence reports and replays state.
std::string certified_statement(const CertifiedVerdict& v);
// The "certified" object of a counterexample report: decision, statement, label, bits, margin, how, note.
nlohmann::json certified_report_json(const CertifiedVerdict& v);
namespace detail {
const char* outcome_name(Outcome o);                         // "passed", "failed", ... (properties/run_json.cpp)
nlohmann::json certified_json(const CertifiedVerdict& v);  // a certified decision as JSON
}  // namespace detail

// A run as JSON (`check --format json`) and back: run_from_json(run_to_json(r))
// equals r (how `verify` reads its workers' results).
nlohmann::json run_to_json(const RunResult& r);
RunResult run_from_json(const nlohmann::json& j);  // throws InputError on a malformed document

}  // namespace annealcheck::properties
