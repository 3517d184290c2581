// Deliberately broken dynamics, for mutation testing of the property suite only
// (properties/CMakeLists.txt builds one test executable per mutant, ctest label
// `mutants`; a whole build can be mutated with cmake -DANNEALCHECK_MUTANT=<name>).
// A normal build leaves ANNEALCHECK_MUTANT at 0 and every hook below is a no-op
// decided at compile time.
#pragma once

#define ANNEALCHECK_MUTANT_NONE 0
#define ANNEALCHECK_MUTANT_GF_RATE 1     // gf-rate:    (E4) decays at rate 1.9γ_i instead of 2γ_i
#define ANNEALCHECK_MUTANT_ETA_GAMMA2 2  // eta-gamma2: default GD step η = 1/γ_2 instead of 1/γ_1
#define ANNEALCHECK_MUTANT_GD_SHORT 3    // gd-short:   the GD phase runs K − 1 steps instead of K
#define ANNEALCHECK_MUTANT_GD_FACTOR 4   // gd-factor:  (E5) factor 1 − ηγ_i instead of 1 − 2ηγ_i

#ifndef ANNEALCHECK_MUTANT
#define ANNEALCHECK_MUTANT ANNEALCHECK_MUTANT_NONE
#endif

namespace annealcheck::dynamics {
inline constexpr int active_mutant = ANNEALCHECK_MUTANT;
}  // namespace annealcheck::dynamics
