#include "properties/support/runner.hpp"

#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "properties/support/fnv1a.hpp"

#include <rapidcheck/detail/Configuration.h>
#include <rapidcheck/detail/TestListener.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <ostream>
#include <sstream>

namespace annealcheck::properties::detail {

using rc::detail::CaseResult;

[[noreturn]] void fail_case(const std::string& message) { throw CaseResult(CaseResult::Type::Failure, message); }
[[noreturn]] void discard_case(const std::string& message) { throw CaseResult(CaseResult::Type::Discard, message); }

std::string case_hash(const std::string& s) { return fmt::format("{:016x}", fnv1a(s)); }

CertifiedVerdict certify_safely(const ResolvedOptions& o, const std::string& case_json) {
  CertifiedVerdict v;
  if (!o.certify) {
    v.note = "this property has no certified check";
    return v;
  }
  try {
    return o.certify(io::parse_exact_json(case_json, "case"));
  } catch (const std::exception& e) {
    v.decision = "undecided";
    v.label = "exception";
    v.note = e.what();
    return v;
  }
}

CertifiedVerdict filtered_decision(const ResolvedOptions& o, const CaseReport& r) {
  const Verdict& v = r.verdict;
  CertifiedVerdict c;
  c.label = v.label;
  c.bits = v.bits;
  if (v.outcome == "holds") {
    c.decision = "proved";
    c.margin = v.margin;
    c.how = "filter: the " + v.type_id + " value holds beyond its error bound";
    return c;
  }
  if (v.outcome == "accurate") {
    c.decision = "accurate";
    c.label = v.accuracy_label;
    c.how = fmt::format("identity measured in {}: {:.1f} digits agree, tolerance {:.1f} digits", v.type_id, v.agree_digits, v.tolerance_digits);
    return c;
  }
  return certify_safely(o, r.case_json);
}

struct RunContext::State : rc::detail::TestListener {
  const PropertyInfo& info;
  const ResolvedOptions& opt;
  bool shrinking = false;
  int shrink_evaluations = 0, shrinks_accepted = 0;
  bool budget_exhausted = false;
  std::string best_failing;
  std::optional<CaseReport> current;
  int passed = 0, discarded = 0, index = 0, within_rounding = 0, unrepresentable = 0;
  std::map<std::string, int> tag_counts;
  MarginHistogram margins;
  std::optional<CaseReport> closest, least_accurate;
  std::optional<CaseReport> original;  // the first failing case, before shrinking
  std::map<std::string, int> certified_counts;
  std::optional<CaseReport> first_unproved;

  void count_certified() {
    if (!current || !current->certified) return;
    const std::string& d = current->certified->decision;
    ++certified_counts[d];
    if (d != "proved" && d != "undecided tie" && d != "accurate" && !first_unproved) first_unproved = current;
  }

  State(const PropertyInfo& i, const ResolvedOptions& o) : info(i), opt(o) {}

  std::string line(const std::string& status) const {
    const CaseReport& r = *current;
    std::string tags;
    for (const auto& t : r.tags) tags += (tags.empty() ? "" : ",") + t;
    std::string v;
    if (r.verdict.relation.empty())
      v = fmt::format("{} (n/a: {})", r.verdict.label, r.verdict.note);
    else
      v = fmt::format("{} rel.margin={:+.3e} slack={:.3e} @ {}", r.verdict.label, r.verdict.relative_margin, r.verdict.relative_slack,
                      r.verdict.where);
    if (r.certified) v += " certified=" + r.certified->decision + (r.certified->label.empty() ? "" : "(" + r.certified->label + ")");
    return fmt::format("  [{}@{}] #{} {} tags=[{}] case={}: {} {}\n", info.id, opt.type, index, r.summary, tags,
                       case_hash(r.case_json), status, v);
  }

  void onTestCaseFinished(const rc::detail::CaseDescription& d) override {
    ++index;
    if (!current) return;
    switch (d.result.type) {
      case CaseResult::Type::Success:
        ++passed;
        margins.add(!current->verdict.relation.empty(), current->verdict.relative_margin);
        if (current->verdict.outcome == "within rounding") ++within_rounding;
        if (current->verdict.outcome == "not representable") ++unrepresentable;
        count_certified();
        for (const auto& t : current->tags) ++tag_counts[t];
        if (!current->verdict.relation.empty() &&
            (!closest || current->verdict.relative_slack < closest->verdict.relative_slack))
          closest = current;
        if (!current->verdict.accuracy_label.empty() && (!least_accurate || less_accurate(current->verdict, least_accurate->verdict)))
          least_accurate = current;
        if (opt.case_log) *opt.case_log << line(current->verdict.outcome == "holds" || current->verdict.outcome == "n/a" ? "PASS"
                                                : current->verdict.outcome == "within rounding" ? "ROUNDING" : "UNREPR");
        break;
      case CaseResult::Type::Discard:
        ++discarded;
        if (opt.case_log) *opt.case_log << line("DISCARD (" + current->verdict.note + ")");
        break;
      case CaseResult::Type::Failure:
        if (!shrinking) count_certified(), margins.add(!current->verdict.relation.empty(), current->verdict.relative_margin);
        if (opt.case_log) *opt.case_log << line("FAIL") << "    shrinking...\n";
        shrinking = true;
        if (!original) original = current;
        best_failing = current->case_json;
        break;
    }
    if (opt.case_log) opt.case_log->flush();
  }
  void onShrinkTried(const rc::detail::CaseDescription&, bool accepted) override {
    if (accepted) ++shrinks_accepted;
  }
  void onTestFinished(const rc::detail::TestMetadata&, const rc::detail::TestResult&) override {}
};

RunContext::RunContext(const PropertyInfo& info, const ResolvedOptions& options)
    : s_(std::make_unique<State>(info, options)) {}
RunContext::~RunContext() = default;

bool RunContext::shrinking() const { return s_->shrinking; }

bool RunContext::skip_evaluation(const std::string& case_json) {
  if (!s_->shrinking) return false;
  if (s_->shrink_evaluations >= s_->opt.shrink_budget) {
    s_->budget_exhausted = true;
    return case_json != s_->best_failing;
  }
  ++s_->shrink_evaluations;
  return false;
}

void RunContext::record(CaseReport report) {
  if (s_->shrinking && !report.verdict.holds && !report.discarded) s_->best_failing = report.case_json;
  s_->current = std::move(report);
}

namespace {

// "reproduce=XXXX" out of RapidCheck's configuration string.
std::string reproduce_token(const std::string& config) {
  const auto at = config.find("reproduce=");
  if (at == std::string::npos) return "";
  const auto end = config.find(' ', at);
  return config.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// The --reproduce string as RapidCheck's map (empty without one); InputError when it
// does not parse or, strictly, holds no entry for this property@type.
std::unordered_map<std::string, rc::detail::Reproduce> reproduce_map(const ResolvedOptions& o, const std::string& id) {
  std::unordered_map<std::string, rc::detail::Reproduce> reproduce;
  if (!o.reproduce) return reproduce;
  try {
    reproduce = rc::detail::configFromString("reproduce=" + *o.reproduce).reproduce;
  } catch (const std::exception& e) {
    throw InputError("reproduce", "\"" + *o.reproduce + "\"", std::string("a RapidCheck reproduce string (") + e.what() + ")");
  }
  if (o.reproduce_strict && !reproduce.count(id)) {
    std::string keys;
    for (const auto& [k, v] : reproduce) keys += (keys.empty() ? "" : ", ") + k;
    throw InputError("reproduce", "a string recorded for " + keys, "one recorded for " + id + " (property@type)");
  }
  return reproduce;
}

}  // namespace

RunResult RunContext::execute(const rc::detail::Property& property) {
  State& s = *s_;
  const ResolvedOptions& o = s.opt;
  rc::detail::TestMetadata md;
  md.id = s.info.id + "@" + o.type;
  md.description = s.info.statement;
  rc::detail::TestParams params;
  params.seed = o.effective_seed;
  params.maxSuccess = o.cases;
  params.maxSize = o.max_size;
  params.maxDiscardRatio = o.max_discard_ratio;
  params.disableShrinking = !o.shrink;

  const std::unordered_map<std::string, rc::detail::Reproduce> reproduce = reproduce_map(o, md.id);

  RunResult r;
  r.property_id = s.info.id;
  r.type_id = o.type;
  r.kind = s.info.kind;
  r.seed = o.seed;
  r.effective_seed = o.effective_seed;
  r.cases_requested = o.cases;
  const auto t0 = std::chrono::steady_clock::now();
  const rc::detail::TestResult result = rc::detail::checkProperty(property, md, params, s, reproduce);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  r.discarded = s.discarded;
  r.within_rounding = s.within_rounding;
  r.unrepresentable = s.unrepresentable;
  r.tag_counts = s.tag_counts;
  r.margins = s.margins;
  r.shrink_evaluations = s.shrink_evaluations;
  r.shrinks_accepted = s.shrinks_accepted;
  r.shrink_budget_exhausted = s.budget_exhausted;
  // The type's bits even when no case was decided (every one discarded: a verdict-less Verdict says 0).
  r.bits = s.current && s.current->verdict.bits ? s.current->verdict.bits : engine::parse_type_id(o.type).bits;
  rc::detail::SuccessResult success;
  rc::detail::FailureResult failure;
  rc::detail::GaveUpResult gave_up;
  rc::detail::Error error;
  if (result.match(success)) {
    r.outcome = Outcome::Passed;
    r.cases_run = success.numSuccess;
    r.distribution = success.distribution;
    r.closest = s.closest;
    r.least_accurate = s.least_accurate;
    if (!reproduce.empty() && !reproduce.count(md.id)) {
      r.not_in_reproduce_map = true;
      r.message = "not in the RC_PARAMS reproduce map: no case run";
    }
  } else if (result.match(failure)) {
    r.outcome = Outcome::Failed;
    r.cases_run = failure.numSuccess + 1;
    r.message = failure.description;
    r.counterexample = s.current;
    r.original = s.original;
    rc::detail::Configuration c;
    c.testParams = params;
    c.reproduce[md.id] = failure.reproduce;
    r.reproduce = reproduce_token(rc::detail::configToMinimalString(c));
    r.closest = s.closest;
    if ((o.certified || o.filtered) && o.certify && r.counterexample && !r.counterexample->discarded)
      r.counterexample->certified = certify_safely(o, r.counterexample->case_json);
  } else if (result.match(gave_up)) {
    r.outcome = Outcome::GaveUp;
    r.cases_run = gave_up.numSuccess;
    r.message = gave_up.description;
  } else if (result.match(error)) {
    r.outcome = Outcome::Error;
    r.message = error.description;
  }
  r.certified = o.certified || o.filtered;
  r.filtered = o.filtered;
  r.certified_counts = s.certified_counts;
  r.certified_first_unproved = s.first_unproved;
  return r;
}

}  // namespace annealcheck::properties::detail
