#include "annealcheck/audit/audited.hpp"

#include <fmt/format.h>

#include <cmath>

namespace annealcheck::audit::detail {

namespace q = interval::quantity;

const std::vector<QuantityInfo>& quantity_table() {
  static const std::vector<QuantityInfo> t{
      {q::train_loss0, "E1", "train loss at delta(0)", false},
      {q::population_loss0, "E2", "population loss at delta(0)", false},
      {q::eta, "E5", "GD step eta", false},
      {q::M, "C2", "M = |Sbar| min_Sbar gamma_j delta_j(0)^2", false},
      {q::M_prime, "C2'", "M' = sum_Sbar gamma_j delta_j(0)^2", false},
      {q::c, "A", "c = max_Q (1 - 2 eta gamma_i)^2", false, true},
      {q::gf_time, "E4", "GF stopping time T", true},
      {q::gf_train_loss, "E1", "train loss at the GF stop", false},
      {q::gf_population_loss, "E2", "population loss at the GF stop", true},
      {q::bound_G, "G", "bound (1 - alpha) eps min_Sbar lambda_j/gamma_j", true},
      {q::gd_train_loss, "E1", "train loss after the GD phase", false},
      {q::fast_time, "E4", "GF time after GD, T'", true},
      {q::fast_train_loss, "E1", "train loss at the annealed stop", false},
      {q::fast_population_loss, "E2", "population loss at the annealed stop", true},
      {q::bound_A1, "A", "bound, first line: eps max_P lambda_i/gamma_1 + sum_Q lambda_i delta_i(K)^2", true},
      {q::bound_A, "A", "bound, explicit: eps max_P lambda_i/gamma_1 + c^K sum_Q lambda_i delta_i(0)^2", true},
  };
  return t;
}

const QuantityInfo& closed_form_info() {
  static const QuantityInfo info{q::closed_form_time, "E4, SPEC 6", "T by the closed-form quadratic (naive)", true, false};
  return info;
}

std::string fmt_digits(double d) { return std::isinf(d) ? "all" : fmt::format("{:.1f}", std::floor(d * 10) / 10 + 0.0); }

double digits_cap(long bits) { return static_cast<double>(bits) * std::log10(2.0); }

bool narrow_enough(const interval::Enclosure& e, double digits) {
  if (e.is_point()) return true;
  return e.certain_digits() >= digits + 3;
}

}  // namespace annealcheck::audit::detail
