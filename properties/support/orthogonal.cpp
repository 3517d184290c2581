#include "properties/support/orthogonal.hpp"

#include "properties/support/exact_gen.hpp"

namespace annealcheck::properties {

namespace gen {
rc::Gen<std::vector<std::vector<int>>> householder_vectors(std::size_t d) {
  return rc::gen::exec([d] {
    const int r = *small_int(0, static_cast<int>(d));
    std::vector<std::vector<int>> out;
    for (int i = 0; i < r; ++i) {
      auto v = *rc::gen::container<std::vector<int>>(d, centered_int(4));
      bool any = false;
      for (int x : v) any = any || x != 0;
      if (!any) v[0] = 1;
      out.push_back(std::move(v));
    }
    return out;
  });
}
}  // namespace gen

}  // namespace annealcheck::properties
