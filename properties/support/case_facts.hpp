// What the runner needs to know about a generated case, whatever its type:
// a one-line summary, classification tags (RC_TAG), its dimension and K.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::properties {

struct CaseFacts {
  std::string summary;            // "d=5 k=3 |P|=2 K=12"
  std::vector<std::string> tags;  // "top-tie", "near-degenerate<1e-20", "span>=1e30", "K=0", ...
  std::size_t dim = 0;
  std::optional<long> K;
};

// Options a generator is built with for one run.
struct GenOptions {
  std::size_t max_dim = 64;     // already clamped to the property's own limit
  std::string type = "double";  // the number type of the run (a generator may cap costs for mpq)
};

}  // namespace annealcheck::properties
