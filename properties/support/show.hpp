// RapidCheck showValue for every number type of the ladder and for the exact
// inputs, so that counterexamples print losslessly (RapidCheck's default is
// operator<<, 6 significant digits).
//
//   Boost.Multiprecision numbers (MPFR, cpp_bin_float, float128, MPFI, mpq):
//     number_traits<T>::str(x) — text that reads back to exactly x at T's
//     precision (tests/properties: show_test.cpp checks the round trip), the
//     type id appended: "1.0000000000000000000000000000000000000000000000001e-30 [mpfr256]".
//   gmp_float50: mpf rounds by truncation when reading text, so its decimal text
//     does not always read back; it prints its exact binary value as p/2^k.
//   Rational, ExactValue, InstanceSpec: exact rationals / the instance JSON.
#pragma once

#include "annealcheck/model/instance_spec.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <boost/multiprecision/number.hpp>

#include <ostream>

namespace annealcheck::numeric {
inline void showValue(const Rational& q, std::ostream& os) { os << q.str(); }
}  // namespace annealcheck::numeric

namespace annealcheck::io {  // model::ExactValue is io::ExactNumber: found by ADL here
inline void showValue(const ExactNumber& v, std::ostream& os) { os << v.text << " (= " << v.value.str() << ")"; }
}  // namespace annealcheck::io

namespace annealcheck::model {
void showValue(const InstanceSpec& s, std::ostream& os);  // instance JSON, exact (show.cpp)
}  // namespace annealcheck::model

namespace annealcheck::properties {
// Exact text of a gmp_float (mpf_t) value: p/2^k (show.cpp).
std::string mpf_exact_text(const void* mpf_ptr);
}  // namespace annealcheck::properties

namespace boost::multiprecision {

template <class Backend, expression_template_option ET>
  requires annealcheck::numeric::LadderNumber<number<Backend, ET>>
void showValue(const number<Backend, ET>& x, std::ostream& os) {
  using Tr = annealcheck::numeric::number_traits<number<Backend, ET>>;
  if constexpr (requires { mpf_get_prec(x.backend().data()); })
    os << annealcheck::properties::mpf_exact_text(static_cast<const void*>(x.backend().data()));
  else
    os << Tr::str(x);
  os << " [" << Tr::id() << "]";
}

}  // namespace boost::multiprecision
