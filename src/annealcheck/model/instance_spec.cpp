#include "annealcheck/model/instance_spec.hpp"

#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace annealcheck::model {

using numeric::Rational;
using nlohmann::json;

ExactValue exact(const Rational& q) { return {q.str(), q}; }

namespace {

ExactValue read_number(const json& v, const std::string& field) { return io::exact_number(v, field); }

long read_integer(const json& v, const std::string& field, const std::string& expected) {
  return io::exact_integer(v, field, -1'000'000'000L, 1'000'000'000L, expected);
}

std::vector<ExactValue> read_vector(const json& j, const std::string& field) {
  if (!j.contains(field)) throw InputError(field, "nothing (missing)", "an array of numbers");
  const json& a = j.at(field);
  if (!a.is_array()) throw InputError(field, io::describe(a), "an array of numbers");
  if (a.size() > limits::kMaxDimension)
    throw InputError(field, io::describe(a), "at most " + std::to_string(limits::kMaxDimension) + " values (max_dimension, see `annealcheck limits`)");
  std::vector<ExactValue> out;
  out.reserve(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read_number(a[i], field + "[" + std::to_string(i) + "]"));
  return out;
}

std::string at(const std::string& field, std::size_t i) { return field + "[" + std::to_string(i) + "]"; }

}  // namespace

ExactValue exact(const std::string& text) { return read_number(json(text), "value"); }

std::optional<Rational> max_rho(const InstanceSpec& s) {
  const Rational& gk = s.gamma[s.k - 1].value;
  if (gk.sign() == 0) return std::nullopt;
  return s.gamma[s.k - 2].value / gk - Rational(1);
}

void validate(const InstanceSpec& s) {
  const std::size_t d = s.gamma.size();
  if (d == 0) throw InputError("gamma", "an empty array", "at least one eigenvalue");
  if (s.lambda.size() != d)
    throw InputError("lambda", std::to_string(s.lambda.size()) + " values",
                     std::to_string(d) + " values, one per gamma (length mismatch)");
  if (s.delta0.size() != d)
    throw InputError("delta0", std::to_string(s.delta0.size()) + " values",
                     std::to_string(d) + " values, one per gamma (length mismatch)");
  for (std::size_t i = 0; i < d; ++i) {
    if (s.gamma[i].value.sign() < 0) throw InputError(at("gamma", i), quote(s.gamma[i].text), "a value >= 0 (negative eigenvalue)");
    if (i > 0 && s.gamma[i].value > s.gamma[i - 1].value)
      throw InputError(at("gamma", i), quote(s.gamma[i].text),
                       "gamma sorted descending: it exceeds gamma[" + std::to_string(i - 1) + "] = " + quote(s.gamma[i - 1].text));
    if (s.lambda[i].value.sign() <= 0) throw InputError(at("lambda", i), quote(s.lambda[i].text), "a value > 0");
  }
  if (d < 2) throw InputError("gamma", "1 value", "at least 2 values (Lemma 2 needs a split k in {2..d})");
  if (s.k < 2 || s.k > d)
    throw InputError("k", std::to_string(s.k), "an integer in {2.." + std::to_string(d) + "} (k out of range)");
  if (s.rho) {
    if (s.rho->value.sign() <= 0) throw InputError("rho", quote(s.rho->text), "a gap rho > 0");
    if (const auto m = max_rho(s); m && s.rho->value > *m)
      throw InputError("rho", quote(s.rho->text),
                       "rho <= gamma[k-2]/gamma[k-1] - 1 = " + m->str() + " (larger than the spectrum allows)");
  } else if (const auto m = max_rho(s); m && m->sign() <= 0) {
    throw InputError("k", std::to_string(s.k),
                     "a split with gamma[k-2] > gamma[k-1] (no gap: gamma[k-2] = gamma[k-1] = " + quote(s.gamma[s.k - 1].text) + ")");
  }
  if (s.alpha.value.sign() <= 0 || s.alpha.value >= Rational(1))
    throw InputError("alpha", quote(s.alpha.text), "a value in the open interval (0, 1)");
  if (s.eps.value.sign() <= 0) throw InputError("eps", quote(s.eps.text), "eps > 0");
  if (s.K < 0 || s.K > limits::kMaxStepwiseK)
    throw InputError("K", std::to_string(s.K), "an integer in 0.." + std::to_string(limits::kMaxStepwiseK) +
                                                   " (max_stepwise_K: every GD step is checked; see `annealcheck limits`)");
  if (static_cast<long long>(d) * s.K > limits::kMaxCoordinateSteps)
    throw InputError("K", std::to_string(s.K), "d*K <= " + std::to_string(limits::kMaxCoordinateSteps) + " (d = " + std::to_string(d) +
                                                   "; max_coordinate_steps, see `annealcheck limits`)");
  if (s.eta && s.eta->value.sign() <= 0) throw InputError("eta", quote(s.eta->text), "a step eta > 0");
  if (s.gamma[0].value.sign() == 0 && !s.eta)
    throw InputError("gamma[0]", quote(s.gamma[0].text), "gamma[0] > 0 (the step 1/gamma_1 needs it)");
}

InstanceSpec instance_from_json(const json& j, const std::string& source) {
  if (!j.is_object()) throw InputError(source, io::describe(j), "a JSON object with gamma, lambda, delta0, k");
  static const std::set<std::string> known{"gamma", "lambda", "delta0", "k", "rho", "alpha", "eps", "K", "eta", "checkpoints", "comment", "name"};
  for (const auto& [key, _] : j.items())
    if (!known.count(key))
      throw InputError(key, "an unknown field " + quote(key), "one of gamma, lambda, delta0, k, rho, alpha, eps, K, eta, checkpoints, comment, name");
  InstanceSpec s;
  s.source = source;
  s.gamma = read_vector(j, "gamma");
  s.lambda = read_vector(j, "lambda");
  s.delta0 = read_vector(j, "delta0");
  if (!j.contains("k")) throw InputError("k", "nothing (missing)", "the split index k in {2..d}");
  const long k = read_integer(j.at("k"), "k", "an integer split index in {2..d}");
  if (k < 0) throw InputError("k", std::to_string(k), "an integer in {2.." + std::to_string(s.gamma.size()) + "} (k out of range)");
  s.k = static_cast<std::size_t>(k);
  if (j.contains("rho")) s.rho = read_number(j.at("rho"), "rho");
  s.alpha = j.contains("alpha") ? read_number(j.at("alpha"), "alpha") : exact(Rational(1, 2));
  if (j.contains("K")) s.K = read_integer(j.at("K"), "K", "an integer K >= 0");
  if (j.contains("eta")) s.eta = read_number(j.at("eta"), "eta");
  if (j.contains("checkpoints")) {
    const std::string expected = "an integer number of GF checkpoints in 1.." + std::to_string(limits::kMaxCheckpoints);
    const long c = read_integer(j.at("checkpoints"), "checkpoints", expected);
    if (c < 1 || c > static_cast<long>(limits::kMaxCheckpoints)) throw InputError("checkpoints", std::to_string(c), expected);
    s.checkpoints = static_cast<std::size_t>(c);
  }
  if (j.contains("eps")) {
    s.eps = read_number(j.at("eps"), "eps");
  } else {
    Rational loss;  // L̂(δ(0)) (E1), exactly
    for (std::size_t i = 0; i < s.gamma.size() && i < s.delta0.size(); ++i)
      loss = loss + s.gamma[i].value * s.delta0[i].value * s.delta0[i].value;
    s.eps = exact(loss / Rational(1'000'000));
  }
  validate(s);
  return s;
}

InstanceSpec read_instance_file(const std::string& path) { return instance_from_json(io::read_exact_json_file(path), path); }

json instance_to_json(const InstanceSpec& s) {
  auto texts = [](const std::vector<ExactValue>& v) {
    json a = json::array();
    for (const auto& e : v) a.push_back(e.value.str());
    return a;
  };
  json j{{"gamma", texts(s.gamma)}, {"lambda", texts(s.lambda)}, {"delta0", texts(s.delta0)},
         {"k", s.k}, {"alpha", s.alpha.value.str()}, {"eps", s.eps.value.str()}, {"K", s.K}};
  if (s.rho) j["rho"] = s.rho->value.str();
  if (s.eta) j["eta"] = s.eta->value.str();
  if (s.checkpoints) j["checkpoints"] = *s.checkpoints;
  return j;
}

}  // namespace annealcheck::model
