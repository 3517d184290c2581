// `annealcheck certify INSTANCE.json --coq OUT.v` (or `certify --prop1 --alpha A --eps E
// --K K --coq OUT.v`): a Coq certificate of Lemma 2's conclusions for that instance
// (src/annealcheck/coq/certificate.hpp; docs/coq.md). Given a
// counterexample report of F2 instead of an instance, it certifies F2's claim — which
// is false there, so it says so and exits 1 (`replay REPORT --coq` certifies the
// violation). Exit 0: written; 1: a statement could not be proved; 2: bad input.
#include "annealcheck/coq/certificate.hpp"
#include "annealcheck/engine/problem.hpp"
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace annealcheck::cli {

namespace {
constexpr const char* kF2 = "falsify.f2-g-without-one-minus-alpha";

int write_coq_certificate(const coq::Instance& in, coq::Goal goal, const std::string& out) {
  std::string text;
  try {
    text = coq::certificate(in, goal);
  } catch (const coq::Unprovable& e) {
    std::cerr << "annealcheck certify: no certificate written: " << e.what() << "\n";
    return 1;
  }
  io::write_file_atomically(out, text, "--coq");
  // The certificate imports the library coq/Lemma2.v, which coqc must have compiled once (coq/Lemma2.vo).
  std::cout << fmt::format("wrote {} ({} coordinates); check it with: coqc -R coq Annealcheck {}\n"
                           "  (from the repository's root, once the library is compiled: coqc -R coq Annealcheck coq/Lemma2.v)\n",
                           out, in.coords.size(), out);
  return 0;
}

coq::Instance coq_instance_of_case(const nlohmann::json& instance, const std::string& source) {
  return coq::from_spec(model::instance_from_json(instance, source));
}

}  // namespace

int write_f2_refutation_certificate(const nlohmann::json& instance, const std::string& source, const std::string& out) {
  return write_coq_certificate(coq_instance_of_case(instance, source), coq::Goal::RefuteF2, out);
}

Command add_certify_command(CLI::App& app) {
  struct Options {
    std::string instance, out;
    bool prop1 = false;
    std::string alpha = "1/2", eps = "1e-15";
    long K = 10;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("certify", "Write a Coq certificate of Lemma 2's conclusions for an instance (checked by coqc)");
  cmd->add_option("instance", o->instance, "An instance JSON file (or an F2 counterexample report: certifies its claim)");
  cmd->add_option("--coq", o->out, "The .v file to write")->required();
  cmd->add_flag("--prop1", o->prop1, "Proposition 1's (2,1) case instead of a file (SPEC §4)");
  cmd->add_option("--alpha", o->alpha, "alpha for --prop1, in (0,1)")->capture_default_str();
  cmd->add_option("--eps", o->eps, "eps for --prop1, > 0")->capture_default_str();
  cmd->add_option("--K", o->K, "GD steps for --prop1, >= 0")->capture_default_str();
  return {cmd, [o, cmd] {
            if (o->prop1) {
              if (!o->instance.empty()) throw InputError("instance", "\"" + o->instance + "\"", "no instance file together with --prop1");
              const engine::Prop1Case21 p = engine::prop1_case21(o->alpha, o->eps, o->K);
              return write_coq_certificate(coq::prop1_case21(p.alpha.value, p.eps.value, p.K, p.alpha.text, p.eps.text),
                                           coq::Goal::Conclusions, o->out);
            }
            for (const char* opt : {"--alpha", "--eps", "--K"})
              if (cmd->count(opt) > 0) throw InputError(opt, "a value without --prop1", "--prop1 (instance files carry their own alpha, eps, K)");
            if (o->instance.empty()) throw InputError("instance", "nothing", "an instance JSON file, or --prop1");
            const nlohmann::json j = io::read_exact_json_file(o->instance);
            if (j.is_object() && j.contains("property") && j.contains("instance")) {  // a counterexample report
              const nlohmann::json& id = j["property"].is_object() ? j["property"].value("id", nlohmann::json()) : nlohmann::json();
              if (!id.is_string() || id.get<std::string>() != kF2)
                throw InputError("property.id", io::describe(id), std::string("a report of ") + kF2 + " (the claim a certificate is written for)");
              return write_coq_certificate(coq_instance_of_case(j["instance"], o->instance), coq::Goal::ClaimF2, o->out);
            }
            return write_coq_certificate(coq::from_spec(model::instance_from_json(j, o->instance)), coq::Goal::Conclusions, o->out);
          }};
}

}  // namespace annealcheck::cli
