// The certified checks of the catalog, by property id (properties/exact/*.cpp).
#pragma once

#include "properties/support/entry.hpp"

#include <map>
#include <string>

namespace annealcheck::properties::certified_checks {

using detail::CertifyFn;

void add_lemma2(std::map<std::string, CertifyFn>& table);  // lemma2_certified.cpp
void add_exact(std::map<std::string, CertifyFn>& table);   // exact_certified.cpp
void add_beta(std::map<std::string, CertifyFn>& table);    // beta_certified.cpp

}  // namespace annealcheck::properties::certified_checks
