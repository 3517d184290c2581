// The fixed split of d coordinates into blocks that every blocked loop and every
// blocked sum uses (numeric/block_runner.hpp runs the blocks on two threads). It
// depends only on d, so a sum over blocks has the same bits on every machine.
#pragma once

#include <cstddef>

namespace annealcheck::numeric {

inline constexpr std::size_t block_size = 4096;

inline constexpr std::size_t block_count(std::size_t n) { return n == 0 ? 1 : (n + block_size - 1) / block_size; }
inline constexpr std::size_t block_begin(std::size_t b) { return b * block_size; }
inline constexpr std::size_t block_end(std::size_t b, std::size_t n) {
  return (b + 1) * block_size < n ? (b + 1) * block_size : n;
}

}  // namespace annealcheck::numeric
