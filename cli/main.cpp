// annealcheck: checks Lemma 2 and Proposition 1 of Nakkiran 2020 by computation.
// Exit status: 0 success, 1 a checked claim failed, 2 bad input or usage, 3 internal error.
#include "annealcheck/io/input_error.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace annealcheck;
  CLI::App app{"annealcheck: Lemma 2 / Proposition 1 of Nakkiran 2020 (learning-rate annealing), checked by computation.\n"
               "Equation labels (E1..E5, C1, C2, G, A, P1..P5) refer to SPEC.md."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "annealcheck " ANNEALCHECK_VERSION);  // project(VERSION) in CMakeLists.txt, as the Python module's
  app.footer("Input limits (max d, K, checkpoints, input bytes, JSON nesting, bits): `annealcheck limits`.");
  const std::vector<cli::Command> commands{
      cli::add_types_command(app),
      cli::add_eval_command(app),
      cli::add_list_command(app),
      cli::add_check_command(app),
      cli::add_replay_command(app),
      cli::add_verify_command(app),
      cli::add_merge_command(app),
      cli::add_prop1_command(app),
      cli::add_audit_command(app),
      cli::add_limits_command(app),
      cli::add_search_command(app),
      cli::add_certify_command(app),
  };
  cli::harden(app);  // decimal integers only, every option
  if (argc > 1 && argv[1][0] != '-') {  // name an unknown command instead of CLI11's "A subcommand is required"
    bool known = false;
    std::string names;
    for (const auto& c : commands) {
      known = known || c.app->get_name() == argv[1];
      names += (names.empty() ? "" : ", ") + c.app->get_name();
    }
    if (!known) {
      std::cerr << "annealcheck: error: field 'COMMAND': got " << quote(argv[1]) << " (unknown command); expected one of " << names
                << " (see `annealcheck --help`)\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "annealcheck: error: " << cli::error_line(e, app, argc, argv) << "\n";
    return 2;
  } catch (const InputError& e) {
    std::cerr << "annealcheck: error: " << e.what() << "\n";
    return 2;
  }
  try {
    for (const auto& c : commands)
      if (c.app->parsed()) return c.run();
  } catch (const InputError& e) {
    std::cerr << "annealcheck: error: " << e.what() << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "annealcheck: error: out of memory (the input is too large for this machine; see `annealcheck limits`)\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "annealcheck: internal error: " << e.what() << "\n";
    return 3;
  }
  return 2;
}
