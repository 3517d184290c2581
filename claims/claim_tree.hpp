// A claim resolved against Lemma 2's vocabulary (SPEC §3): every name is known,
// every side is a number (vectors only indexed or aggregated over a block), and
// the tree says which runs its evaluation needs (claim_eval.hpp).
//
// Vocabulary (1-based indices, as in the SPEC):
//   instance   gamma[i] lambda[i] delta0[i]  k d K alpha eps eta rho
//   blocks     S = {1..k-1}  Sbar = {k..d}  P = {i : gamma_i = gamma_1}  Q = the rest  all
//   constants  M  Mprime (M')  c  Lhat0 = L̂(δ(0))  LD0 = L_D(δ(0))
//   GF(eps)    T (stopping time)  LD_gf  Lhat_gf  LS_gf LSbar_gf (L̂ over S, S̄) — at the exact stop, with its bound
//   annealed   LD_fast  Lhat_fast  T_fast (GF phase)  deltaK[i] (after the K GD steps)
//   every GF checkpoint of GF(eps) (SPEC §3 "At every step"): t  LD(t)  Lhat(t)
//   aggregates min(BLOCK, expr) max(BLOCK, expr) sum(BLOCK, expr) (inside, a bare
//              vector name is its i-th entry); min(a, b) max(a, b) of numbers
//   functions  exp log sqrt abs  and ^ (an integer power is exact in form)
// Unknown names, vectors used as numbers and blocks used as values throw
// ClaimError with the column and the names that are known; so does a part made of
// numbers only that is undefined (1/0, log(0), sqrt(-1), 0^-1): it is undefined on
// every instance.
//
// Size: the tree is at most limits::kMaxClaimDepth deep (ClaimError beyond), so the
// evaluators' recursion is bounded whatever the claim; a chain of more than
// kChainRun operands joined by + and - (or by * alone) is summed (multiplied) as a
// balanced tree of left-to-right runs of kChainRun, so such a chain of n operands
// costs log2(n / kChainRun) + kChainRun levels, not n. Building is linear in the
// claim's length.
#pragma once

#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/numeric/rational.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace annealcheck::claims {

enum class Scalar { k, d, K, alpha, eps, eta, rho, M, Mprime, c, Lhat0, LD0, T, LD_gf, Lhat_gf, LS_gf, LSbar_gf, LD_fast, Lhat_fast, T_fast, t, LD_t, Lhat_t };
enum class Vector { gamma, lambda, delta0, deltaK };
enum class Block { S, Sbar, P, Q, All };
enum class Op { Constant, Scalar, Element, Neg, Add, Sub, Mul, Div, Pow, Exp, Log, Sqrt, Abs, Min, Max, AggMin, AggMax, AggSum };

// index = base + offset (1-based): i (the aggregate's index), k, d or none.
struct Index {
  enum class Base { None, I, K, D } base = Base::None;
  long offset = 0;
};

struct Node {
  Op op = Op::Constant;
  std::size_t offset = 0;  // in the claim text (for messages)
  std::size_t from = 0, to = 0;  // the claim text [from, to) this subtree was read from
  numeric::Rational constant;
  Scalar scalar = Scalar::k;
  Vector vector = Vector::gamma;
  Index index;
  Block block = Block::All;
  std::vector<Node> args;
  std::size_t depth = 1;  // of this subtree, at most limits::kMaxClaimDepth (every walk of the tree recurses this deep)
};

// Which computations a claim needs.
struct Needs {
  bool gf = false;           // GF(eps) to its stop
  bool fast = false;         // annealed GD(K, eta, eps)
  bool checkpoints = false;  // t, LD(t), Lhat(t): decided at every GF checkpoint
};

struct CompiledClaim {
  std::string text;
  Node lhs, rhs;
  lemma2::Relation relation = lemma2::Relation::LessEqual;
  Needs needs;
};

// Whether 0-based coordinate i lies in the block: S = {i < split}, S̄ the rest, P by in_P.
inline bool in_block(Block b, std::size_t i, std::size_t split, const std::vector<bool>& in_P) {
  switch (b) {
    case Block::S: return i < split;
    case Block::Sbar: return i >= split;
    case Block::P: return in_P[i];
    case Block::Q: return !in_P[i];
    case Block::All: return true;
  }
  return false;
}

inline constexpr std::size_t kChainRun = 16;

// Parses (claim_parser.hpp) and resolves; throws ClaimError.
CompiledClaim compile_claim(const std::string& text);

// "gamma[i], lambda[i], ..., exp, log, sqrt, abs" for messages and --help.
std::string known_names();

}  // namespace annealcheck::claims
