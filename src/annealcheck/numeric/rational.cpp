#include "annealcheck/numeric/rational.hpp"

#include "annealcheck/limits.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace annealcheck::numeric {

Rational::Rational(long n, unsigned long d) {
  mpq_init(q_);
  mpq_set_si(q_, n, d);
  mpq_canonicalize(q_);
}

#define ANNEALCHECK_RATIONAL_OP(op, fn)                       \
  Rational operator op(const Rational& a, const Rational& b) { \
    Rational r;                                                \
    fn(r.q_, a.q_, b.q_);                                      \
    return r;                                                  \
  }
ANNEALCHECK_RATIONAL_OP(+, mpq_add)
ANNEALCHECK_RATIONAL_OP(-, mpq_sub)
ANNEALCHECK_RATIONAL_OP(*, mpq_mul)
ANNEALCHECK_RATIONAL_OP(/, mpq_div)
#undef ANNEALCHECK_RATIONAL_OP

std::string Rational::str() const {
  std::string buf(mpz_sizeinbase(mpq_numref(q_), 10) + mpz_sizeinbase(mpq_denref(q_), 10) + 3, '\0');
  mpq_get_str(buf.data(), 10, q_);
  buf.resize(std::char_traits<char>::length(buf.c_str()));
  return buf;
}

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool set_integer(mpz_t z, std::string_view digits) {
  return mpz_set_str(z, std::string(digits).c_str(), 10) == 0;
}

}  // namespace

RationalParse parse_rational(std::string_view text) {
  RationalParse out;
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string_view body = s;
  bool negative = false;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  const std::string l = lower(body);
  if (l == "nan") return {Rational{}, "not finite (NaN)"};
  if (l == "inf" || l == "infinity") return {Rational{}, "not finite (infinity)"};

  mpq_t& q = out.value.get();
  if (const auto slash = body.find('/'); slash != std::string_view::npos) {
    const auto num = body.substr(0, slash), den = body.substr(slash + 1);
    if (!all_digits(num) || !all_digits(den)) return {Rational{}, "not a number"};
    if (!set_integer(mpq_numref(q), num) || !set_integer(mpq_denref(q), den)) return {Rational{}, "not a number"};
    if (mpz_sgn(mpq_denref(q)) == 0) return {Rational{}, "not finite (division by zero)"};
    mpq_canonicalize(q);
    if (negative) mpq_neg(q, q);
    return out;
  }

  // decimal: int[.frac][e[+-]exp]
  std::string_view mant = body, expo;
  if (const auto e = body.find_first_of("eE"); e != std::string_view::npos) {
    mant = body.substr(0, e);
    expo = body.substr(e + 1);
    if (expo.empty()) return {Rational{}, "not a number"};
  }
  std::string_view ip = mant, fp;
  if (const auto dot = mant.find('.'); dot != std::string_view::npos) {
    ip = mant.substr(0, dot);
    fp = mant.substr(dot + 1);
  }
  if (ip.empty() && fp.empty()) return {Rational{}, "not a number"};
  if ((!ip.empty() && !all_digits(ip)) || (!fp.empty() && !all_digits(fp))) return {Rational{}, "not a number"};
  long exponent = 0;
  if (!expo.empty()) {
    bool eneg = false;
    if (expo.front() == '+' || expo.front() == '-') {
      eneg = expo.front() == '-';
      expo.remove_prefix(1);
    }
    if (!all_digits(expo)) return {Rational{}, "not a number"};
    while (expo.size() > 1 && expo.front() == '0') expo.remove_prefix(1);  // "1e-0000009" is 1e-9
    const std::string too_large = "exponent too large (|e| > " + std::to_string(limits::kMaxDecimalExponent) + ")";
    if (expo.size() > 9) return {Rational{}, too_large};
    exponent = std::stol(std::string(expo));
    if (exponent > limits::kMaxDecimalExponent) return {Rational{}, too_large};
    if (eneg) exponent = -exponent;
  }
  std::string digits = std::string(ip) + std::string(fp);
  exponent -= static_cast<long>(fp.size());
  if (!set_integer(mpq_numref(q), digits)) return {Rational{}, "not a number"};
  mpz_t p;
  mpz_init(p);
  mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(exponent < 0 ? -exponent : exponent));
  if (exponent < 0) mpz_set(mpq_denref(q), p);
  else mpz_mul(mpq_numref(q), mpq_numref(q), p);
  mpz_clear(p);
  mpq_canonicalize(q);
  if (negative) mpq_neg(q, q);
  return out;
}

}  // namespace annealcheck::numeric
