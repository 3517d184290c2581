// `annealcheck list`: the property catalog.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "properties/registry.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace annealcheck::cli {

Command add_list_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = app.add_subcommand("list", "List every property: id, statement with SPEC labels, types, expected to hold or be refuted");
  cmd->add_option("--format", *format, "text or json")->check(one_of({"text", "json"}))->capture_default_str();
  return {cmd, [format] {
            nlohmann::json all = nlohmann::json::array();
            for (const auto& p : properties::catalog()) {
              std::string types;
              for (const auto& t : p.types) types += (types.empty() ? "" : ",") + t;
              if (p.runtime_mpfr) types += ",mpfr:BITS,mpfr:random";
              const char* expect = p.kind == properties::PropertyKind::Holds ? "holds" : "refuted";
              if (*format == "json")
                all.push_back({{"id", p.id}, {"statement", p.statement}, {"expected", expect}, {"types", p.types},
                              {"lemma2_instance", properties::has_lemma2_instances(p.id)}, {"runtime_mpfr", p.runtime_mpfr}});
              else
                std::cout << fmt::format("{:<34} {:<8} [{}]\n    {}\n", p.id, expect, types, p.statement);
            }
            if (*format == "json") std::cout << all.dump(2) << "\n";
            return 0;
          }};
}

}  // namespace annealcheck::cli
