// Text claims (claims/): the parser's column on syntax errors, unknown
// names and incompatible comparisons; the evaluator's values and bounds against a
// closed form, and the decision rule (an exact tie never passes in a rounding type).
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/limits.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/conditions.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "claims/claim_error.hpp"
#include "claims/claim_eval.hpp"
#include "claims/claim_property.hpp"
#include "claims/claim_tree.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annealcheck::claims {
namespace {

ClaimError error_of(const std::string& text) {
  try {
    compile_claim(text);
  } catch (const ClaimError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << text;
  return ClaimError(text, 0, "", "");
}

// Issue 22: the size of a claim. What is under the limits is read (a megabyte of
// spaces, nesting at max_claim_depth, 20 000-term chains, the latter balanced so
// that the tree stays shallow); what is over is a ClaimError naming the limit, and
// its display is a window of the claim, not the whole of it.
std::size_t leaves(const Node& root, Op op, std::size_t& count_op) {
  std::size_t n = 0;
  std::vector<const Node*> todo{&root};
  while (!todo.empty()) {
    const Node* x = todo.back();
    todo.pop_back();
    if (x->op == op) ++count_op;
    if (x->args.empty()) ++n;
    for (const Node& a : x->args) todo.push_back(&a);
  }
  return n;
}

TEST(ClaimSize, UnderTheLimitsIsReadOverIsRefusedNamingTheLimit) {
  const std::string spaces(250'000, ' ');  // a megabyte of them in all
  EXPECT_EQ(compile_claim(spaces + "LD_gf" + spaces + ">=" + spaces + "0" + spaces).lhs.depth, 1u);
  const auto nest = [](std::size_t n) { return std::string(n, '(') + "eps" + std::string(n, ')') + " >= 0"; };
  EXPECT_EQ(compile_claim(nest(limits::kMaxClaimDepth)).lhs.depth, 1u);
  const ClaimError deep = error_of(nest(limits::kMaxClaimDepth + 1));
  EXPECT_EQ(deep.column(), limits::kMaxClaimDepth + 1);
  EXPECT_NE(std::string(deep.what()).find("max_claim_depth"), std::string::npos) << deep.what();
  EXPECT_LT(deep.display().size(), 400u);

  for (const char* unit : {"+eps", "-eps", "*eps"}) {
    std::string chain = "LD_gf";
    for (int i = 0; i < 20000; ++i) chain += unit;
    const CompiledClaim c = compile_claim(chain + " >= 0");
    std::size_t negs = 0;
    EXPECT_EQ(leaves(c.lhs, Op::Neg, negs), 20001u) << unit;
    EXPECT_EQ(negs, unit[0] == '-' ? 20000u : 0u) << unit;   // a - b read as a + (-b)
    EXPECT_LE(c.lhs.depth, kChainRun + 16) << unit;          // 16 + log2(20001 / 16) + the negation
    EXPECT_EQ(c.lhs.from, 0u);
    EXPECT_EQ(c.lhs.to, chain.size());
  }
  std::string quotients = "LD_gf";
  for (int i = 0; i < 20000; ++i) quotients += "/eps";
  EXPECT_NE(std::string(error_of(quotients + " >= 0").what()).find("operations nested 201 deep"), std::string::npos);
  // A short chain keeps its left-to-right tree: (a - b) - c, as before.
  const CompiledClaim short_chain = compile_claim("eps - alpha - rho >= 0");
  ASSERT_EQ(short_chain.lhs.op, Op::Sub);
  EXPECT_EQ(short_chain.lhs.args[0].op, Op::Sub);
}

TEST(ClaimParser, SyntaxErrorPointsAtTheColumn) {
  const ClaimError e = error_of("LD_gf >= 2*(1-alpha");
  EXPECT_EQ(e.column(), 20u);
  EXPECT_NE(std::string(e.what()).find("expected ')'"), std::string::npos) << e.what();
  EXPECT_NE(e.display().find("\n" + std::string(2 + 19, ' ') + "^"), std::string::npos) << e.display();
  EXPECT_EQ(error_of("LD_gf 2").column(), 7u);
  EXPECT_NE(std::string(error_of("LD_gf 2").what()).find("a relation"), std::string::npos);
  EXPECT_EQ(error_of("a <= b c").column(), 8u);
  EXPECT_EQ(error_of(">= 1").column(), 1u);
}

TEST(ClaimParser, UnknownNameListsTheKnownOnes) {
  const ClaimError e = error_of("LD_gf >= 2*epsilon");
  EXPECT_EQ(e.column(), 12u);
  const std::string w = e.what();
  EXPECT_NE(w.find("unknown name \"epsilon\""), std::string::npos) << w;
  for (const char* name : {"eps", "LD_gf", "gamma[i]", "Sbar"}) EXPECT_NE(w.find(name), std::string::npos) << name;
  EXPECT_EQ(error_of("T >= logg(M)").column(), 6u);
}

TEST(ClaimParser, IncompatibleComparisonsAreNamed) {
  const ClaimError v = error_of("LD_gf >= lambda");
  EXPECT_EQ(v.column(), 10u);
  EXPECT_NE(std::string(v.what()).find("lambda is a vector"), std::string::npos) << v.what();
  const ClaimError b = error_of("Sbar <= 2");
  EXPECT_EQ(b.column(), 1u);
  EXPECT_NE(std::string(b.what()).find("index set"), std::string::npos) << b.what();
  EXPECT_EQ(error_of("gamma[i] >= 0").column(), 7u);  // i outside an aggregate
  EXPECT_NO_THROW(compile_claim("LD_gf >= 2*(1-alpha)*eps*min(Sbar, lambda/gamma)"));
  EXPECT_NO_THROW(compile_claim("T >= log(M/eps)/(4*gamma[k]) + sum(Q, lambda*delta0^2) - max(1, 2^-3^2)"));
}

TEST(ClaimParser, GivenPremises) {
  EXPECT_EQ(given_text(parse_given("C2, C1")), "C1,C2");
  EXPECT_THROW(parse_given("C1,C3"), InputError);
  EXPECT_EQ(generator_premises(parse_given("C1,C2")), properties::Premises::C1C2);
  EXPECT_EQ(generator_premises(parse_given("C2'")), properties::Premises::C2Prime);
}

// γ = (2, 1), λ = (3, 5), δ(0) = (1, 0), ε = 1/2: only the first coordinate moves,
// T = ln(γ_1δ_1²/ε)/(4γ_1) = ln 4 / 8 and L_D(δ_GF(T)) = λ_1 ε/γ_1 = 3/4 exactly.
model::InstanceSpec closed_form() {
  return model::instance_from_json(io::parse_exact_json(R"({"gamma": ["2", "1"], "lambda": ["3", "5"], "delta0": ["1", "0"],
                                                           "k": 2, "alpha": "1/2", "eps": "1/2", "K": 3})", "test"), "test");
}

template <class T>
lemma2::Inequality<T> decide(const std::string& text, const model::InstanceSpec& spec) {
  const CompiledClaim c = compile_claim(text);
  const model::Instance<T> in = model::materialize<T>(spec);
  const lemma2::Blocks<T> b = lemma2::blocks(in);
  const lemma2::InputSides<T> s = lemma2::input_sides(in, b);
  return ClaimEvaluator<T>(c, in, b, s, 16).decide();
}

template <class T>
void check_closed_form() {
  const model::InstanceSpec spec = closed_form();
  const auto tie = decide<T>("LD_gf <= 3/4", spec);
  EXPECT_EQ(tie.verdict, lemma2::Verdict::WithinRounding) << "an exact tie must not pass in a rounding type";
  const T three_quarters = numeric::from_int<T>(3) / numeric::from_int<T>(4);
  EXPECT_LE(lemma2::bounds::abs_of(T(tie.lhs - three_quarters)), tie.lhs_error) << "the bound must cover the exact value";
  EXPECT_LE(tie.lhs_error, T(1000 * numeric::number_traits<T>::epsilon())) << "and stay within 1000 epsilons here";
  EXPECT_EQ(decide<T>("LD_gf < 0.7500001", spec).verdict, lemma2::Verdict::Holds);
  EXPECT_EQ(decide<T>("LD_gf > 0.7500001", spec).verdict, lemma2::Verdict::Fails);
  EXPECT_EQ(decide<T>("T >= log(4)/8", spec).verdict, lemma2::Verdict::WithinRounding);
  EXPECT_EQ(decide<T>("T <= log(4)/8 + 1e-6", spec).verdict, lemma2::Verdict::Holds);
  EXPECT_EQ(decide<T>("exp(-4*gamma[1]*T) * Lhat0 <= eps + 1e-9", spec).verdict, lemma2::Verdict::Holds);
  EXPECT_EQ(decide<T>("min(Sbar, lambda/gamma) == 5", spec).verdict, lemma2::Verdict::WithinRounding);
  EXPECT_EQ(decide<T>("sqrt(sum(all, gamma*delta0^2)) >= 1.414", spec).verdict, lemma2::Verdict::Holds);
  // every GF checkpoint: L_D(t) = (3/2) L̂(t) exactly here
  const auto every = decide<T>("LD(t) <= 1.5*Lhat(t) + 1e-9", spec);
  EXPECT_EQ(every.verdict, lemma2::Verdict::Holds);
  EXPECT_NE(every.where.find("GF checkpoint"), std::string::npos);
  EXPECT_THROW(decide<T>("gamma[3] >= 0", spec), DomainError);
  EXPECT_THROW(decide<T>("log(delta0[2]) >= 0", spec), DomainError);
}

TEST(ClaimEval, ClosedFormDouble) { check_closed_form<double>(); }
TEST(ClaimEval, ClosedFormMpfr256) { check_closed_form<numeric::mpfr256>(); }

}  // namespace
}  // namespace annealcheck::claims
