#include "annealcheck/engine/representable.hpp"

#include "annealcheck/io/input_error.hpp"

#include <boost/multiprecision/float128.hpp>

#include <limits>
#include <vector>

namespace annealcheck::engine {
namespace {

using numeric::Rational;

struct Range {
  long min_subnormal_exponent;  // smallest positive value 2^this
  long max_exponent;            // values >= 2^this overflow
};

template <class T>
constexpr Range range_of() {
  using L = std::numeric_limits<T>;
  return {L::min_exponent - L::digits, L::max_exponent};
}

std::optional<Range> bounded_range(Family f) {
  switch (f) {
    case Family::Float: return range_of<float>();
    case Family::Double: return range_of<double>();
    case Family::LongDouble: return range_of<long double>();
    case Family::Float128: return range_of<boost::multiprecision::float128>();
    default: return std::nullopt;  // exponent range far beyond |e| <= kMaxDecimalExponent
  }
}

Rational power_of_two(long e) {
  Rational r(1);
  if (e >= 0) mpq_mul_2exp(r.get(), r.get(), static_cast<mp_bitcnt_t>(e));
  else mpq_div_2exp(r.get(), r.get(), static_cast<mp_bitcnt_t>(-e));
  return r;
}

Rational magnitude(const Rational& q) {
  Rational a = q;
  mpq_abs(a.get(), a.get());
  return a;
}

void check_value(const std::string& field, const model::ExactValue& v, const TypeSpec& type) {
  const auto why = not_representable(v.value, type);
  if (!why) return;
  std::string holds = "a multiprecision type";
  for (const auto& rung : ladder()) {
    if (rung.id.find(':') != std::string::npos) continue;  // mpfr:BITS, mpfi:BITS: not a concrete rung
    if (!not_representable(v.value, parse_type_id(rung.id))) {
      holds = rung.id;
      break;
    }
  }
  throw InputError(field, quote(v.text) + " (not representable in " + type.id + ": " + *why + ")",
                   "a value within " + type.id + "'s range, or a wider type: the smallest rung that holds it is --type " + holds);
}

void check_values(const std::string& field, const std::vector<model::ExactValue>& vs, const TypeSpec& type) {
  for (std::size_t i = 0; i < vs.size(); ++i) check_value(field + "[" + std::to_string(i) + "]", vs[i], type);
}

}  // namespace

std::optional<std::string> not_representable(const Rational& q, const TypeSpec& type) {
  const std::optional<Range> r = bounded_range(type.family);
  if (!r || q.sign() == 0) return std::nullopt;
  const Rational a = magnitude(q);
  if (a <= power_of_two(r->min_subnormal_exponent - 1)) return "underflows to 0";
  if (a >= power_of_two(r->max_exponent)) return "overflows to infinity";
  return std::nullopt;
}

void check_representable(const Problem& problem, const TypeSpec& type) {
  if (!bounded_range(type.family)) return;
  if (const auto* s = std::get_if<model::InstanceSpec>(&problem)) {
    check_values("gamma", s->gamma, type);
    check_values("lambda", s->lambda, type);
    check_values("delta0", s->delta0, type);
    if (s->rho) check_value("rho", *s->rho, type);
    check_value("alpha", s->alpha, type);
    check_value("eps", s->eps, type);
    if (s->eta) check_value("eta", *s->eta, type);
  } else {
    const auto& p = std::get<Prop1Case21>(problem);
    check_value("--alpha", p.alpha, type);
    check_value("--eps", p.eps, type);
  }
}

}  // namespace annealcheck::engine
