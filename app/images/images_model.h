#pragma once
// The Images tab's state, ImGui- and GL-free (tests drive it without a window): the data set
// loaded in a background job, the training run in another (core/images/training_job.h: the
// window takes the newest snapshot once a frame and never waits), the test set evaluated in a
// third whenever a new snapshot arrived (confusion matrix, mistakes), the three chosen test
// images and their scores as the lectures' score table. Every job has progress and Cancel.
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/images/evaluation.h"
#include "core/images/idx.h"
#include "core/images/trainer.h"
#include "core/images/training_job.h"
#include "core/job.h"
#include "core/lab/score_table.h"

namespace ll::imagestab {

enum class DataState { NotLoaded, Loading, Ready, Missing, Failed };

class ImagesModel {
 public:
  // `dir`: the data folder (Fashion-MNIST's by default); `options`: limits and centring.
  explicit ImagesModel(std::string dir = images::kFashionMnistDir,
                       images::LoadOptions options = {});
  ~ImagesModel();  // cancels and waits for every job
  ImagesModel(const ImagesModel&) = delete;
  ImagesModel& operator=(const ImagesModel&) = delete;

  // Once a frame: takes finished loads and evaluations and the newest training snapshot.
  // Returns true when anything shown changed.
  bool poll();

  // --- data -------------------------------------------------------------------------------
  void start_loading();  // no-op unless NotLoaded or Failed
  void cancel_loading();
  DataState data_state() const { return data_state_; }
  const std::string& data_message() const { return data_message_; }  // missing / failed: why
  double loading_progress() const { return load_job_.progress(); }
  const images::Dataset* data() const { return data_.get(); }
  // Whether the pixels are centred (the training mean subtracted, CS231n's preprocessing; the
  // default). Changing it drops the data and any run and reloads the data in the background;
  // refused (false) while loading or training.
  bool centering() const { return load_options_.center; }
  bool set_centering(bool on);
  // Adopts an already loaded data set (tests; no job).
  void set_data(std::shared_ptr<const images::Dataset> data);

  // --- training ---------------------------------------------------------------------------
  images::TrainSettings settings = images::default_settings(LossKind::Softmax);
  double epochs = 1.0;  // per press of Train / Continue
  // Starts a new run from the settings' initialisation (`fresh`), or continues the last run
  // (when its settings are still these; else starts fresh). No-op without data or while
  // a run is active.
  void start_training(bool fresh = true);
  void cancel_training();
  bool training() const { return train_job_.active(); }
  double training_progress() const { return train_job_.progress(); }
  bool can_continue() const;
  // Blocks until the running job ends (tests, and the destructor).
  void wait();
  const std::optional<images::TrainSnapshot>& snapshot() const { return snapshot_; }
  std::uint64_t snapshot_version() const { return seen_; }

  // --- evaluation of the test set ---------------------------------------------------------
  const std::optional<images::SetEvaluation>& evaluation() const { return evaluation_; }
  bool evaluating() const { return eval_job_.active(); }
  const std::vector<images::Mistake>& mistakes() const { return mistakes_; }

  // --- the chosen test images (the lectures' three-column score table) --------------------
  std::array<int, 3> chosen = {0, 1, 2};
  // Their scores under the current model (K x 3), class names and labels; nullopt without a
  // model or data. Indices are clamped to the test set.
  std::optional<lab::ScoreTable> chosen_table() const;

 private:
  void maybe_evaluate();

  std::string dir_;
  images::LoadOptions load_options_;
  DataState data_state_ = DataState::NotLoaded;
  std::string data_message_;
  std::shared_ptr<const images::Dataset> data_;
  Job<std::shared_ptr<const images::Dataset>> load_job_;

  std::shared_ptr<images::Trainer> trainer_;  // the job's while a run is active
  std::shared_ptr<images::SnapshotChannel> channel_;
  Job<images::TrainSnapshot> train_job_;
  std::optional<images::TrainSnapshot> snapshot_;
  std::uint64_t seen_ = 0;

  Job<images::SetEvaluation> eval_job_;
  std::optional<images::SetEvaluation> evaluation_;
  std::uint64_t evaluated_version_ = 0, eval_running_version_ = 0;
  std::chrono::steady_clock::time_point last_eval_start_{};
  std::vector<images::Mistake> mistakes_;
};

}  // namespace ll::imagestab
