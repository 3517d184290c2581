// visit_ladder (numeric/visit_ladder.hpp): every family of every ladder id reaches
// the visitor as its own tag, mpfr:BITS under its own precision (restored after),
// and the list of point types names each point family once.
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/numeric/visit_ladder.hpp"

#include <gtest/gtest.h>

#include <set>

namespace {

namespace an = annealcheck::numeric;
namespace ae = annealcheck::engine;

TEST(VisitLadder, EveryLadderIdReachesItsOwnFamily) {
  std::size_t visited = 0;
  for (const auto& entry : ae::ladder()) {
    const std::string id = entry.id == "mpfr:BITS" ? "mpfr:300" : entry.id == "mpfi:BITS" ? "mpfi:300" : entry.id;
    const ae::TypeSpec t = ae::parse_type_id(id);
    const an::Family seen = an::visit_ladder(t, [](auto tag) { return decltype(tag)::family; });
    EXPECT_EQ(seen, t.family) << id;
    ++visited;
  }
  EXPECT_GE(visited, 14u);
}

TEST(VisitLadder, RuntimeMpfrRunsUnderItsOwnBits) {
  const long before = an::thread_mpfr_bits();
  const ae::TypeSpec t = ae::parse_type_id("mpfr:300");
  const long inside = an::visit_ladder(t, [](auto) { return static_cast<long>(an::thread_mpfr_bits()); });
  EXPECT_EQ(inside, 300);
  EXPECT_EQ(an::thread_mpfr_bits(), before);
  const long fixed = an::visit_ladder(ae::parse_type_id("mpfr256"), [](auto) { return static_cast<long>(an::thread_mpfr_bits()); });
  EXPECT_EQ(fixed, before);  // a static type leaves the runtime precision alone
}

TEST(VisitLadder, ThePointListNamesEachPointFamilyOnce) {
  std::multiset<an::Family> listed;
#define ANNEALCHECK_LIST(family, ...) listed.insert(an::Family::family);
  ANNEALCHECK_POINT_LADDER(ANNEALCHECK_LIST)
#undef ANNEALCHECK_LIST
  EXPECT_EQ(listed.size(), 12u);  // every family but the two MPFI ones
  for (an::Family f : listed) {
    EXPECT_EQ(listed.count(f), 1u);
    EXPECT_FALSE(an::is_interval(f));
  }
}

}  // namespace
