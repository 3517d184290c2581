// annealcheck._annealcheck: the library the CLI uses, called in process (issue 25).
// Every entry point takes plain Python values, builds the same request the CLI
// builds from its options, runs it with the GIL released and returns the record the
// CLI's `--format json` prints, as Python dicts and lists (python_json.hpp). The
// Python package (python/annealcheck/__init__.py) wraps these records.
#include "python/python_json.hpp"

#include "annealcheck/audit/audit.hpp"
#include "annealcheck/audit/render.hpp"
#include "annealcheck/certified/eval_run.hpp"
#include "annealcheck/engine/problem.hpp"
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "annealcheck/prop1/report.hpp"
#include "claims/claim_error.hpp"
#include "claims/claim_property.hpp"
#include "claims/claim_tree.hpp"
#include "claims/search_run.hpp"
#include "properties/registry.hpp"

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <optional>
#include <ostream>
#include <streambuf>
#include <string>

namespace py = pybind11;
using annealcheck::InputError;

namespace annealcheck::python {
namespace {

// An instance from Python values, read and validated exactly as an instance file.
model::InstanceSpec read_instance(const py::dict& instance) { return model::instance_from_json(from_python(instance, ""), "instance"); }

// A stream whose every line (one generated case of a property run) calls
// `progress(done, total)` with the GIL held; the run itself holds no GIL.
class ProgressLines : public std::streambuf {
 public:
  ProgressLines(py::object progress, int total) : progress_(std::move(progress)), total_(total) {}
  int error_pending() const { return error_; }

 protected:
  int overflow(int c) override {
    if (c == '\n' && !progress_.is_none() && !error_) {
      py::gil_scoped_acquire gil;
      try {
        progress_(++done_, total_);
      } catch (py::error_already_set&) {
        error_ = 1;  // the callback raised: reported after the run (a run is not interrupted midway)
      }
    }
    return c == EOF ? 0 : c;
  }

 private:
  py::object progress_;
  int total_, done_ = 0, error_ = 0;
};

// One eval's run, kept so that its text table is rendered only when asked for.
struct EvalResult {
  certified::EvalRun run;
};

EvalResult evaluate(engine::Problem problem, const std::string& type, bool certified, bool fast,
                    std::optional<std::size_t> checkpoints, int digits, long certified_bits, long certified_cap) {
  certified::EvalRequest request{std::move(problem), type, checkpoints, digits, certified, fast, {}};
  request.cert.start_bits = certified_bits;
  request.cert.cap_bits = certified_cap;
  py::gil_scoped_release nogil;
  return {certified::run_eval(std::move(request))};
}

std::string resolve(const std::string& property, const std::optional<std::string>& claim, const std::string& given) {
  if (!claim) return property;
  if (!property.empty()) throw InputError("claim", "both a property id (" + quote(property) + ") and a claim", "one of them");
  return claims::register_claim({*claim, claims::parse_given(given)});
}

py::object check(const std::string& property, const std::optional<std::string>& claim, const std::string& given,
                 const std::string& type, std::optional<int> cases, std::optional<std::uint64_t> seed,
                 std::optional<std::size_t> max_dim, bool certified, bool fast, const py::object& progress) {
  const std::string id = resolve(property, claim, given);
  const properties::PropertyInfo& info = properties::property_info(id);
  properties::require_type(info, type);
  properties::RunOptions ro;
  ro.type = type;
  ro.cases = cases;
  ro.seed = seed;
  ro.max_dim = max_dim;
  ro.certified = certified;
  ro.fast = fast;
  ProgressLines lines(progress, cases.value_or(properties::resolved_cases(id, type, certified)));
  std::ostream log(&lines);
  ro.case_log = progress.is_none() ? nullptr : &log;
  std::optional<properties::RunResult> r;
  {
    py::gil_scoped_release nogil;
    r = properties::run_property(id, ro);
  }
  if (lines.error_pending()) throw py::error_already_set();
  nlohmann::json j = properties::run_to_json(*r);
  j["succeeded"] = properties::run_succeeded(*r);
  j["failure_reason"] = properties::run_failure_reason(*r);
  return to_python(j);
}

py::object search(const std::string& property, const std::optional<std::string>& claim, const std::string& given,
                  const std::string& type, long budget, std::optional<std::uint64_t> seed, const std::map<std::string, std::string>& fix,
                  bool certified) {
  claims::SearchOptions so;
  so.id = resolve(property, claim, given);
  so.type = type;
  so.budget = budget;
  so.seed = seed.value_or(properties::default_seed());
  for (const auto& [name, value] : fix) so.fix.insert(claims::parse_fix(name + "=" + value));
  so.premises = claim ? claims::parse_given(given) : claims::property_premises(so.id);
  std::optional<claims::SearchRun> run;
  {
    py::gil_scoped_release nogil;
    run = claims::run_search(so, certified);
  }
  return to_python(claims::search_json(*run, std::nullopt));
}

py::object audit_problem(engine::Problem problem, const std::string& types, const std::string& reference, double min_digits) {
  audit::AuditOptions opt;
  if (!types.empty()) opt.ladder = audit::parse_ladder(types, "types");
  if (!reference.empty()) opt.reference_bits = audit::parse_reference(reference, "reference");
  opt.min_digits = min_digits;
  std::optional<audit::AuditResult> a;
  {
    py::gil_scoped_release nogil;
    a = audit::run_audit(problem, opt);
  }
  return to_python(audit::render_json(*a));
}

py::object prop1_run(const std::string& alpha, const std::string& eps, long K, const std::string& type, std::uint64_t seed,
                     bool rotated, const std::string& flow, const std::string& figure) {
  prop1::Prop1Options o;
  o.alpha = alpha;
  o.eps = eps;
  o.K = K;
  o.seed = seed;
  o.rotated = rotated;
  o.flow = flow;
  o.figure_prefix = figure;
  const engine::TypeSpec t = engine::parse_type_id(type);
  std::optional<prop1::Prop1Report> r;
  {
    py::gil_scoped_release nogil;
    r = prop1::run_prop1(t, o);
  }
  return to_python(prop1::render_json(*r));
}

}  // namespace
}  // namespace annealcheck::python

PYBIND11_MODULE(_annealcheck, m) {
  using namespace annealcheck::python;
  namespace ac = annealcheck;
  m.doc() = "annealcheck's library in process; use the `annealcheck` package, not this module";
  m.attr("__version__") = ANNEALCHECK_VERSION;
  static py::exception<InputError> input_error(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InputError& e) {
      py::object err = py::handle(input_error.ptr())(e.what());  // an instance, to carry the fields
      err.attr("field") = e.field();
      err.attr("value") = e.value();
      err.attr("expected") = e.expected();
      // A claim that does not read: the claim with a caret under the column, as the CLI prints it.
      if (const auto* c = dynamic_cast<const annealcheck::claims::ClaimError*>(&e)) err.attr("display") = c->display();
      PyErr_SetObject(input_error.ptr(), err.ptr());
    }
  });
  m.def("normalized_instance", [](const py::dict& instance) {
    return to_python(ac::model::instance_to_json(read_instance(instance)));
  }, "The instance as the library reads it: every value as its exact text");
  py::class_<EvalResult>(m, "EvalResult")
      .def("record", [](const EvalResult& r) { return to_python(ac::certified::eval_json(r.run)); }, "eval --format json's record")
      .def("table", [](const EvalResult& r) { return ac::certified::eval_table(r.run); }, "eval's text")
      .def_property_readonly("exit_status", [](const EvalResult& r) { return r.run.exit_status; });
  m.def("validate_prop1", [](const std::string& alpha, const std::string& eps, long K) { ac::engine::prop1_case21(alpha, eps, K); });
  m.def("evaluate_instance", [](const py::dict& instance, const std::string& type, bool certified, bool fast, std::optional<std::size_t> checkpoints,
                                int digits, long bits, long cap) { return evaluate(read_instance(instance), type, certified, fast, checkpoints, digits, bits, cap); },
        py::arg("instance"), py::arg("type"), py::arg("certified"), py::arg("fast"), py::arg("checkpoints"), py::arg("digits"),
        py::arg("certified_bits"), py::arg("certified_cap"));
  m.def("evaluate_prop1", [](const std::string& alpha, const std::string& eps, long K, const std::string& type, bool certified, bool fast,
                             std::optional<std::size_t> checkpoints, int digits, long bits, long cap) {
          return evaluate(ac::engine::prop1_case21(alpha, eps, K), type, certified, fast, checkpoints, digits, bits, cap);
        }, py::arg("alpha"), py::arg("eps"), py::arg("K"), py::arg("type"), py::arg("certified"), py::arg("fast"), py::arg("checkpoints"),
        py::arg("digits"), py::arg("certified_bits"), py::arg("certified_cap"));
  m.def("check", &check, py::arg("property"), py::arg("claim"), py::arg("given"), py::arg("type"), py::arg("cases"), py::arg("seed"),
        py::arg("max_dim"), py::arg("certified"), py::arg("fast"), py::arg("progress"));
  m.def("search", &search, py::arg("property"), py::arg("claim"), py::arg("given"), py::arg("type"), py::arg("budget"), py::arg("seed"),
        py::arg("fix"), py::arg("certified"));
  m.def("audit_instance", [](const py::dict& instance, const std::string& types, const std::string& reference, double min_digits) {
    return audit_problem(read_instance(instance), types, reference, min_digits);
  });
  m.def("audit_prop1", [](const std::string& alpha, const std::string& eps, long K, const std::string& types, const std::string& reference,
                          double min_digits) { return audit_problem(ac::engine::prop1_case21(alpha, eps, K), types, reference, min_digits); });
  m.def("prop1", &prop1_run, py::arg("alpha"), py::arg("eps"), py::arg("K"), py::arg("type"), py::arg("seed"), py::arg("rotated"),
        py::arg("flow"), py::arg("figure"));
  m.def("properties", [] {
    py::list out;
    for (const auto& info : ac::properties::catalog()) out.append(info.id);
    return out;
  });
}
