#pragma once
// Optimizers over (W, b): full-batch gradient descent (the CS231n demo's), minibatch SGD over
// shuffled epochs, SGD with momentum, and Adam. Deterministic for a given seed.
#include <vector>

#include "core/losses.h"
#include "core/rng.h"
#include "core/scene.h"

namespace ll {

struct LossRecord {
  double data_loss = 0.0;
  double reg_loss = 0.0;
  double total_loss = 0.0;
  double accuracy = 0.0;
};

enum class StepStatus {
  Ok,
  Diverged,  // the update made a parameter non-finite or larger than kParamBound; undone
  NoData,    // no points: nothing to fit
};

class Optimizer {
 public:
  Optimizer() = default;
  explicit Optimizer(const OptimizerSettings& settings) : settings_(settings), rng_(settings.seed) {}

  // Advances scene.params by one update using scene.loss and this optimizer's settings.
  // On divergence the parameters are left as they were before the step.
  StepStatus step(Scene& scene);

  // Forget momentum/Adam moments and the epoch order; re-seed.
  void reset();
  void set_settings(const OptimizerSettings& s);  // keeps state when only lr changes
  const OptimizerSettings& settings() const { return settings_; }
  long steps_taken() const { return steps_; }

 private:
  std::span<const int> next_batch(std::size_t n);

  OptimizerSettings settings_;
  Rng rng_{1};
  std::vector<int> order_;   // current epoch's permutation
  std::size_t cursor_ = 0;   // next index into order_
  WeightMatrix vW_, mW_;     // momentum velocity / Adam first moment
  BiasVector vb_, mb_;
  WeightMatrix sW_;          // Adam second moment
  BiasVector sb_;
  long steps_ = 0;
};

// Full-data loss record of a scene (for histories and plots).
LossRecord record(const Scene& scene);

struct TrainResult {
  std::vector<LossRecord> history;  // before each step, then after the last one
  StepStatus status = StepStatus::Ok;
  long steps_done = 0;
};

// Runs `steps` updates (stops early on divergence or no data).
TrainResult train(Scene& scene, long steps);

}  // namespace ll
