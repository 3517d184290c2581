// Constant folding of a claim tree (claim_fold.hpp): exact rationals where they stay small.
#include "claims/claim_fold.hpp"

#include "claims/claim_error.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace annealcheck::claims {
namespace {

// The exact value of a subtree made of numbers only, where the operations keep it
// rational and small; nullopt for anything else. `undefined` says why such a subtree
// has no value ("" when it has one or is not known exactly).
struct Folded {
  std::optional<numeric::Rational> value;
  std::string undefined;
  bool constant = false;  // made of numbers only (even if not rational: exp(1))
};

std::size_t bits(const numeric::Rational& q) {
  return mpz_sizeinbase(mpq_numref(q.get()), 2) + mpz_sizeinbase(mpq_denref(q.get()), 2);
}

// One node of fold(): its children already folded. Rationals are kept while the
// result stays under kFoldBits bits (a bound on the work, not on the claim).
Folded fold_node(const Node& n, const std::vector<Folded>& a) {
  using numeric::Rational;
  constexpr std::size_t kFoldBits = 1u << 16;
  Folded r;
  if (n.op == Op::Constant) return {n.constant, "", true};
  if (n.op == Op::Scalar || n.op == Op::Element || n.op == Op::AggMin || n.op == Op::AggMax || n.op == Op::AggSum) return r;
  for (const Folded& x : a) {
    if (!x.constant) return r;
    if (!x.undefined.empty()) return x;
  }
  r.constant = true;
  for (const Folded& x : a)
    if (!x.value) return r;
  const Rational& x = *a[0].value;
  const auto small = [&](Rational q) {
    if (bits(q) <= kFoldBits) r.value = std::move(q);
    return r;
  };
  switch (n.op) {
    case Op::Neg: return small(Rational(0) - x);
    case Op::Abs: return small(x.sign() < 0 ? Rational(0) - x : x);
    case Op::Add: return small(x + *a[1].value);
    case Op::Sub: return small(x - *a[1].value);
    case Op::Mul: return small(x * *a[1].value);
    case Op::Div:
      if (a[1].value->sign() == 0) return r.undefined = "division by zero", r;
      return small(x / *a[1].value);
    case Op::Min: return small(*a[1].value < x ? *a[1].value : x);
    case Op::Max: return small(x < *a[1].value ? *a[1].value : x);
    case Op::Log:
      if (x.sign() <= 0) r.undefined = "log of a non-positive number";
      return r;
    case Op::Sqrt:
      if (x.sign() < 0) r.undefined = "sqrt of a negative number";
      return r;
    case Op::Pow: {
      const Rational& e = *a[1].value;
      if (x.sign() == 0 && e.sign() < 0) return r.undefined = "0 to a negative power", r;
      if (!e.is_integer()) {
        if (x.sign() <= 0) r.undefined = "a non-positive number to a non-integer power";
        return r;
      }
      if (e.sign() < 0 || Rational(static_cast<long>(kFoldBits)) < e || bits(x) * static_cast<std::size_t>(e.approx()) > kFoldBits) return r;
      Rational p(1);
      for (long i = 0; i < static_cast<long>(e.approx()); ++i) p = p * x;
      return small(std::move(p));
    }
    default: return r;
  }
}

// [from, to) widened to the brackets it opens or closes without their partner (a
// node's span leaves out the parentheses around its arguments: "(2-2)/(1-1)").
std::pair<std::size_t, std::size_t> with_brackets(const std::string& text, std::size_t from, std::size_t to) {
  long depth = 0, lowest = 0;
  for (std::size_t i = from; i < to; ++i) {
    depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
    lowest = std::min(lowest, depth);
  }
  const auto step = [&](char c, char closes) { return c == closes ? 1L : (c == '(' || c == ')') ? -1L : 0L; };
  for (long need = -lowest; need > 0 && from > 0;) {
    --from;
    need -= step(text[from], '(');
  }
  for (long need = depth - lowest; need > 0 && to < text.size(); ++to) need -= step(text[to], ')');
  return {from, to};
}

// Refuses a part made of numbers only that is undefined (fold_node): it is undefined
// on every instance, the claim's error rather than each case's. Recursion: the
// tree's depth, at most max_claim_depth. Aggregates are left to the evaluation
// (over an empty block their body is never evaluated).
Folded fold(const Node& n, const std::string& text) {
  if (n.op == Op::AggMin || n.op == Op::AggMax || n.op == Op::AggSum) return {};
  std::vector<Folded> a;
  a.reserve(n.args.size());
  for (const Node& x : n.args) a.push_back(fold(x, text));
  Folded r = fold_node(n, a);
  if (!r.undefined.empty()) {
    const auto [from, to] = with_brackets(text, n.from, std::min(n.to, text.size()));
    throw ClaimError(text, from, "the part " + quote(text.substr(from, to - from)) + " is undefined (" + r.undefined + ") whatever the instance",
                     "a claim defined on the instances: its parts made of numbers only must have a value");
  }
  return r;
}

}  // namespace

void refuse_undefined_constants(const Node& n, const std::string& text) { fold(n, text); }

}  // namespace annealcheck::claims
