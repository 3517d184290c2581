// Parsing a claim `EXPR REL EXPR` (REL one of <= >= < > ==) with Boost.Spirit X3.
//
//   expression = term   (('+' | '-') term)*
//   term       = power  (('*' | '/') power)*
//   power      = unary  ('^' unary)*            (right-associative, read in claim_tree)
//   unary      = '-' unary | primary
//   primary    = number | name '(' expression (',' expression)* ')' | name '[' expression ']'
//              | name | '(' expression ')'
//   name       = [A-Za-z_][A-Za-z0-9_']*        number = digits[.digits][e[+-]digits]
//
// A syntax error throws ClaimError with the column where the parser stopped and
// what it expected there.
#pragma once

#include "claims/claim_ast.hpp"

#include <string>

namespace annealcheck::claims {

ast::Claim parse_claim(const std::string& text);

}  // namespace annealcheck::claims
