// FNV-1a, 64 bits: the one hash of the property layer — mixed into the seed of a
// run (seed xor fnv1a(property id), registry.cpp) and the case ids of the case
// log (runner.hpp case_hash).
#pragma once

#include <cstdint>
#include <string_view>

namespace annealcheck::properties::detail {

constexpr std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace annealcheck::properties::detail
