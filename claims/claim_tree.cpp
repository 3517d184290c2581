// Resolving a parsed claim (claim_ast.hpp) into claim_tree.hpp's Node tree.
#include "claims/claim_tree.hpp"

#include "annealcheck/limits.hpp"
#include "claims/claim_error.hpp"
#include "claims/claim_fold.hpp"
#include "claims/claim_parser.hpp"

#include <boost/variant/apply_visitor.hpp>

#include <algorithm>
#include <map>
#include <optional>

namespace annealcheck::claims {
namespace {

const std::map<std::string, Scalar>& scalars() {
  static const std::map<std::string, Scalar> m{
      {"k", Scalar::k}, {"d", Scalar::d}, {"K", Scalar::K}, {"alpha", Scalar::alpha}, {"eps", Scalar::eps},
      {"eta", Scalar::eta}, {"rho", Scalar::rho}, {"M", Scalar::M}, {"Mprime", Scalar::Mprime}, {"M'", Scalar::Mprime},
      {"c", Scalar::c}, {"Lhat0", Scalar::Lhat0}, {"LD0", Scalar::LD0}, {"T", Scalar::T}, {"LD_gf", Scalar::LD_gf},
      {"Lhat_gf", Scalar::Lhat_gf}, {"LS_gf", Scalar::LS_gf}, {"LSbar_gf", Scalar::LSbar_gf}, {"LD_fast", Scalar::LD_fast}, {"Lhat_fast", Scalar::Lhat_fast}, {"T_fast", Scalar::T_fast},
      {"t", Scalar::t}};
  return m;
}
const std::map<std::string, Vector>& vectors() {
  static const std::map<std::string, Vector> m{
      {"gamma", Vector::gamma}, {"lambda", Vector::lambda}, {"delta0", Vector::delta0}, {"deltaK", Vector::deltaK}};
  return m;
}
const std::map<std::string, Block>& blocks() {
  static const std::map<std::string, Block> m{{"S", Block::S}, {"Sbar", Block::Sbar}, {"P", Block::P}, {"Q", Block::Q}, {"all", Block::All}};
  return m;
}
const std::map<std::string, Op>& functions() {
  static const std::map<std::string, Op> m{{"exp", Op::Exp}, {"log", Op::Log}, {"sqrt", Op::Sqrt}, {"abs", Op::Abs},
                                           {"min", Op::Min}, {"max", Op::Max}, {"sum", Op::AggSum}};
  return m;
}

// The operand itself when `o` is a chain of one-operand expressions (each precedence
// level of the grammar wraps its single operand), else `o`.
const ast::Operand& unwrap(const ast::Operand& o) {
  if (const auto* e = boost::get<boost::spirit::x3::forward_ast<ast::Expression>>(&o.get()))
    if (e->get().rest.empty()) return unwrap(e->get().first);
  return o;
}

Node node(Op op, std::size_t offset) {
  Node n;
  n.op = op;
  n.offset = offset;
  n.from = offset;
  n.to = offset + 1;
  return n;
}

std::size_t at(const boost::spirit::x3::position_tagged& n) { return n.id_first < 0 ? 0 : static_cast<std::size_t>(n.id_first); }
std::size_t end(const boost::spirit::x3::position_tagged& n) { return n.id_last < 0 ? at(n) : static_cast<std::size_t>(n.id_last); }

void mark_needs(Scalar s, Needs& needs) {
  switch (s) {
    case Scalar::T: case Scalar::LD_gf: case Scalar::Lhat_gf: case Scalar::LS_gf: case Scalar::LSbar_gf: needs.gf = true; break;
    case Scalar::LD_fast: case Scalar::Lhat_fast: case Scalar::T_fast: needs.fast = true; break;
    case Scalar::t: case Scalar::LD_t: case Scalar::Lhat_t: needs.checkpoints = true; break;
    default: break;
  }
}

class Resolver {
 public:
  explicit Resolver(const std::string& text) : text_(text) {}
  Needs needs;

  [[noreturn]] void fail(std::size_t offset, const std::string& what, const std::string& expected) const {
    throw ClaimError(text_, offset, what, expected);
  }

  Node expression(const ast::Expression& e) {
    if (e.rest.empty()) return operand(e.first);
    const char op0 = e.rest.front().op;
    if (op0 == '^') {  // right-associative: a ^ b ^ c = a ^ (b ^ c)
      Node r = operand(e.rest.back().operand);
      for (std::size_t j = e.rest.size(); j-- > 0;) r = join(Op::Pow, j == 0 ? operand(e.first) : operand(e.rest[j - 1].operand), std::move(r));
      return r;
    }
    const auto op_of = [](char c) { return c == '+' ? Op::Add : c == '-' ? Op::Sub : c == '*' ? Op::Mul : Op::Div; };
    const bool additive = op0 == '+' || op0 == '-';
    const bool balance = e.rest.size() >= kChainRun &&
                         std::all_of(e.rest.begin(), e.rest.end(), [&](const ast::Operation& o) { return additive || o.op == '*'; });
    if (!balance) {  // left to right: a - b - c = (a - b) - c
      Node r = operand(e.first);
      for (const ast::Operation& o : e.rest) r = join(op_of(o.op), std::move(r), operand(o.operand));
      return r;
    }
    // A long chain: a - b + c = a + (-b) + c (negation is exact), summed as a balanced tree of runs.
    std::vector<Node> xs;
    xs.push_back(operand(e.first));
    for (const ast::Operation& o : e.rest) {
      Node x = operand(o.operand);
      const std::size_t from = x.from;
      xs.push_back(o.op == '-' ? join(Op::Neg, from, std::move(x)) : std::move(x));
    }
    return balanced(xs, 0, xs.size(), additive ? Op::Add : Op::Mul);
  }

  Node operand(const ast::Operand& o) {
    return boost::apply_visitor([this](const auto& x) { return this->visit(x); }, o);
  }
  Node visit(const ast::Number& n) {
    Node r = leaf(Op::Constant, n);
    numeric::RationalParse p = numeric::parse_rational(n.text);
    if (!p.ok()) fail(at(n), "the number " + n.text + " (" + p.error + ")", "a finite decimal number");
    r.constant = std::move(p.value);
    return r;
  }
  Node visit(const ast::Signed& s) { return join(Op::Neg, at(s), operand(s.operand)); }
  Node visit(const ast::Expression& e) { return expression(e); }
  Node visit(const ast::Name& n) {
    Node r = name(n.name, at(n));
    r.to = end(n);
    return r;
  }
  Node visit(const ast::Indexed& x) {
    const auto v = vectors().find(x.name);
    if (v == vectors().end()) fail(at(x), "\"" + x.name + "[...]\" (not a vector)", "a vector: gamma, lambda, delta0, deltaK");
    if (v->second == Vector::deltaK) needs.fast = true;
    Node r = leaf(Op::Element, x);
    r.vector = v->second;
    r.index = index(x.index);
    return r;
  }
  Node visit(const ast::Call& c);

 private:
  const std::string& text_;
  bool in_aggregate_ = false;

  template <class Tagged>
  Node leaf(Op op, const Tagged& t) {
    Node r = node(op, at(t));
    r.to = end(t);
    return r;
  }

  // `n` with its arguments in place: its depth and span, refused beyond max_claim_depth
  // (before a deeper tree exists, so no walk of one ever recurses further).
  Node finish(Node n) {
    n.from = std::min(n.from, n.offset);
    n.to = std::max(n.to, n.offset + 1);
    for (const Node& a : n.args) {
      n.depth = std::max(n.depth, a.depth + 1);
      n.from = std::min(n.from, a.from);
      n.to = std::max(n.to, a.to);
    }
    if (n.depth > limits::kMaxClaimDepth)
      fail(n.offset, "operations nested " + std::to_string(n.depth) + " deep",
           "at most " + std::to_string(limits::kMaxClaimDepth) + " (max_claim_depth, annealcheck limits); a chain of n terms joined by + and - or by * alone counts about 16 + log2(n/16), "
           "one of / or of ^ counts in full");
    return n;
  }
  Node join(Op op, std::size_t offset, Node a) {
    Node r = node(op, offset);
    r.args.push_back(std::move(a));
    return finish(std::move(r));
  }
  // a op b; its offset (for messages) is b's start, right after the operator (the
  // grammar's Operation has no rule of its own, so no position).
  Node join(Op op, Node a, Node b) {
    Node r = node(op, b.from);
    r.from = a.from;
    r.args.reserve(2);
    r.args.push_back(std::move(a));
    r.args.push_back(std::move(b));
    return finish(std::move(r));
  }
  // xs[lo, hi) joined by `op`: runs of kChainRun left to right, the runs as a balanced tree (recursion log2 of the chain).
  Node balanced(std::vector<Node>& xs, std::size_t lo, std::size_t hi, Op op) {
    if (hi - lo <= kChainRun) {
      Node r = std::move(xs[lo]);
      for (std::size_t j = lo + 1; j < hi; ++j) r = join(op, std::move(r), std::move(xs[j]));
      return r;
    }
    const std::size_t mid = lo + (hi - lo) / 2;
    Node l = balanced(xs, lo, mid, op);
    return join(op, std::move(l), balanced(xs, mid, hi, op));
  }

  Node name(const std::string& id, std::size_t offset) {
    if (const auto s = scalars().find(id); s != scalars().end()) {
      if (s->second == Scalar::t) needs.checkpoints = true;
      mark_needs(s->second, needs);
      Node r = node(Op::Scalar, offset);
      r.scalar = s->second;
      return r;
    }
    if (const auto v = vectors().find(id); v != vectors().end()) {
      if (!in_aggregate_)
        fail(offset, id + " is a vector (one value per coordinate), not a number",
             "a number: index it (" + id + "[1], " + id + "[k]) or aggregate it (min(Sbar, " + id + "), sum(Q, " + id + "))");
      if (v->second == Vector::deltaK) needs.fast = true;
      Node r = node(Op::Element, offset);
      r.vector = v->second;
      r.index.base = Index::Base::I;
      return r;
    }
    if (blocks().count(id))
      fail(offset, id + " is an index set (a block), not a number", "a number; a block is the first argument of min, max or sum, e.g. min(" + id + ", lambda/gamma)");
    if (id == "i") fail(offset, "the index i outside an aggregate", "i only inside min(BLOCK, ...), max(BLOCK, ...), sum(BLOCK, ...)");
    fail(offset, "unknown name \"" + id + "\"", "one of " + known_names());
  }

  Index index(const ast::Expression& e) {
    Index ix;
    const auto term = [&](const ast::Operand& o, long sign) {
      if (const auto* n = boost::get<ast::Number>(&unwrap(o).get())) {
        const numeric::RationalParse p = numeric::parse_rational(n->text);
        if (!p.ok() || !p.value.is_integer() || p.value > numeric::Rational(1000000)) fail(at(*n), "the index term " + n->text, "an integer");
        ix.offset += sign * static_cast<long>(p.value.approx());
        return;
      }
      const auto* nm = boost::get<ast::Name>(&unwrap(o).get());
      const Index::Base b = !nm ? Index::Base::None : nm->name == "i" ? Index::Base::I : nm->name == "k" ? Index::Base::K : nm->name == "d" ? Index::Base::D : Index::Base::None;
      if (b == Index::Base::None || ix.base != Index::Base::None || sign < 0)
        fail(nm ? at(*nm) : at(e), "an index that is not i, k or d plus or minus an integer", "an index such as 1, i, k, k-1, d");
      if (b == Index::Base::I && !in_aggregate_) fail(at(*nm), "the index i outside an aggregate", "i only inside min(BLOCK, ...), max(BLOCK, ...), sum(BLOCK, ...)");
      ix.base = b;
    };
    term(e.first, 1);
    for (const ast::Operation& o : e.rest) {
      if (o.op != '+' && o.op != '-') fail(at(e), std::string("'") + o.op + "' in an index", "an index such as 1, i, k, k-1, d");
      term(o.operand, o.op == '+' ? 1 : -1);
      if (ix.offset > 1000000 || ix.offset < -1000000) fail(at(e), "an index offset beyond 1000000", "an index such as 1, i, k, k-1, d");
    }
    // 1-based: a number below 1, or d plus a positive number, is outside every instance.
    if ((ix.base == Index::Base::None && ix.offset < 1) || (ix.base == Index::Base::D && ix.offset > 0))
      fail(at(e), "the index " + quote(text_.substr(at(e), end(e) - at(e))) + ", outside 1..d on every instance", "an index in 1..d such as 1, i, k, k-1, d");
    return ix;
  }
};

Node Resolver::visit(const ast::Call& c) {
  const std::size_t offset = at(c);
  if ((c.name == "LD" || c.name == "Lhat") && c.args.size() == 1) {
    const auto* n = boost::get<ast::Name>(&unwrap(c.args[0].first).get());
    if (!n || n->name != "t" || !c.args[0].rest.empty()) fail(at(c.args[0]), "an argument other than t", c.name + "(t): the loss at every GF checkpoint");
    Node r = node(Op::Scalar, offset);
    r.scalar = c.name == "LD" ? Scalar::LD_t : Scalar::Lhat_t;
    r.to = end(c);
    needs.checkpoints = true;
    return r;
  }
  const auto f = functions().find(c.name);
  if (f == functions().end()) fail(offset, "unknown function \"" + c.name + "\"", "one of exp, log, sqrt, abs, min, max, sum, LD(t), Lhat(t)");
  Node r = node(f->second, offset);
  r.to = end(c);
  const ast::Name* first_name = c.args.empty() || !c.args[0].rest.empty() ? nullptr : boost::get<ast::Name>(&unwrap(c.args[0].first).get());
  const bool aggregate_form = c.args.size() == 2 && first_name && blocks().count(first_name->name);
  if (aggregate_form) {
    if (in_aggregate_) fail(offset, "an aggregate inside an aggregate", "one level of min/max/sum over a block");
    r.op = f->second == Op::Min ? Op::AggMin : f->second == Op::Max ? Op::AggMax : f->second == Op::AggSum ? Op::AggSum : Op::Constant;
    if (r.op == Op::Constant) fail(offset, c.name + " over a block", "min, max or sum over a block");
    r.block = blocks().at(first_name->name);
    in_aggregate_ = true;
    r.args.push_back(expression(c.args[1]));
    in_aggregate_ = false;
    return finish(std::move(r));
  }
  if (f->second == Op::AggSum) fail(offset, "sum without a block", "sum(BLOCK, expr), BLOCK one of S, Sbar, P, Q, all");
  const std::size_t want = (f->second == Op::Min || f->second == Op::Max) ? 2 : 1;
  if (c.args.size() != want)
    fail(offset, c.name + " with " + std::to_string(c.args.size()) + " argument(s)",
         want == 2 ? c.name + "(BLOCK, expr) or " + c.name + "(a, b)" : c.name + "(x)");
  for (const ast::Expression& a : c.args) r.args.push_back(expression(a));
  return finish(std::move(r));
}

}  // namespace

std::string known_names() {
  return "gamma[i], lambda[i], delta0[i], deltaK[i] (i, k, d, integers), k, d, K, alpha, eps, eta, rho, M, Mprime, c, Lhat0, LD0, "
         "T, LD_gf, Lhat_gf, LS_gf, LSbar_gf, LD_fast, Lhat_fast, T_fast, t, LD(t), Lhat(t); blocks S, Sbar, P, Q, all in min/max/sum(BLOCK, expr); "
         "exp, log, sqrt, abs, min(a, b), max(a, b)";
}

CompiledClaim compile_claim(const std::string& text) {
  const ast::Claim a = parse_claim(text);
  Resolver r(text);
  CompiledClaim c;
  c.text = text;
  c.lhs = r.expression(a.lhs);
  c.rhs = r.expression(a.rhs);
  refuse_undefined_constants(c.lhs, text);
  refuse_undefined_constants(c.rhs, text);
  const std::string& rel = a.relation;
  c.relation = rel == "<=" ? lemma2::Relation::LessEqual : rel == "<" ? lemma2::Relation::Less : rel == ">=" ? lemma2::Relation::GreaterEqual
             : rel == ">" ? lemma2::Relation::Greater : lemma2::Relation::Equal;
  c.needs = r.needs;
  return c;
}

}  // namespace annealcheck::claims
