#include "annealcheck/audit/case_source.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace annealcheck::audit {

namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<CaseSource>> sources;
  Registry() {
    sources["builtin.lemma2-random"] = std::make_unique<CaseSource>(
        CaseSource{"builtin.lemma2-random",
                   "random Lemma 2 instances (built-in stand-in until the property catalog registers its generators)",
                   random_lemma2_instances});
  }
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

void register_case_source(CaseSource source) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  const std::string id = source.id;
  r.sources[id] = std::make_unique<CaseSource>(std::move(source));
}

const CaseSource* find_case_source(const std::string& id) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  const auto it = r.sources.find(id);
  return it == r.sources.end() ? nullptr : it->second.get();
}

std::vector<std::string> case_source_ids() {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  std::vector<std::string> ids;
  for (const auto& [id, _] : r.sources) ids.push_back(id);
  return ids;
}

}  // namespace annealcheck::audit
