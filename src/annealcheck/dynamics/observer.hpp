// What a run reports to its observer: one event per GD step and per GF checkpoint,
// with the full state, so that properties can assert at every step.
#pragma once

#include <cstddef>
#include <vector>

namespace annealcheck::dynamics {

enum class Phase { GradientDescent, GradientFlow };

template <class T>
struct StepEvent {
  Phase phase;
  std::size_t index;              // GD: step t (state after t steps); GF: checkpoint number (0 = start)
  const T* time;                  // GF: elapsed flow time t; GD: nullptr
  const std::vector<T>& delta;    // δ at this point
  const T& train_loss;            // L̂(δ) (E1)
};

struct NullObserver {
  template <class T>
  void operator()(const StepEvent<T>&) const noexcept {}
};

}  // namespace annealcheck::dynamics
