#include "annealcheck/prop1/options.hpp"

#include "annealcheck/io/input_error.hpp"

namespace annealcheck::prop1 {

namespace {

Rational parse(const std::string& field, const std::string& text, const std::string& expected) {
  const numeric::RationalParse p = numeric::parse_rational(text);
  if (!p.ok()) throw InputError(field, "\"" + text + "\" (" + p.error + ")", expected);
  return p.value;
}

Rational parse_alpha(const std::string& text) {
  Rational a = parse("--alpha", text, "a number in the open interval (0, 1), like 1e-12");
  if (a.sign() <= 0 || a >= Rational(1)) throw InputError("--alpha", "\"" + text + "\"", "a number in the open interval (0, 1)");
  return a;
}

Rational parse_eps(const std::string& text) {
  Rational e = parse("--eps", text, "a number > 0, like 1e-20");
  if (e.sign() <= 0) throw InputError("--eps", "\"" + text + "\"", "eps > 0");
  return e;
}

Rational parse_r(const std::string& text) {
  Rational r = parse("--r", text, "a ratio threshold > 0, like 3/2");
  if (r.sign() <= 0) throw InputError("--r", "\"" + text + "\"", "r > 0");
  return r;
}

}  // namespace

Prop1Inputs parse_prop1_inputs(const Prop1Options& o) {
  Prop1Inputs in;
  in.alpha = parse_alpha(o.alpha);
  in.eps = parse_eps(o.eps);
  if (o.K < 0 || o.K > 100'000'000)
    throw InputError("--K", std::to_string(o.K), "an integer in 0..100000000 (the beta-space GD runs step by step)");
  in.r = o.r.empty() ? Rational(2) * (Rational(1) - in.alpha) : parse_r(o.r);
  if (o.flow != "exact" && o.flow != "odeint") throw InputError("--flow", "\"" + o.flow + "\"", "exact or odeint");
  if (!o.odeint_tol.empty()) {
    Rational t = parse("--odeint-tol", o.odeint_tol, "a tolerance in (0, 1), like 1e-30");
    if (t.sign() <= 0 || t >= Rational(1)) throw InputError("--odeint-tol", "\"" + o.odeint_tol + "\"", "a tolerance in (0, 1)");
    in.odeint_tol = t;
  }
  if (o.digits < 1 || o.digits > 10000) throw InputError("--digits", std::to_string(o.digits), "an integer in 1..10000");
  if (o.require_digits < 0) throw InputError("--require-digits", std::to_string(o.require_digits), "an integer >= 0");
  if (o.figure_gd_points < 1 || o.figure_gd_points > 100000)
    throw InputError("--figure-gd-points", std::to_string(o.figure_gd_points), "an integer in 1..100000");
  if (o.figure_flow_points < 2 || o.figure_flow_points > 100000)
    throw InputError("--figure-flow-points", std::to_string(o.figure_flow_points), "an integer in 2..100000");
  return in;
}

GeneralInputs parse_general_inputs(const GeneralOptions& o) {
  GeneralInputs in;
  in.model = general_model(o.d, o.n, o.p);
  in.alpha = parse_alpha(o.alpha);
  in.eps = parse_eps(o.eps);
  in.r = parse_r(o.r);
  if (o.K < 0 || o.K > 1'000'000'000L) throw InputError("--K", std::to_string(o.K), "an integer in 0..1000000000");
  if (o.eta == "per-draw") {
    in.eta = std::nullopt;
  } else if (o.eta.empty()) {
    in.eta = default_step(in.model);
  } else {
    Rational e = parse("--eta", o.eta, "a step > 0 like 3/2, or per-draw");
    if (e.sign() <= 0) throw InputError("--eta", "\"" + o.eta + "\"", "a step > 0, or per-draw");
    in.eta = e;
  }
  if (o.method != "auto" && o.method != "enumerate" && o.method != "monte-carlo" && o.method != "both")
    throw InputError("--method", "\"" + o.method + "\"", "auto, enumerate, monte-carlo or both");
  if (o.samples < 1 || o.samples > 1'000'000'000ULL) throw InputError("--samples", std::to_string(o.samples), "an integer in 1..1000000000");
  if (!(o.confidence > 0 && o.confidence < 1)) throw InputError("--confidence", std::to_string(o.confidence), "a level in (0, 1), like 0.99");
  if (o.max_enumeration < 1) throw InputError("--max-enumeration", std::to_string(o.max_enumeration), "an integer >= 1");
  if (o.digits < 1 || o.digits > 10000) throw InputError("--digits", std::to_string(o.digits), "an integer in 1..10000");
  return in;
}

std::string vector_text(const std::vector<Rational>& v) {
  std::string s = "(";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i].str();
  return s + ")";
}

std::string matrix_text(const std::vector<Rational>& a, std::size_t d) {
  std::string s = "[";
  for (std::size_t i = 0; i < d; ++i) {
    s += (i ? ", [" : "[");
    for (std::size_t j = 0; j < d; ++j) s += (j ? ", " : "") + a[i * d + j].str();
    s += "]";
  }
  return s + "]";
}

}  // namespace annealcheck::prop1
