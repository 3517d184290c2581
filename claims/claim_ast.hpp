// The syntax tree of a text claim `EXPR REL EXPR` as Boost.Spirit X3 parses it
// (claim_parser.cpp). Nothing here knows Lemma 2's names: claim_tree.hpp resolves
// them, checks shapes and reports unknown names with their column.
//
// Every node is position_tagged: id_first / id_last hold the node's byte offsets in
// the claim text (set by the parser's on_success), so later errors can point at it.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <string>
#include <vector>

namespace annealcheck::claims::ast {

namespace x3 = boost::spirit::x3;

struct Number : x3::position_tagged {
  std::string text;  // as written: "2", "0.9", "1e-3" (read exactly, numeric::parse_rational)
};
struct Name : x3::position_tagged {
  std::string name;
};
struct Call;
struct Indexed;
struct Signed;
struct Expression;

struct Operand : x3::variant<Number, Name, x3::forward_ast<Call>, x3::forward_ast<Indexed>, x3::forward_ast<Signed>,
                             x3::forward_ast<Expression>> {
  using base_type::base_type;
  using base_type::operator=;
};

// One level of a left-to-right chain: `first op operand op operand ...`, all ops
// of the same precedence ('+'/'-', '*'/'/', or '^', which claim_tree reads right to left).
struct Operation : x3::position_tagged {
  char op = '+';
  Operand operand;
};
struct Expression : x3::position_tagged {
  Operand first;
  std::vector<Operation> rest;
};
struct Signed : x3::position_tagged {
  char sign = '-';
  Operand operand;
};
// name(args): min, max, sum, exp, log, sqrt, abs, LD(t), Lhat(t)
struct Call : x3::position_tagged {
  std::string name;
  std::vector<Expression> args;
};
// name[index]: gamma[i], lambda[k-1], deltaK[1]
struct Indexed : x3::position_tagged {
  std::string name;
  Expression index;
};
struct Claim : x3::position_tagged {
  Expression lhs;
  std::string relation;
  Expression rhs;
};

}  // namespace annealcheck::claims::ast

BOOST_FUSION_ADAPT_STRUCT(annealcheck::claims::ast::Operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(annealcheck::claims::ast::Expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(annealcheck::claims::ast::Signed, sign, operand)
BOOST_FUSION_ADAPT_STRUCT(annealcheck::claims::ast::Call, name, args)
BOOST_FUSION_ADAPT_STRUCT(annealcheck::claims::ast::Indexed, name, index)
BOOST_FUSION_ADAPT_STRUCT(annealcheck::claims::ast::Claim, lhs, relation, rhs)
