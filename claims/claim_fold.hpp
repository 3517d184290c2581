// Claims whose parts made of numbers only are undefined ("1/0", "log(-2)"): the claim's
// error, refused once at compile time, rather than each case's (issue 22).
#pragma once

#include "claims/claim_tree.hpp"

#include <string>

namespace annealcheck::claims {

// Throws ClaimError naming the undefined part of `text` (the claim `n` was compiled from).
void refuse_undefined_constants(const Node& n, const std::string& text);

}  // namespace annealcheck::claims
