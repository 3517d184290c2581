// Filtered decisions (issue 21, item 1), the technique of CGAL's Filtered_kernel:
// a check is first decided by its point value in the run type and the value's
// rigorous error bound (lemma2/inequality.hpp: PASS is m > B, FAIL is m < −B, each
// true of the exact reals by error_bounds.md); only the checks the filter cannot
// decide (ROUNDING, UNREPR) — and, to certify them, the FAILs — go to the certified
// reference from the exact input (decide.hpp). The default of `eval`.
//
// The overall word and exit status of such an evaluation:
//   0  every conclusion proved (ties and undecided ones counted, never proved)
//   1  a conclusion is refuted (certified: point FAIL confirmed on the exact input)
//   3  Lemma 2 does not apply, in whole or in part: for some conclusion none of
//      its premises ((C2) or (C2′) for G and P2; (C1) or (C1′) for A, A.1, P5) is
//      proved on the exact input — the lemma states nothing about it. A refuted
//      conclusion that is covered (exit 1) takes precedence.
#pragma once

#include "annealcheck/certified/decide.hpp"
#include "annealcheck/engine/report.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace annealcheck::certified {

inline constexpr int kExitProved = 0, kExitRefuted = 1, kExitDoesNotApply = 3;

// The labels of `r` the point filter leaves open (not PASS, not n/a).
std::vector<std::string> undecided_by_filter(const engine::EvalReport& r);

struct FilteredVerdict {
  int exit_status = kExitProved;
  std::string summary;  // "every conclusion proved: 17 by the point filter, 2 on the exact input (1 tie)" ...
  int by_filter = 0, on_exact = 0, ties = 0, undecided = 0;
  std::vector<std::string> not_covered;  // conclusions none of whose premises is proved (premises_of)
};

// `exact`: the certified decisions of undecided_by_filter(r) (empty when none were open).
FilteredVerdict filtered_verdict(const engine::EvalReport& r, const Result* exact);
nlohmann::json filtered_json(const FilteredVerdict& v);

}  // namespace annealcheck::certified
