#include "campaign/plan.hpp"

#include "annealcheck/io/input_error.hpp"
#include "campaign/chunk_cost.hpp"
#include "properties/registry.hpp"
#include "properties/support/fnv1a.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#ifndef ANNEALCHECK_VERSION
#define ANNEALCHECK_VERSION "unknown"
#endif

namespace annealcheck::properties::campaign {
namespace {

constexpr const char* kFormat = "annealcheck campaign 3";  // 2: chunk seeds hash the type; chunk sizes and claims recorded; 3: "fast" (filtered decisions by default)

bool selected(const std::vector<std::string>& filter, const std::string& x) {
  return filter.empty() || std::find(filter.begin(), filter.end(), x) != filter.end();
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

std::uint64_t chunk_seed(std::uint64_t campaign_seed, const std::string& property, const std::string& type, int index) {
  return detail::fnv1a(fmt::format("annealcheck-chunk/{}/{}/{}/{}", campaign_seed, property, type, index));
}

int chunk_cases(const TaskPlan& t, int index) {
  return index + 1 < t.chunks ? t.chunk_size : t.cases - (t.chunks - 1) * t.chunk_size;
}

std::string catalog_hash() {
  nlohmann::json j = nlohmann::json::array();
  for (const PropertyInfo& p : catalog())
    j.push_back({p.id, p.kind == PropertyKind::Holds ? "holds" : "refuted", p.types, p.default_cases, p.statement});
  return fmt::format("{:016x}", detail::fnv1a(j.dump()));
}

namespace {

void plan_property(const CampaignSpec& spec, const PropertyInfo& p, Campaign& c) {
  for (const std::string& type : p.types) {
    if (!selected(spec.types, type)) continue;
    TaskPlan t;
    t.property = p.id;
    t.type = type;
    t.refuted = p.kind == PropertyKind::Refuted;
    t.cases = spec.cases ? *spec.cases : resolved_cases(p.id, type, spec.certified);
    int size = default_chunk_size(p, type, spec.certified, t.cases);
    if (const auto it = spec.recorded_chunk_sizes.find(p.id + "@" + type); it != spec.recorded_chunk_sizes.end()) size = it->second;
    t.chunk_size = std::max(1, std::min(t.cases, spec.chunk_size ? *spec.chunk_size : size));
    t.chunks = std::max(1, (t.cases + t.chunk_size - 1) / t.chunk_size);
    c.tasks.push_back(t);
  }
}

}  // namespace

Campaign plan_campaign(const CampaignSpec& spec) {
  for (const auto& id : spec.properties) property_info(id);  // InputError when unknown
  Campaign c;
  c.spec = spec;
  for (const PropertyInfo& p : catalog())
    if (selected(spec.properties, p.id)) plan_property(spec, p, c);
  // The claims asked for always run (--properties filters the catalog); registered, they are not in catalog().
  for (const ClaimText& claim : spec.claims) plan_property(spec, property_info(claim.id), c);
  if (c.tasks.empty())
    throw InputError("--types", "\"" + join(spec.types) + "\" with properties \"" + join(spec.properties) + "\" (no property is built for them)",
                     "types such as double, mpfr256 that the chosen properties are built for (`annealcheck list`)");
  long long total = 0;
  for (const TaskPlan& t : c.tasks) total += t.chunks;
  if (total > kMaxChunks)
    throw InputError("--chunk-size", fmt::format("{} ({} chunks in all for --cases {})", spec.chunk_size ? std::to_string(*spec.chunk_size) : "default",
                                                 total, spec.cases ? std::to_string(*spec.cases) : "default"),
                     fmt::format("at most {} chunks in a campaign: a larger --chunk-size", kMaxChunks));
  for (std::size_t i = 0; i < c.tasks.size(); ++i)
    for (int k = 0; k < c.tasks[i].chunks; ++k) c.chunks.push_back({i, k});
  return c;
}

nlohmann::json campaign_identity(const Campaign& c) {
  const CampaignSpec& s = c.spec;
  nlohmann::json tasks = nlohmann::json::array(), sizes = nlohmann::json::object(), claims = nlohmann::json::array();
  for (const TaskPlan& t : c.tasks) {
    tasks.push_back(fmt::format("{}@{}: {} cases in {} chunks of {}", t.property, t.type, t.cases, t.chunks, t.chunk_size));
    sizes[t.property + "@" + t.type] = t.chunk_size;
  }
  for (const ClaimText& cl : s.claims) claims.push_back({{"text", cl.text}, {"given", cl.given}, {"id", cl.id}});
  return {{"format", kFormat},
          {"annealcheck_version", ANNEALCHECK_VERSION},
          {"catalog_hash", catalog_hash()},
          {"seed", s.seed},
          {"cases", s.cases ? nlohmann::json(*s.cases) : nlohmann::json("property defaults")},
          {"chunk_size", s.chunk_size ? nlohmann::json(*s.chunk_size) : nlohmann::json("about a second of work (cost model)")},
          {"types", s.types},
          {"properties", s.properties},
          {"certified", s.certified},
          {"fast", s.fast},
          {"claims", claims},
          {"chunk_sizes", sizes},
          {"tasks", tasks}};
}

std::string campaign_mismatch(const nlohmann::json& a, const nlohmann::json& b) {
  for (const char* key : {"format", "annealcheck_version", "claims", "catalog_hash", "seed", "cases", "chunk_size", "types", "properties", "certified", "fast",
                          "chunk_sizes", "tasks"}) {
    const nlohmann::json x = a.contains(key) ? a[key] : nlohmann::json(), y = b.contains(key) ? b[key] : nlohmann::json();
    if (x != y) return fmt::format("{}: {} vs {}", key, x.dump().substr(0, 120), y.dump().substr(0, 120));
  }
  return "";
}

CampaignSpec spec_from_identity(const nlohmann::json& j) {
  CampaignSpec s;
  if (!j.is_object() || j.value("format", nlohmann::json()) != kFormat)
    throw InputError("campaign.json", fmt::format("format {}", j.is_object() && j.contains("format") ? j["format"].dump().substr(0, 60) : "(none)"),
                     fmt::format("format \"{}\" (chunk seeds and sizes follow other rules in other formats)", kFormat));
  try {
    j.at("seed").get_to(s.seed);
    if (j.at("cases").is_number()) s.cases = j["cases"].get<int>();
    if (j.at("chunk_size").is_number()) s.chunk_size = j["chunk_size"].get<int>();
    j.at("types").get_to(s.types);
    j.at("properties").get_to(s.properties);
    j.at("certified").get_to(s.certified);
    j.at("fast").get_to(s.fast);
    j.at("chunk_sizes").get_to(s.recorded_chunk_sizes);
    for (const auto& cl : j.at("claims"))
      s.claims.push_back({cl.at("text").get<std::string>(), cl.at("given").get<std::string>(), cl.at("id").get<std::string>()});
  } catch (const nlohmann::json::exception& e) {
    throw InputError("campaign.json", std::string("a malformed campaign identity (") + e.what() + ")",
                     "the campaign.json that verify --out writes");
  }
  return s;
}

Shard parse_shard(const std::string& text) {
  const auto bad = [&] { return InputError("--shard", quote(text), "I/N with 1 <= I <= N <= 100000 (shard I of N, 1-based), e.g. 2/3"); };
  const auto slash = text.find('/');
  if (slash == std::string::npos) throw bad();
  Shard s;
  const auto number = [&](std::string_view part, int& out) {
    if (part.empty() || part.size() > 6 || !std::all_of(part.begin(), part.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) throw bad();
    std::from_chars(part.data(), part.data() + part.size(), out);
  };
  number(std::string_view(text).substr(0, slash), s.index);
  number(std::string_view(text).substr(slash + 1), s.count);
  if (s.count < 1 || s.count > 100000 || s.index < 1 || s.index > s.count) throw bad();
  return s;
}

std::vector<ChunkRef> shard_chunks(const Campaign& c, Shard s) {
  std::vector<ChunkRef> out;
  for (std::size_t p = static_cast<std::size_t>(s.index - 1); p < c.chunks.size(); p += static_cast<std::size_t>(s.count)) out.push_back(c.chunks[p]);
  return out;
}

std::string chunk_name(const Campaign& c, ChunkRef ref) {
  const TaskPlan& t = c.tasks.at(ref.task);
  return fmt::format("{}@{}#{}", t.property, t.type, ref.index);
}

}  // namespace annealcheck::properties::campaign
