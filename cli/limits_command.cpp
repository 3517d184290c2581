// `annealcheck limits`: the input limits every reader and option enforces
// (annealcheck/limits.hpp), as a table or JSON.
#include "annealcheck/limits.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace annealcheck::cli {

Command add_limits_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("table");
  CLI::App* cmd = app.add_subcommand("limits", "Print the input limits (max d, K, checkpoints, input bytes, nesting, bits); input beyond them is refused, exit 2");
  cmd->add_option("--format", *format, "table or json")->check(one_of({"table", "json"}))->capture_default_str();
  return {cmd, [format] {
            if (*format == "json") {
              nlohmann::json j = nlohmann::json::object();
              for (const auto& r : limits::table()) j[r.name] = {{"value", std::stoll(r.value)}, {"what", r.what}};
              std::cout << j.dump(2) << "\n";
            } else {
              for (const auto& r : limits::table()) std::cout << fmt::format("{:<22} {:>12}  {}\n", r.name, r.value, r.what);
            }
            return 0;
          }};
}

}  // namespace annealcheck::cli
