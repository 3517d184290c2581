// libFuzzer harness: numeric::parse_rational. Any text either parses or gives a
// reason; a parsed value prints ("p/q") and reads back to the same rational.
#include "annealcheck/numeric/rational.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace annealcheck::numeric;
  const RationalParse p = parse_rational(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!p.ok()) {
    if (p.error.empty()) std::abort();
    return 0;
  }
  const RationalParse back = parse_rational(p.value.str());
  if (!back.ok() || !(back.value == p.value)) std::abort();
  return 0;
}
