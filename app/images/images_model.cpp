#include "app/images/images_model.h"

#include <algorithm>
#include <utility>

namespace ll::imagestab {

using namespace std::chrono_literals;

ImagesModel::ImagesModel(std::string dir, images::LoadOptions options)
    : dir_(std::move(dir)), load_options_(options) {
  // Five times an epoch (and at the end of every chunk of steps): the accuracy curves show
  // how an epoch goes, for ~0.2 s more an epoch (a test set and 10,000 training images each).
  settings.eval_every = 0;
  settings.evals_per_epoch = 5;
}

ImagesModel::~ImagesModel() {
  load_job_.cancel();
  train_job_.cancel();
  eval_job_.cancel();
  wait();
}

void ImagesModel::wait() {
  load_job_.wait();
  train_job_.wait();
  eval_job_.wait();
}

void ImagesModel::start_loading() {
  if (load_job_.active() ||
      (data_state_ != DataState::NotLoaded && data_state_ != DataState::Failed))
    return;
  data_state_ = DataState::Loading;
  data_message_.clear();
  load_job_ = Job<std::shared_ptr<const images::Dataset>>::start(
      "Loading Fashion-MNIST", [dir = dir_, opt = load_options_](JobControl& control) {
        control.set_progress(0.05);
        auto d = std::make_shared<images::Dataset>(images::load_fashion_mnist(dir, opt));
        control.set_progress(1.0);
        return std::shared_ptr<const images::Dataset>(std::move(d));
      });
}

void ImagesModel::cancel_loading() { load_job_.cancel(); }

bool ImagesModel::set_centering(bool on) {
  if (on == load_options_.center) return true;
  if (load_job_.active() || training()) return false;
  eval_job_.cancel();
  eval_job_.wait();  // at most one block of 1024 images after Cancel
  eval_job_ = {};
  load_options_.center = on;
  set_data(nullptr);
  start_loading();
  return true;
}

void ImagesModel::set_data(std::shared_ptr<const images::Dataset> data) {
  data_ = std::move(data);
  data_state_ = data_ ? DataState::Ready : DataState::NotLoaded;
  trainer_.reset();
  channel_.reset();
  snapshot_.reset();
  evaluation_.reset();
  mistakes_.clear();
}

bool ImagesModel::can_continue() const {
  return trainer_ && !training() && trainer_->settings() == settings &&
         trainer_->status() == StepStatus::Ok;
}

void ImagesModel::start_training(bool fresh) {
  if (!data_ || training()) return;
  if (fresh || !can_continue()) {
    trainer_ = std::make_shared<images::Trainer>(data_, settings);
    snapshot_.reset();
  }
  channel_ = std::make_shared<images::SnapshotChannel>();
  seen_ = 0;
  images::RunOptions run;
  run.steps = trainer_->steps_for_epochs(epochs);
  run.publish_seconds = 0.1;
  train_job_ = Job<images::TrainSnapshot>::start(
      "Training", [t = trainer_, c = channel_, run](JobControl& control) {
        return images::run_training(*t, run, control, c.get());
      });
}

void ImagesModel::cancel_training() { train_job_.cancel(); }

bool ImagesModel::poll() {
  bool changed = false;
  if (load_job_.ready()) {
    try {
      data_ = load_job_.take();
      data_state_ = DataState::Ready;
    } catch (const images::MissingDataError& e) {
      data_state_ = DataState::Missing;
      data_message_ = e.what();
    } catch (const JobCancelled&) {
      data_state_ = DataState::NotLoaded;
    } catch (const std::exception& e) {
      data_state_ = DataState::Failed;
      data_message_ = e.what();
    }
    changed = true;
  }
  if (channel_) {
    std::uint64_t seen = seen_;
    if (auto s = channel_->take_newer(seen)) {
      seen_ = seen;
      snapshot_ = std::move(*s);
      changed = true;
    }
  }
  if (train_job_.ready()) {
    try {
      snapshot_ = train_job_.take();
      ++seen_;
    } catch (const std::exception& e) {
      data_message_ = std::string("training failed: ") + e.what();
    }
    changed = true;
  }
  if (eval_job_.ready()) {
    try {
      evaluation_ = eval_job_.take();
      evaluated_version_ = eval_running_version_;
      if (data_) mistakes_ = images::top_misclassified(*evaluation_, data_->test, 24);
    } catch (const std::exception&) {  // cancelled or a model that no longer fits
    }
    changed = true;
  }
  maybe_evaluate();
  return changed;
}

void ImagesModel::maybe_evaluate() {
  if (!data_ || !snapshot_ || eval_job_.active() || data_->test.size() == 0) return;
  if (evaluated_version_ == seen_ && evaluation_) return;
  // While training, at most twice a second (an evaluation of 10,000 images takes ~30 ms).
  const auto now = std::chrono::steady_clock::now();
  if (training() && now - last_eval_start_ < 500ms) return;
  last_eval_start_ = now;
  eval_running_version_ = seen_;
  eval_job_ = Job<images::SetEvaluation>::start(
      "Evaluating", [d = data_, m = snapshot_->model, loss = settings.loss](JobControl& control) {
        return images::evaluate(m, d->test, loss, &control);
      });
}

std::optional<lab::ScoreTable> ImagesModel::chosen_table() const {
  if (!data_ || !snapshot_ || data_->test.size() == 0) return std::nullopt;
  const images::ImageSet& test = data_->test;
  std::vector<int> idx;
  for (int i : chosen) idx.push_back(std::clamp(i, 0, static_cast<int>(test.size()) - 1));
  images::BatchMatrix X, S;
  std::vector<int> labels;
  images::gather_batch(test, idx, X, labels);
  if (snapshot_->model.dim() != X.cols()) return std::nullopt;
  images::scores(X, snapshot_->model, S);
  lab::ScoreTable t;
  t.class_names = test.class_names;
  t.scores = S.transpose();
  t.labels = labels;
  for (std::size_t j = 0; j < idx.size(); ++j)
    t.example_names.push_back("test #" + std::to_string(idx[j]) + " (" +
                              test.class_names[static_cast<std::size_t>(labels[j])] + ")");
  return t;
}

}  // namespace ll::imagestab
