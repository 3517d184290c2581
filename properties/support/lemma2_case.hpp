// Generated Lemma 2 instances (SPEC §3) whose premises hold by construction.
//
// Generation (one RapidCheck exec, picks in shrink order):
//   d (scaled by size, shrinks to the minimum), k, the top multiplicity |P|, the
//   spectrum γ (spectrum_gen.hpp: ties, near-degenerate pairs down to 1e-30, up to
//   60 decades), λ, δ(0) (mixed signs; zeros where the premises allow), α, the
//   fraction of the largest gap used as ρ, K (gd_steps), a depth and the number
//   of GF checkpoints.
// Then ε is *constructed*, never rejection-sampled:
//   C1C2:    ε = M·2^−m with the least m such that (C1) holds with a factor 2 to
//            spare and (C2) holds with a relative slack of 1e−6 in its log form
//            (so rounding to double cannot flip it), then `depth` decades lower.
//            When (C2) would need ε below the range kept for double (1e−260),
//            the S-block of δ(0) is scaled by 10^−r first (the least r that fits).
//   C2Prime: the same with M′ = Σ_S̄ γ_jδ_j(0)² (zeros allowed in S̄ and in δ_1;
//            no (C1)); tags "C2-fails" when the original (C2) does not hold.
//   C1Prime: |P| ≥ 2, δ_1 may be 0, ε = Σ_P γ_1δ_i(0)²·2^−m ((C1′); no (C2)).
//   C1Only:  ε = γ_1δ_1(0)²·2^−m, m random: (C1) and the gap only (falsification F1).
// Every shrink rebuilds ε the same way, so shrinking keeps the premises true.
#pragma once

#include "annealcheck/model/instance_spec.hpp"
#include "properties/support/case_facts.hpp"

#include <nlohmann/json_fwd.hpp>
#include <rapidcheck.h>

#include <iosfwd>

namespace annealcheck::properties {

enum class Premises { C1C2, C2Prime, C1Prime, C1Only };

struct Lemma2GenOptions {
  std::size_t max_dim = 64;
  Premises premises = Premises::C1C2;
  long max_K = 10000;
  bool short_step = false;  // η = 9/(10 γ_1) instead of the default 1/γ_1 (falsification F5)
};

struct Lemma2Case {
  model::InstanceSpec spec;
  std::size_t checkpoints = 16;  // GF checkpoints (geometric in train loss)
};

rc::Gen<Lemma2Case> lemma2_case(const Lemma2GenOptions& options);
// The instance a case carries (property_def.hpp: `audit --property` audits it).
inline const model::InstanceSpec& lemma2_instance(const Lemma2Case& c) { return c.spec; }

// {instance fields..., "checkpoints": n}; reads plain instance files too.
nlohmann::json to_json(const Lemma2Case& c);
Lemma2Case lemma2_case_from_json(const nlohmann::json& j);
// The fields of a Lemma 2 case as PropertyInfo::case_format states them, with
// `more` (further fields of a case that carries one) appended.
std::string lemma2_case_format(const std::string& more = "");
CaseFacts facts(const Lemma2Case& c);
void showValue(const Lemma2Case& c, std::ostream& os);  // exact JSON (RapidCheck counterexamples)

// The premises decided on the exact instance ((C1) exactly; (C2)/(C2′) in their
// log form at 256 bits, with no slack): used for tags and generator tests.
bool c1_holds(const model::InstanceSpec& s);
bool c2_holds(const model::InstanceSpec& s, bool strengthened);
// The premises `premises` stands for, decided as the generator accepts its ε
// ((C1) and (C1′) exactly; (C2)/(C2′) in log form at 256 bits with the generator's
// acceptance slack, so that no type's rounding flips them), plus a valid instance
// (model::validate). What the dimension reduction (lemma2_reduce.hpp) keeps true.
bool premises_hold(const model::InstanceSpec& s, Premises premises);

// Tags of a spectrum/instance, shared with the other generators.
std::vector<std::string> spectrum_tags(const std::vector<model::ExactValue>& gamma);

}  // namespace annealcheck::properties
