// `annealcheck replay REPORT.json`: re-evaluates a report's shrunk case and shows
// that the same inequality breaks with the same lhs and rhs (or, at another type,
// what happens there).
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "reports/counterexample_report.hpp"
#include "cli/claim_option.hpp"
#include "cli/commands.hpp"
#include "properties/registry.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace annealcheck::cli {

Command add_replay_command(CLI::App& app) {
  struct Options {
    std::string path;
    std::optional<std::string> type;
    bool certified = false, fast = false;
    std::string coq;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("replay", "Re-evaluate a counterexample report and reproduce its violation");
  cmd->add_option("report", o->path, "A report JSON written by `check` or `verify`")->required();
  cmd->add_option("--type", o->type, "Evaluate at another number type");
  cmd->add_flag("--certified", o->certified,
                "Decide the case on the exact case too (the default; kept for scripts): exit 1 unless the violation is certified");
  cmd->add_flag("--fast", o->fast, "The point verdict only: no decision on the exact case")->excludes("--certified");
  cmd->add_option("--coq", o->coq, "Write a Coq certificate of the violation (F2's reports; docs/coq.md)");
  return {cmd, [o] {
            const nlohmann::json rep = report::read_report(o->path);
            const std::string id = rep["property"]["id"];
            if (!o->coq.empty()) {
              if (id != "falsify.f2-g-without-one-minus-alpha")
                throw InputError("--coq", quote(id), "a report of falsify.f2-g-without-one-minus-alpha (the refutation certified in Coq)");
              return write_f2_refutation_certificate(rep["instance"], o->path, o->coq);
            }
            const std::string recorded_type = rep["type"]["id"];
            const std::string type = o->type.value_or(recorded_type);
            if (rep["property"].contains("claim")) {  // a text claim: parse it again (its id is its text's hash)
              const nlohmann::json& cl = rep["property"]["claim"];
              if (!cl.is_object() || !cl.contains("text") || !cl["text"].is_string() || !cl.contains("given") || !cl["given"].is_string())
                throw InputError("property.claim", io::describe(cl), "{\"text\": the claim, \"given\": its premises}");
              const std::string claim_id = register_claim_text(cl["text"], cl["given"]);
              if (claim_id != id) throw InputError("property.id", quote(id), "the id of the recorded claim, " + claim_id);
            }
            properties::CaseReport c;
            try {
              c = properties::check_case(id, type, rep["instance"]);
            } catch (const nlohmann::json::exception&) {  // the case does not decode as this property's case
              throw InputError("instance", io::describe(rep["instance"]), "the case of " + id + " as `check` writes it");
            }
            const properties::Verdict& v = c.verdict;
            const nlohmann::json& was = rep["violation"];
            std::cout << fmt::format("{} on {} at {}\n", id, c.summary, type);
            std::cout << "  " << properties::render_verdict(v) << "\n";
            bool certified_ok = true;
            if (!o->fast) {
              const properties::CertifiedVerdict cv = properties::certify_case(id, rep["instance"]);
              std::cout << "  certified: " << properties::render_certified(cv) << "\n  " << properties::certified_statement(cv) << "\n";
              certified_ok = cv.decision == "refuted";
            }
            if (type != recorded_type) {
              std::cout << (v.outcome == "within rounding"
                                ? fmt::format("within rounding at {}: {} cannot decide the case recorded at {}\n", type, type, recorded_type)
                            : v.holds ? fmt::format("{} at {}: the violation recorded at {} does not occur here\n", v.outcome, type, recorded_type)
                                      : fmt::format("fails at {} too ({}; recorded at {}: {})\n", type, v.label, recorded_type,
                                                    was["label"].get<std::string>()));
              return v.holds && certified_ok ? 0 : 1;
            }
            const bool same = !v.holds && v.label == was["label"] && v.lhs == was["lhs"] && v.rhs == was["rhs"] && v.where == was["where"];
            if (same) {
              std::cout << "reproduced: the same inequality breaks with identical lhs and rhs, at the same place\n";
              return certified_ok ? 0 : 1;
            }
            std::cout << fmt::format("NOT reproduced: recorded {} lhs {} rhs {} at {}\n", was["label"].get<std::string>(),
                                     was["lhs"].get<std::string>(), was["rhs"].get<std::string>(), was["where"].get<std::string>());
            return 1;
          }};
}

}  // namespace annealcheck::cli
