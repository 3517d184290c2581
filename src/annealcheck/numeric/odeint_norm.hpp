// Boost.Odeint on vectors of Boost.Multiprecision numbers (mpfr, cpp_bin_float,
// float128): number<B>::value_type is number<B> itself, so odeint's "follow
// value_type down" trait behind range_algebra::norm_inf never terminates. The norm
// of such a vector is simply the number type. Include this before using odeint's
// controlled steppers on std::vector<number<B>> (dynamics/odeint_flow.hpp,
// properties/dynamics/gf_odeint_prop.cpp); the one specialisation for all of them.
#pragma once

#include <boost/multiprecision/number.hpp>
#include <boost/numeric/odeint/algebra/norm_result_type.hpp>

#include <vector>

namespace boost::numeric::odeint {
template <class Backend, boost::multiprecision::expression_template_option ET>
struct norm_result_type<std::vector<boost::multiprecision::number<Backend, ET>>, void> {
  using type = boost::multiprecision::number<Backend, ET>;
};
}  // namespace boost::numeric::odeint
