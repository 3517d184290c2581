// `annealcheck types`: the precision ladder.
#include "annealcheck/engine/type_id.hpp"
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <iostream>

namespace annealcheck::cli {

Command add_types_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("types", "List the number types of the precision ladder (id, bits, description)");
  return {cmd, [] {
            for (const auto& e : engine::ladder())
              std::cout << fmt::format("{:<18} {:>6}  {}\n", e.id, e.bits ? std::to_string(e.bits) : "-", e.description);
            return 0;
          }};
}

}  // namespace annealcheck::cli
