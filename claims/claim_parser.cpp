// The X3 grammar of claim_parser.hpp. Nodes record their byte offsets in the claim
// (position_tagged), taken from the parse's own iterators in on_success.
#include "claims/claim_parser.hpp"

#include "annealcheck/limits.hpp"
#include "claims/claim_error.hpp"

#include <boost/spirit/home/x3.hpp>

#include <cstdio>
#include <string_view>
#include <type_traits>
#include <vector>

namespace annealcheck::claims {
namespace {

namespace x3 = boost::spirit::x3;
using Iterator = std::string::const_iterator;

struct base_tag;  // the claim's first character, for offsets

// on_success: a position_tagged node gets its [first, last) offsets.
struct annotate {
  template <class It, class Node, class Context>
  void on_success(const It& first, const It& last, Node& node, const Context& ctx) const {
    if constexpr (std::is_base_of_v<x3::position_tagged, Node>) {
      const Iterator base = x3::get<base_tag>(ctx);
      node.id_first = static_cast<int>(first - base);
      node.id_last = static_cast<int>(last - base);
    }
  }
};

namespace grammar {
using x3::alnum;
using x3::alpha;
using x3::char_;
using x3::digit;
using x3::lexeme;
using x3::lit;

struct identifier_class;
struct number_class : annotate {};
struct name_class : annotate {};
struct call_class : annotate {};
struct indexed_class : annotate {};
struct signed_class : annotate {};
struct primary_class : annotate {};
struct unary_class : annotate {};
struct power_class : annotate {};
struct term_class : annotate {};
struct expression_class : annotate {};
struct relation_class;
struct claim_class : annotate {};

const x3::rule<identifier_class, std::string> identifier = "a name";
const x3::rule<number_class, ast::Number> number = "a number";
const x3::rule<name_class, ast::Name> name = "a name";
const x3::rule<call_class, ast::Call> call = "a call";
const x3::rule<indexed_class, ast::Indexed> indexed = "an indexed name";
const x3::rule<signed_class, ast::Signed> signed_ = "a negated operand";
const x3::rule<primary_class, ast::Operand> primary = "an operand (a number, a name, a call or a parenthesised expression)";
const x3::rule<unary_class, ast::Operand> unary = "an operand";
const x3::rule<power_class, ast::Expression> power = "a power";
const x3::rule<term_class, ast::Expression> term = "a product";
const x3::rule<expression_class, ast::Expression> expression = "an expression";
const x3::rule<relation_class, std::string> relation = "a relation (<=, >=, <, >, ==)";
const x3::rule<claim_class, ast::Claim> claim = "a claim";

// Leaf rules match under raw[] and record the matched range as their offsets.
template <class Ctx>
void tag_leaf(x3::position_tagged& node, const Ctx& ctx) {
  const Iterator base = x3::get<base_tag>(ctx);
  node.id_first = static_cast<int>(x3::_attr(ctx).begin() - base);
  node.id_last = static_cast<int>(x3::_attr(ctx).end() - base);
}
const auto set_name = [](auto& ctx) {
  x3::_val(ctx).name.assign(x3::_attr(ctx).begin(), x3::_attr(ctx).end());
  tag_leaf(x3::_val(ctx), ctx);
};
const auto set_text = [](auto& ctx) {
  x3::_val(ctx).text.assign(x3::_attr(ctx).begin(), x3::_attr(ctx).end());
  tag_leaf(x3::_val(ctx), ctx);
};
const auto digits = lexeme[(+digit >> -('.' >> *digit) | '.' >> +digit) >> -(char_("eE") >> -char_("+-") >> +digit)];

const auto identifier_def = lexeme[(alpha | char_('_')) >> *(alnum | char_('_') | char_('\''))];
const auto number_def = x3::raw[digits][set_text];
const auto name_def = x3::raw[identifier][set_name];
const auto call_def = (identifier >> '(') > (expression % ',') > ')';
const auto indexed_def = (identifier >> '[') > expression > ']';
const auto signed__def = char_('-') > unary;
const auto primary_def = number | call | indexed | name | ('(' > expression > ')');
const auto unary_def = signed_ | primary;
const auto power_def = unary >> *(char_('^') > unary);
const auto term_def = power >> *(char_("*/") > power);
const auto expression_def = term >> *(char_("+-") > term);
const auto relation_def = x3::string("<=") | x3::string(">=") | x3::string("==") | x3::string("<") | x3::string(">");
const auto claim_def = expression > relation > expression > x3::eoi;

BOOST_SPIRIT_DEFINE(identifier, number, name, call, indexed, signed_, primary, unary, power, term, expression, relation, claim)
}  // namespace grammar

std::string found_at(const std::string& text, std::size_t offset) {
  if (offset >= text.size()) return "the end of the claim";
  std::string s = text.substr(offset, 12);
  if (offset + 12 < text.size()) s += "...";
  return "\"" + s + "\"";
}

std::string expected_words(const std::string& which) {
  if (which == "eoi" || which == "end of input") return "an operator (+ - * / ^) or the end of the claim";
  if (which.size() == 3 && which.front() == '\'' && which.back() == '\'') return std::string("'") + which[1] + "'";
  return which;
}

std::size_t skip_spaces(const std::string& text, std::size_t offset) {
  while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
  return offset;
}

// Before X3 sees the text (its rules recurse once per bracket and per sign, so the
// input would set the stack's depth): at most limits::kMaxClaimBytes bytes, printable
// ASCII only, and brackets, calls and leading signs nested at most
// limits::kMaxClaimDepth deep. One pass, no recursion.
void check_shape(const std::string& text) {
  if (text.size() > limits::kMaxClaimBytes)
    throw InputError("--claim", "a claim of " + std::to_string(text.size()) + " bytes",
                     "at most " + std::to_string(limits::kMaxClaimBytes) + " bytes (max_claim_bytes, annealcheck limits)");
  std::vector<std::size_t> open;  // per open bracket: the depth it adds (1 + the signs before it)
  std::size_t depth = 0, signs = 0;
  bool operand_next = true;  // a '-' here is a sign, not a subtraction
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    if (ch < 0x20 || ch >= 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(ch));
      throw ClaimError(text, i, std::string(ch >= 0x80 ? "the non-ASCII byte " : "the control character ") + hex,
                       "printable ASCII: names spelled out (gamma, not the Greek letter), numbers, + - * / ^ ( ) [ ] , and a relation");
    }
    if (ch == '(' || ch == '[') {
      open.push_back(signs + 1);
      depth += signs + 1;
      signs = 0;
      operand_next = true;
    } else if (ch == ')' || ch == ']') {
      if (!open.empty()) depth -= open.back(), open.pop_back();
      signs = 0;
      operand_next = false;
    } else if (ch == '-' && operand_next) {
      ++signs;
    } else {
      signs = 0;
      operand_next = std::string_view("+-*/^,<>=").find(static_cast<char>(ch)) != std::string_view::npos;
    }
    if (depth + signs > limits::kMaxClaimDepth)
      throw ClaimError(text, i, "brackets and signs nested " + std::to_string(depth + signs) + " deep",
                       "at most " + std::to_string(limits::kMaxClaimDepth) + " (max_claim_depth, annealcheck limits)");
  }
}

}  // namespace

ast::Claim parse_claim(const std::string& text) {
  check_shape(text);
  ast::Claim out;
  Iterator first = text.begin();
  const Iterator last = text.end();
  const Iterator base = text.begin();
  const auto parser = x3::with<base_tag>(base)[grammar::claim];
  try {
    if (!x3::phrase_parse(first, last, parser, x3::space, out)) {
      const std::size_t at = skip_spaces(text, static_cast<std::size_t>(first - base));
      throw ClaimError(text, at, "found " + found_at(text, at), "an expression (a claim is EXPR REL EXPR, e.g. \"LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma)\")");
    }
  } catch (const x3::expectation_failure<Iterator>& e) {
    const std::size_t at = skip_spaces(text, static_cast<std::size_t>(e.where() - base));
    if (at < text.size() && (text[at] == '<' || text[at] == '>' || text[at] == '=') && (e.which() == "eoi" || e.which() == "end of input"))
      throw ClaimError(text, at, "a second relation, " + found_at(text, at),
                       "one relation: a claim is EXPR REL EXPR (write a <= b <= c as two claims, a <= b and b <= c)");
    throw ClaimError(text, at, "found " + found_at(text, at), expected_words(e.which()));
  }
  return out;
}

}  // namespace annealcheck::claims
