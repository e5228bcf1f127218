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

// --- the update rules, one definition for both shapes of W --------------------------------
// The 2-D classifier's W is a K x 2 WeightMatrix, the image classifier's (core/images/) a K x D
// Eigen::MatrixXd: the overloads below run one template, so both take exactly the same steps.

// Momentum velocity and Adam moments of (W, b); empty until the first step that needs them.
template <class Mat>
struct UpdateState {
  Mat vW, mW, sW;  // momentum velocity / Adam first moment / Adam second moment
  BiasVector vb, mb, sb;
  void clear() {
    vW.resize(0, vW.cols());
    mW.resize(0, mW.cols());
    sW.resize(0, sW.cols());
    vb.resize(0);
    mb.resize(0);
    sb.resize(0);
  }
};

// One update of (W, b) by the gradient (dW, db) under `settings` (GD and SGD: W -= lr dW;
// momentum: v = mu v - lr dW, W += v; Adam with bias correction at step t + 1, t = the number
// of steps taken before this one), followed by the max-norm projection when
// settings.max_norm > 0. The caller checks the result for divergence.
void apply_update(const OptimizerSettings& settings, long t, const WeightMatrix& dW,
                  const BiasVector& db, WeightMatrix& W, BiasVector& b,
                  UpdateState<WeightMatrix>& state);
void apply_update(const OptimizerSettings& settings, long t, const Eigen::MatrixXd& dW,
                  const BiasVector& db, Eigen::MatrixXd& W, BiasVector& b,
                  UpdateState<Eigen::MatrixXd>& state);

// The minibatches of shuffled epochs: each epoch is a fresh permutation of 0..n-1 (Rng::shuffle
// of the identity) cut into batches of `batch`; the remainder of an epoch is dropped. gd or
// batch >= n: every step uses all points (an empty span) and is an epoch of its own.
class EpochSampler {
 public:
  explicit EpochSampler(std::uint64_t seed = 1) : rng_(seed) {}
  // The indices of the next step's batch (valid until the next call or reset), empty for a
  // full-batch step.
  std::span<const int> next(std::size_t n, int batch, bool full_batch);
  // The last batch (as next() returned it).
  std::span<const int> last() const { return std::span<const int>(order_).subspan(begin_, size_); }
  // Re-seeds and forgets the epoch order; keeps the epoch count.
  void reset(std::uint64_t seed);
  long epochs() const { return epochs_; }  // epochs begun
  // Where the next batch starts in the current epoch's order (0 before the first).
  std::size_t cursor() const { return cursor_; }

 private:
  Rng rng_;
  std::vector<int> order_;
  std::size_t cursor_ = 0, begin_ = 0, size_ = 0;
  long epochs_ = 0;
};

class Optimizer {
 public:
  Optimizer() = default;
  explicit Optimizer(const OptimizerSettings& settings)
      : settings_(settings), sampler_(settings.seed) {}

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
  std::span<const int> last_batch() const { return sampler_.last(); }
  // Epochs begun: minibatch steps count a new epoch at each reshuffle (the first step begins
  // epoch 1); full-batch steps are an epoch each. Kept by reset(); a new Optimizer starts at 0.
  long epochs() const { return sampler_.epochs(); }

 private:
  OptimizerSettings settings_;
  EpochSampler sampler_{1};
  UpdateState<WeightMatrix> state_;
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
void project_max_norm(Eigen::MatrixXd& W, double c);

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
