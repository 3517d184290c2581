// The catalog under ctest: one test per (property, type), discovered by
// gtest_discover_tests. Built twice: ANNEALCHECK_SUITE_REFUTED=0 runs the true
// properties (label `property`), =1 the falsification claims (label `falsify`).
// Every run prints its case sequence, its tag statistics and its closest case
// or shrunk counterexample (registry.hpp, render_run).
#include "properties/registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#ifndef ANNEALCHECK_SUITE_REFUTED
#error "define ANNEALCHECK_SUITE_REFUTED to 0 (true properties) or 1 (falsification claims)"
#endif

namespace {

using annealcheck::properties::PropertyKind;

struct Param {
  std::string id, type;
};

void PrintTo(const Param& p, std::ostream* os) { *os << p.id << "@" << p.type; }

std::vector<Param> params() {
  const PropertyKind kind = ANNEALCHECK_SUITE_REFUTED ? PropertyKind::Refuted : PropertyKind::Holds;
  std::vector<Param> out;
  for (const auto& p : annealcheck::properties::catalog())
    if (p.kind == kind)
      for (const auto& t : p.types) out.push_back({p.id, t});
  return out;
}

std::string name(const ::testing::TestParamInfo<Param>& info) {
  std::string s = info.param.id + "__" + info.param.type;
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

class Catalog : public ::testing::TestWithParam<Param> {};

TEST_P(Catalog, Run) {
  namespace ap = annealcheck::properties;
  const Param& p = GetParam();
  const ap::PropertyInfo& info = ap::property_info(p.id);
  std::cout << "=== " << p.id << " @ " << p.type << "\n    " << info.statement << "\n";
  ap::RunOptions o;
  o.type = p.type;
  o.case_log = &std::cout;
  const ap::RunResult r = ap::run_property(p.id, o);
  std::cout << ap::render_run(r);
  if (r.not_in_reproduce_map) GTEST_SKIP() << "RC_PARAMS replays other properties: " << r.message;
  if (!r.distribution.empty()) {  // RapidCheck's own RC_TAG distribution: the 8 most frequent tag sets
    std::vector<std::pair<int, std::string>> rows;
    for (const auto& [tags, n] : r.distribution) {
      std::string t;
      for (const auto& s : tags) t += (t.empty() ? "" : ", ") + s;
      rows.emplace_back(n, t.empty() ? "(no tag)" : t);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::cout << "  RapidCheck RC_TAG distribution (" << rows.size() << " tag sets; the most frequent):\n";
    for (std::size_t i = 0; i < rows.size() && i < 8; ++i) std::cout << "    " << rows[i].first << " x " << rows[i].second << "\n";
  }
  std::cout.flush();
  EXPECT_TRUE(ap::run_succeeded(r)) << ap::run_failure_reason(r);
}

INSTANTIATE_TEST_SUITE_P(Props, Catalog, ::testing::ValuesIn(params()), name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Catalog);

}  // namespace
