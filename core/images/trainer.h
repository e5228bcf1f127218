#pragma once
// Training the image classifier: minibatch GD/SGD/momentum/Adam over shuffled epochs with the
// 2-D classifier's update rules (core/optimizer.h apply_update, EpochSampler), deterministic
// for a seed. Step-wise, so the window can run it in a background job and show it live:
//
//   Trainer t(data, default_settings(LossKind::Softmax));
//   while (t.steps() < total && !control.cancelled()) {
//     t.train_steps(100, &control);
//     channel.publish(t.snapshot());    // templates, curves, accuracy for the window
//   }
//
// (run_training in training_job.h is that loop.) A Trainer is not shared between threads: the
// job owns it, the window reads snapshots.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/images/evaluation.h"
#include "core/images/image_set.h"
#include "core/images/linear_model.h"
#include "core/job.h"
#include "core/optimizer.h"
#include "core/scene.h"

namespace ll::images {

enum class Init { Zero, Small };  // W = 0, b = 0; or W = 1e-3 N(0, 1), b = 0 (seeded)
const char* to_string(Init i);    // "zero", "small"
bool parse(const std::string& s, Init& out);

struct TrainSettings {
  LossSettings loss;
  OptimizerSettings optimizer;
  Init init = Init::Small;
  // One StepRecord per `log_every` steps (the mean minibatch loss over them); 0: about 20 a
  // epoch.
  long log_every = 0;
  // One EvalRecord (train and test accuracy and loss) every `eval_every` steps and at the end
  // of every train_steps call; 0: `evals_per_epoch` times an epoch; < 0: only when
  // evaluate_now() asks.
  long eval_every = 0;
  int evals_per_epoch = 1;
  // Train accuracy and loss of the EvalRecords over the first `eval_train_limit` training
  // images (0: all of them); the test set is always evaluated whole.
  std::size_t eval_train_limit = 10'000;
  bool operator==(const TrainSettings&) const = default;
};

// The defaults of `losslab images train` and the window for a loss kind, on centred pixels
// (LoadOptions::center, the default; measured over 10 epochs on one core: softmax 84.2% test
// accuracy in ~3.3 s, the Weston-Watkins SVM 84.0% in ~3.8 s; see README "Performance").
TrainSettings default_settings(LossKind kind = LossKind::Softmax);

struct StepRecord {
  long step = 0;           // steps done at the end of the logged interval
  double epoch = 0.0;      // step * batch / N
  double data_loss = 0.0;  // mean minibatch data loss over the interval
  double reg_loss = 0.0;   // the regularizer at the last step of the interval
};

struct EvalRecord {
  long step = 0;
  double epoch = 0.0;
  double train_loss = 0.0, train_accuracy = 0.0;  // data loss (no regularizer), fraction
  double test_loss = 0.0, test_accuracy = 0.0;
};

// What the window needs to draw one moment of a run, copied out of the Trainer.
struct TrainSnapshot {
  LinearModel model;
  long steps = 0;
  double epochs = 0.0;
  StepStatus status = StepStatus::Ok;
  std::vector<StepRecord> history;
  std::vector<EvalRecord> evaluations;
};

class Trainer {
 public:
  // `data` must hold a non-empty training set (std::invalid_argument otherwise); it is shared,
  // never copied or changed. The model starts as settings.init says (seeded by
  // settings.optimizer.seed).
  Trainer(std::shared_ptr<const Dataset> data, const TrainSettings& settings);

  // Up to `n` more steps; returns the number done. Stops early on divergence (status()) or when
  // `control` is cancelled (no throw; the steps done are kept). With a control, progress is
  // the fraction of the n steps done. Ends with an EvalRecord of the final state when
  // `evaluate_at_end` (and eval_every >= 0). The first call also records step 0 (a StepRecord of
  // the initial minibatch loss is not kept; an EvalRecord of the initial model is).
  long train_steps(long n, JobControl* control = nullptr, bool evaluate_at_end = true);
  // Steps for `epochs` epochs (at least 1 when epochs > 0).
  long steps_for_epochs(double epochs) const;

  long steps() const { return steps_; }
  double epochs() const;  // steps * batch / N (full batch: steps)
  StepStatus status() const { return status_; }
  const LinearModel& model() const { return model_; }
  const TrainSettings& settings() const { return settings_; }
  const Dataset& data() const { return *data_; }
  const std::vector<StepRecord>& history() const { return history_; }
  const std::vector<EvalRecord>& evaluations() const { return evaluations_; }
  // Appends an EvalRecord of the current state (unless the last one is of this step).
  const EvalRecord& evaluate_now();
  TrainSnapshot snapshot() const;

 private:
  bool step();  // one update; false on divergence
  void log_step(double data_loss, double reg_loss);

  std::shared_ptr<const Dataset> data_;
  TrainSettings settings_;
  LinearModel model_;
  UpdateState<Eigen::MatrixXd> state_;
  EpochSampler sampler_;
  BatchMatrix batch_;
  std::vector<int> batch_labels_;
  BatchWork work_;
  long steps_ = 0;
  StepStatus status_ = StepStatus::Ok;
  std::vector<StepRecord> history_;
  std::vector<EvalRecord> evaluations_;
  double log_sum_ = 0.0;
  long log_count_ = 0;
};

}  // namespace ll::images
