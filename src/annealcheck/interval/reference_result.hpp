// What one evaluation of the certified reference (SPEC §3 in MPFI at a given
// precision) produces, independent of the interval type: an enclosure of every
// quantity, and for every inequality of Lemma 2 a three-valued verdict with the
// enclosures of its sides and margin. Also the entry points (reference.cpp).
#pragma once

#include "annealcheck/interval/certainty.hpp"
#include "annealcheck/interval/enclosure.hpp"
#include "annealcheck/interval/exact_problem.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::interval {

// Quantity ids shared by the reference and the audited rungs.
namespace quantity {
inline constexpr const char* train_loss0 = "Lhat(delta(0))";
inline constexpr const char* population_loss0 = "L_D(delta(0))";
inline constexpr const char* eta = "eta";
inline constexpr const char* M = "M";
inline constexpr const char* M_prime = "M'";
inline constexpr const char* c = "c";
inline constexpr const char* gf_time = "T";
inline constexpr const char* gf_train_loss = "Lhat(delta_GF(T))";
inline constexpr const char* gf_population_loss = "L_D(delta_GF(T))";
inline constexpr const char* gd_train_loss = "Lhat(delta(K))";
inline constexpr const char* fast_time = "T'";
inline constexpr const char* fast_train_loss = "Lhat(delta_fast)";
inline constexpr const char* fast_population_loss = "L_D(delta_fast)";
inline constexpr const char* bound_G = "bound G";
inline constexpr const char* bound_A1 = "bound A.1";
inline constexpr const char* bound_A = "bound A";
inline constexpr const char* closed_form_time = "T (closed form)";
}  // namespace quantity

struct RefCheck {
  std::string label;
  Certainty verdict = Certainty::Undecided;
  std::optional<Enclosure> lhs, rhs, margin;
  std::string how;   // "exact rational", "interval", "structural: ..."
  std::string note;
};

struct ReferenceResult {
  long bits = 0;                                 // MPFI precision actually used
  std::map<std::string, Enclosure> quantities;
  std::vector<RefCheck> checks;                  // same labels and order as lemma2::evaluate
  std::optional<long> gd_steps;                  // nullopt: undecided at this precision
  bool gd_stopped_early = false;
  std::vector<std::string> undecided;            // what this precision could not decide
  const RefCheck* find(const std::string& label) const {
    for (const auto& c : checks)
      if (c.label == label) return &c;
    return nullptr;
  }
};

// The parts of the reference a set of checks needs (issue 21: a filtered decision
// pays only for the labels it asks). The premises and the input quantities are
// always evaluated; the GF stop (T's bracket) for G, P1, P2; its checkpoints (one
// MPFR Newton solve each) only for G@GF; the annealed run for A, A.1, E3; its
// checkpoints only for A.1@GF; the GD steps alone for P3–P5.
struct ReferenceScope {
  bool flow = true, flow_checkpoints = true, annealed = true, annealed_checkpoints = true, descent = true;
  static ReferenceScope for_labels(const std::vector<std::string>& labels);  // empty: everything
};

struct ReferenceOptions {
  std::size_t checkpoints = 16;  // as lemma2::evaluate's GF checkpoints
  ReferenceScope scope;
};

// One evaluation at `bits` bits (MPFI, outward rounding). Thread-safe: precision
// is set per thread for the duration of the call.
ReferenceResult evaluate_reference(const ExactProblem& e, long bits, const ReferenceOptions& opt = {});

// A point of a rung's run at which a stepwise check was reported.
struct TrajectoryPoint {
  enum class Kind { GdStep, GfTime, AnnealedGfTime } kind = Kind::GdStep;
  long step = 0;                      // GD step t (GdStep)
  std::optional<std::size_t> coord;   // 0-based coordinate (P3, P4)
  std::optional<Enclosure> time;      // flow time (GfTime, AnnealedGfTime): the rung's value, exactly
};

// lhs, rhs and margin of a stepwise check (P3, P4, P5, G@GF, A.1@GF) at a rung's
// point, exactly as the rung states it there; verdict from the margin.
RefCheck reference_check_at(const ExactProblem& e, long bits, const std::string& label, const TrajectoryPoint& at,
                            std::optional<long> reference_gd_steps);

}  // namespace annealcheck::interval
