// The certified section of `eval --certified` (text and JSON) and its exit status.
//
// Exit status in certified mode: 1 when a conclusion (any check but the premises
// C1, C1', C2, C2') is certified refuted, 0 otherwise. Undecided checks and
// undecided ties do not change it; they are counted in the summary line.
#pragma once

#include "annealcheck/certified/decide.hpp"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>

namespace annealcheck::certified {

bool is_premise(const std::string& label);

// Checks per decision ("proved" → 12, ...), every decision present.
std::map<std::string, int> counts(const Result& r);

// A conclusion certified refuted.
bool conclusion_refuted(const Result& r);

std::string render_section(const Result& r, const Options& opt, int digits);
nlohmann::json section_json(const Result& r, const Options& opt);
nlohmann::json enclosure_json(const interval::Enclosure& e);  // ["lo", "hi"], all digits

}  // namespace annealcheck::certified
