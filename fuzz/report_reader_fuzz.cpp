// libFuzzer harness: the counterexample-report reader (report/report_schema).
// Any input must either pass the schema check — then every field replay uses is
// there with its kind — or raise InputError.
#include "annealcheck/io/input_error.hpp"
#include "reports/report_schema.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace annealcheck;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const nlohmann::json j = report::parse_report(text, "fuzz");
    // what `annealcheck replay` reads: must not throw now
    (void)j.at("property").at("id").get<std::string>();
    (void)j.at("type").at("id").get<std::string>();
    (void)j.at("instance");
    for (const char* k : {"label", "lhs", "rhs", "where"}) (void)j.at("violation").at(k).get<std::string>();
  } catch (const InputError&) {
  }
  return 0;
}
