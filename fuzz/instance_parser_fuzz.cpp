// libFuzzer harness: the instance reader (io/exact_json + model/instance_spec).
// Any input must either parse to a valid instance or raise InputError; a crash,
// a sanitizer report, another exception or a hang is a bug. A parsed instance
// must read back equal through instance_to_json (the exact texts round-trip).
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/model/instance_spec.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace annealcheck;
  const std::string text(reinterpret_cast<const char*>(data), size);
  model::InstanceSpec spec;
  try {
    spec = model::instance_from_json(io::parse_exact_json(text, "fuzz"), "fuzz");
  } catch (const InputError&) {
    return 0;
  }
  const model::InstanceSpec again = model::instance_from_json(io::parse_exact_json(model::instance_to_json(spec).dump(), "again"), "again");
  if (again.dim() != spec.dim() || !(again.eps.value == spec.eps.value) || again.K != spec.K) std::abort();
  for (std::size_t i = 0; i < spec.dim(); ++i)
    if (!(again.gamma[i].value == spec.gamma[i].value) || !(again.delta0[i].value == spec.delta0[i].value)) std::abort();
  return 0;
}
