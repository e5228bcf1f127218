#include "core/images/trainer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ll::images {

const char* to_string(Init i) { return i == Init::Zero ? "zero" : "small"; }

bool parse(const std::string& s, Init& out) {
  if (s == "zero") {
    out = Init::Zero;
  } else if (s == "small") {
    out = Init::Small;
  } else {
    return false;
  }
  return true;
}

TrainSettings default_settings(LossKind kind) {
  TrainSettings t;
  t.loss.kind = kind;
  t.loss.lambda = 1e-4;
  t.optimizer.kind = OptimizerKind::SGD;
  t.optimizer.batch = 256;
  t.optimizer.lr = is_hinge(kind) ? 0.05 : 0.5;
  return t;
}

namespace {

LinearModel initial_model(const ImageSet& train, const TrainSettings& s) {
  if (s.init == Init::Zero) return zero_model(train.classes, train.dim());
  // Its own stream, derived from the seed (the minibatch order uses the seed itself).
  Rng rng(s.optimizer.seed ^ 0x9E3779B97F4A7C15ull);
  return small_random_model(train.classes, train.dim(), rng);
}

}  // namespace

Trainer::Trainer(std::shared_ptr<const Dataset> data, const TrainSettings& settings)
    : data_(std::move(data)), settings_(settings), sampler_(settings.optimizer.seed) {
  if (!data_ || data_->train.size() == 0)
    throw std::invalid_argument("image training needs at least one training image");
  check_image_set(data_->train);
  if (data_->test.size() > 0) check_image_set(data_->test);
  if (data_->test.size() > 0 && data_->test.dim() != data_->train.dim())
    throw std::invalid_argument("the test images have " + std::to_string(data_->test.dim()) +
                                " pixels, the training images " +
                                std::to_string(data_->train.dim()));
  model_ = initial_model(data_->train, settings_);
}

namespace {

long steps_per_epoch(const TrainSettings& s, std::size_t n) {
  const auto batch = static_cast<std::size_t>(std::max(1, s.optimizer.batch));
  if (s.optimizer.kind == OptimizerKind::GD || batch >= n) return 1;
  return static_cast<long>(n / batch);
}

}  // namespace

double Trainer::epochs() const {
  return static_cast<double>(steps_) /
         static_cast<double>(steps_per_epoch(settings_, data_->train.size()));
}

long Trainer::steps_for_epochs(double e) const {
  if (!(e > 0.0)) return 0;
  const double steps =
      std::ceil(e * static_cast<double>(steps_per_epoch(settings_, data_->train.size())));
  return std::max(1L, static_cast<long>(std::min(steps, 1e15)));
}

bool Trainer::step() {
  const ImageSet& train = data_->train;
  const OptimizerSettings& o = settings_.optimizer;
  const std::span<const int> batch =
      sampler_.next(train.size(), o.batch, o.kind == OptimizerKind::GD);
  BatchLoss g;
  if (batch.empty()) {
    g = loss_gradient(train, {}, model_, settings_.loss);
  } else {
    gather_batch(train, batch, batch_, batch_labels_);
    g = loss_gradient(batch_, batch_labels_, model_, settings_.loss, &work_);
  }
  if (!std::isfinite(g.total_loss)) return false;
  const LinearModel before = model_;
  apply_update(o, steps_, g.dW, g.db, model_.W, model_.b, state_);
  if (!model_.W.allFinite() || !model_.b.allFinite() ||
      (model_.W.size() > 0 && model_.W.cwiseAbs().maxCoeff() > kParamBound) ||
      model_.b.cwiseAbs().maxCoeff() > kParamBound) {
    model_ = before;
    return false;
  }
  ++steps_;
  log_step(g.data_loss, g.reg_loss);
  return true;
}

void Trainer::log_step(double data_loss, double reg_loss) {
  log_sum_ += data_loss;
  ++log_count_;
  const long every = settings_.log_every > 0
                         ? settings_.log_every
                         : std::max(1L, steps_per_epoch(settings_, data_->train.size()) / 20);
  if (steps_ % every != 0) return;
  history_.push_back({steps_, epochs(), log_sum_ / static_cast<double>(log_count_), reg_loss});
  log_sum_ = 0.0;
  log_count_ = 0;
}

const EvalRecord& Trainer::evaluate_now() {
  if (!evaluations_.empty() && evaluations_.back().step == steps_) return evaluations_.back();
  EvalRecord r;
  r.step = steps_;
  r.epoch = epochs();
  const Summary tr = summarize(model_, data_->train, settings_.loss, settings_.eval_train_limit);
  r.train_loss = tr.data_loss;
  r.train_accuracy = tr.accuracy;
  if (data_->test.size() > 0) {
    const Summary te = summarize(model_, data_->test, settings_.loss);
    r.test_loss = te.data_loss;
    r.test_accuracy = te.accuracy;
  }
  evaluations_.push_back(r);
  return evaluations_.back();
}

long Trainer::train_steps(long n, JobControl* control, bool evaluate_at_end) {
  const bool auto_eval = settings_.eval_every >= 0;
  const long eval_every = settings_.eval_every > 0
                              ? settings_.eval_every
                              : std::max(1L, steps_per_epoch(settings_, data_->train.size()) /
                                                 std::max(1, settings_.evals_per_epoch));
  if (auto_eval && evaluations_.empty()) evaluate_now();
  long done = 0;
  if (status_ == StepStatus::Ok) {
    for (; done < n; ++done) {
      if (control != nullptr) {
        if (control->cancelled()) break;
        if (done % 16 == 0)
          control->set_progress(static_cast<double>(done) / static_cast<double>(n));
      }
      if (!step()) {
        status_ = StepStatus::Diverged;
        break;
      }
      if (auto_eval && steps_ % eval_every == 0) evaluate_now();
    }
  }
  if (auto_eval && evaluate_at_end) evaluate_now();
  if (control != nullptr && done == n) control->set_progress(1.0);
  return done;
}

TrainSnapshot Trainer::snapshot() const {
  TrainSnapshot s;
  s.model = model_;
  s.steps = steps_;
  s.epochs = epochs();
  s.status = status_;
  s.history = history_;
  s.evaluations = evaluations_;
  return s;
}

}  // namespace ll::images
