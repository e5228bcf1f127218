#pragma once
// Optimizers over (W, b): full-batch gradient descent (the CS231n demo's), minibatch SGD over
// shuffled epochs, SGD with momentum, and Adam. Deterministic for a given seed.
#include <functional>
#include <span>
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

// A loss above this after a step (and above the loss before it) counts as divergence.
inline constexpr double kLossBound = 1e12;

enum class StepStatus {
  Ok,
  // The update made a parameter non-finite or larger than kParamBound (undone), or this step's
  // gradient pass found that the previous step raised the loss above kLossBound or made it
  // non-finite (the previous step is undone, see undid_previous()).
  Diverged,
  NoData,  // no points: nothing to fit
};

class Optimizer {
 public:
  Optimizer() = default;
  explicit Optimizer(const OptimizerSettings& settings)
      : settings_(settings), rng_(settings.seed) {}

  // Advances scene.params by one update using scene.loss and this optimizer's settings.
  // On divergence the parameters are left as they were before the step, or before the previous
  // step when that one exploded the loss: its explosion shows in this step's gradient pass (the
  // loss at the current parameters, on this step's minibatch), so judging costs no extra pass.
  StepStatus step(Scene& scene);

  // True when the last step() returned Diverged because it undid the step before it.
  bool undid_previous() const { return undid_previous_; }

  // Judges the last step by `loss`, the loss at the scene's current parameters from any
  // evaluation (e.g. a full-data record after the last step): if the last step raised it above
  // kLossBound, or made it non-finite, and the scene is still as that step left it, restores
  // the parameters from before it, resets and returns true.
  bool undo_if_exploded(Scene& scene, double loss);

  // Forget momentum/Adam moments and the epoch order; re-seed.
  void reset();
  void set_settings(const OptimizerSettings& s);  // keeps state when only lr changes
  const OptimizerSettings& settings() const { return settings_; }
  long steps_taken() const { return steps_; }
  // The minibatch of the last step (indices into the points), valid until the next step or
  // reset; empty when the step used every point (gd, batch >= N) or no step was taken.
  std::span<const int> last_batch() const {
    return std::span<const int>(order_).subspan(batch_begin_, batch_size_);
  }
  // Epochs begun: minibatch steps count a new epoch at each reshuffle (the first step begins
  // epoch 1); full-batch steps are an epoch each. Kept by reset(); a new Optimizer starts at 0.
  long epochs() const { return epochs_; }

 private:
  std::span<const int> next_batch(std::size_t n);

  OptimizerSettings settings_;
  Rng rng_{1};
  std::vector<int> order_;                        // current epoch's permutation
  std::size_t cursor_ = 0;                        // next index into order_
  std::size_t batch_begin_ = 0, batch_size_ = 0;  // last_batch() within order_
  long epochs_ = 0;
  WeightMatrix vW_, mW_;  // momentum velocity / Adam first moment
  BiasVector vb_, mb_;
  WeightMatrix sW_;  // Adam second moment
  BiasVector sb_;
  long steps_ = 0;
  // The last accepted step, to undo it when the next loss evaluation shows it exploded.
  bool have_last_ = false, undid_previous_ = false;
  Params last_before_, last_after_;
  LossSettings last_settings_;
  std::size_t last_points_ = 0;
  double last_loss_ = 0.0;  // loss before the last step (its gradient pass)
};

// Max-norm projection: scales every row W_k with ||W_k|| > c back to ||W_k|| <= c (exactly,
// despite rounding). c <= 0: nothing. Optimizer::step applies it after each update when
// OptimizerSettings::max_norm > 0; it is a constraint on W, not a term of the loss.
void project_max_norm(WeightMatrix& W, double c);

// Full-data loss record of a scene (for histories and plots).
LossRecord record(const Scene& scene);

struct TrainOptions {
  // A full-data record every `record_every` steps, plus always the first (step 0) and the
  // state training stops in. 1: every step.
  long record_every = 1;
  // Called before each step with the number of steps done; returning false stops training
  // (TrainResult::interrupted). Empty: never stops early.
  std::function<bool(long steps_done)> keep_going;
};

struct TrainResult {
  std::vector<LossRecord> history;  // full-data records at the steps in history_steps
  std::vector<long> history_steps;  // ascending; starts at 0, ends at steps_done
  StepStatus status = StepStatus::Ok;
  long steps_done = 0;
  bool interrupted = false;  // keep_going returned false
};

// Runs `steps` updates (stops early on divergence, no data or keep_going). With the default
// options, history has one record per step: before each step, then after the last one.
TrainResult train(Scene& scene, long steps, const TrainOptions& options = {});

// The record_every that keeps full-data records from dominating training: 1 up to 10,000
// points or when a step touches every point (gd, batch >= N); otherwise N / batch, so that
// records cost about as much as the steps themselves.
long auto_record_every(const Scene& scene);

}  // namespace ll
