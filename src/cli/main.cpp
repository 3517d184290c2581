// annealcheck: checks Lemma 2 and Proposition 1 of Nakkiran 2020 by computation.
// Exit status: 0 success, 1 a checked claim failed, 2 bad input or usage.
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/input_error.hpp"
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <iostream>
#include <map>

int main(int argc, char** argv) {
  using namespace annealcheck;
  CLI::App app{"annealcheck: Lemma 2 / Proposition 1 of Nakkiran 2020 (learning-rate annealing), checked by computation.\n"
               "Equation labels (E1..E5, C1, C2, G, A, P1..P5) refer to SPEC.md."};
  app.require_subcommand(1);
  std::map<CLI::App*, cli::Run> runs;
  {
    CLI::App* types = app.add_subcommand("types", "List the number types of the precision ladder");
    runs[types] = [] {
      for (const auto& e : engine::ladder())
        std::cout << fmt::format("{:<18} {:>6}  {}\n", e.id, e.bits ? std::to_string(e.bits) : "-", e.description);
      return 0;
    };
  }
  cli::Run eval = cli::add_eval_command(app);
  runs[app.get_subcommand("eval")] = eval;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "annealcheck: " << e.what() << "\n(run `annealcheck --help` or `annealcheck SUBCOMMAND --help`)\n";
    return 2;
  }
  try {
    for (auto& [sub, run] : runs)
      if (sub && sub->parsed()) return run();
  } catch (const InputError& e) {
    std::cerr << "annealcheck: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "annealcheck: internal error: " << e.what() << "\n";
    return 3;
  }
  return 2;
}
