// libFuzzer harness: the claim language (claims/: claim_parser + claim_tree,
// issue 22). Any input must either compile to a claim or raise InputError (a
// ClaimError naming the column, or a limit); a crash, a sanitizer report (a stack
// overflow from deep nesting among them), another exception or a hang is a bug.
// A compiled claim's tree must keep the promises of claim_tree.hpp: at most
// limits::kMaxClaimDepth deep (walked here with an explicit stack, so the check
// itself cannot overflow), every node's depth one more than its deepest argument,
// and every node's span inside the text.
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"
#include "claims/claim_tree.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

void check_tree(const annealcheck::claims::Node& root, std::size_t size) {
  std::vector<const annealcheck::claims::Node*> todo{&root};
  while (!todo.empty()) {
    const annealcheck::claims::Node& n = *todo.back();
    todo.pop_back();
    std::size_t deepest = 0;
    for (const auto& a : n.args) {
      deepest = a.depth > deepest ? a.depth : deepest;
      todo.push_back(&a);
    }
    if (n.depth != deepest + 1 || n.depth > annealcheck::limits::kMaxClaimDepth) std::abort();
    if (n.from > n.offset || n.to > size || n.from >= n.to) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const annealcheck::claims::CompiledClaim c = annealcheck::claims::compile_claim(text);
    check_tree(c.lhs, text.size());
    check_tree(c.rhs, text.size());
  } catch (const annealcheck::InputError&) {
  }
  return 0;
}
