// The precision loop of certified verdicts (decide.hpp).
#include "annealcheck/certified/decide.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace annealcheck::certified {

namespace {

Decision from_certainty(interval::Certainty c) {
  switch (c) {
    case interval::Certainty::Proved: return Decision::Proved;
    case interval::Certainty::Refuted: return Decision::Refuted;
    case interval::Certainty::NotApplicable: return Decision::NotApplicable;
    case interval::Certainty::Undecided: break;
  }
  return Decision::Undecided;
}

void take(CheckDecision& d, const interval::RefCheck& c, long bits) {
  d.bits = bits;
  d.lhs = c.lhs;
  d.rhs = c.rhs;
  d.margin = c.margin;
  d.how = c.how;
  d.note = c.note;
}

std::vector<CheckDecision> requested(const interval::ReferenceResult& r, const std::vector<std::string>& labels) {
  std::vector<CheckDecision> out;
  for (const auto& c : r.checks)
    if (labels.empty() || std::find(labels.begin(), labels.end(), c.label) != labels.end()) {
      CheckDecision d;
      d.label = c.label;
      out.push_back(std::move(d));
    }
  for (const auto& l : labels)
    if (!r.find(l)) throw std::invalid_argument("the certified reference has no check labelled " + l);
  return out;
}

// Records what this precision decided; returns the labels still open.
std::vector<std::string> record(std::vector<CheckDecision>& checks, std::vector<bool>& decided, const interval::ReferenceResult& r) {
  std::vector<std::string> open;
  for (std::size_t i = 0; i < checks.size(); ++i) {
    CheckDecision& d = checks[i];
    const interval::RefCheck* c = r.find(d.label);
    if (!c) throw std::logic_error("reference check " + d.label + " vanished between precisions");
    const Decision now = from_certainty(c->verdict);
    if (decided[i]) {
      if (now != Decision::Undecided && now != d.decision)
        throw std::logic_error("the reference contradicts itself on " + d.label + " (" + decision_name(d.decision) + " at " +
                               std::to_string(d.bits) + " bits, " + decision_name(now) + " at " + std::to_string(r.bits) +
                               " bits): a bug in an enclosure");
      continue;
    }
    take(d, *c, r.bits);  // undecided: keep the latest (narrowest) enclosures
    d.decision = now;
    decided[i] = now != Decision::Undecided;
    if (!decided[i]) open.push_back(d.label);
  }
  return open;
}

// |x| bounded above, from an enclosure: max(|lo|, |hi|).
void magnitude_upper(mpfr_ptr out, const interval::Enclosure& x) {
  mpfr_abs(out, x.lo(), MPFR_RNDU);
  if (mpfr_cmpabs(x.hi(), out) > 0) mpfr_abs(out, x.hi(), MPFR_RNDU);
}

}  // namespace

const CheckDecision* Result::find(const std::string& label) const {
  for (const auto& c : checks)
    if (c.label == label) return &c;
  return nullptr;
}

bool looks_like_tie(const interval::RefCheck& c, long bits) {
  if (!c.margin || !c.lhs || !c.rhs || c.margin->is_nan() || !c.margin->contains_zero()) return false;
  mpfr_t w, s, t;
  mpfr_inits2(64, w, s, t, static_cast<mpfr_ptr>(nullptr));
  mpfr_sub(w, c.margin->hi(), c.margin->lo(), MPFR_RNDU);
  magnitude_upper(s, *c.lhs);
  magnitude_upper(t, *c.rhs);
  mpfr_max(s, s, t, MPFR_RNDU);
  mpfr_mul_2si(w, w, bits / 2, MPFR_RNDU);  // width·2^(bits/2) <= scale
  const bool tie = mpfr_number_p(w) && mpfr_sgn(s) > 0 && mpfr_lessequal_p(w, s);
  mpfr_clears(w, s, t, static_cast<mpfr_ptr>(nullptr));
  return tie;
}

constexpr int kTieRounds = 4;  // Options::stop_at_ties: 128, 256, 512 and 1024 bits by default

Result decide(const interval::ExactProblem& e, const Options& opt, const std::vector<std::string>& labels, const Pending& extra) {
  if (opt.start_bits < 2 || opt.cap_bits < opt.start_bits) throw std::invalid_argument("certified: need 2 <= start_bits <= cap_bits");
  const auto t0 = std::chrono::steady_clock::now();
  Result res;
  std::vector<bool> decided;
  int tie_rounds = 0;  // successive precisions at which every open check looked like a tie
  // Only the parts the labels need; a caller's extra decisions read the whole reference.
  const interval::ReferenceScope scope = extra ? interval::ReferenceScope{} : interval::ReferenceScope::for_labels(labels);
  for (long bits = opt.start_bits;; bits = std::min(opt.cap_bits, bits * 2)) {
    interval::ReferenceResult r = interval::evaluate_reference(e, bits, {opt.checkpoints, scope});
    res.bits_tried.push_back(r.bits);
    if (res.checks.empty()) {
      res.checks = requested(r, labels);
      decided.assign(res.checks.size(), false);
    }
    std::vector<std::string> open = record(res.checks, decided, r);
    const bool only_ties = !open.empty() && std::all_of(open.begin(), open.end(), [&](const std::string& l) {
      const interval::RefCheck* c = r.find(l);
      return c && looks_like_tie(*c, r.bits);
    });
    bool extra_open = false;
    if (extra)
      for (auto& x : extra(r)) open.push_back(std::move(x)), extra_open = true;
    tie_rounds = only_ties && !extra_open ? tie_rounds + 1 : 0;
    const bool ties_twice = opt.stop_at_ties && tie_rounds >= kTieRounds;
    res.final = std::move(r);
    if (open.empty() || bits >= opt.cap_bits || ties_twice) {
      res.pending = std::move(open);
      break;
    }
  }
  for (auto& d : res.checks)
    if (d.decision == Decision::Undecided)
      if (const interval::RefCheck* c = res.final.find(d.label); c && looks_like_tie(*c, res.final.bits)) d.decision = Decision::Tie;
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace annealcheck::certified
