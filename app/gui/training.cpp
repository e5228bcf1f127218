#include "app/gui/training.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace ll::gui {

void Trainer::add_record(const Scene& scene) {
  const LossPoint p{steps_, record(scene)};
  // The latest entry off the stride only stood for "now": the new one replaces it.
  if (!curve_.empty() && curve_.back().step % stride_ != 0 && curve_.back().step < p.step)
    curve_.back() = p;
  else
    curve_.push_back(p);
  if (curve_.size() <= kMaxCurvePoints) return;
  stride_ *= 2;  // keep the entries on the doubled stride, and the latest one
  std::size_t j = 0;
  for (std::size_t i = 0; i < curve_.size(); ++i)
    if (curve_[i].step % stride_ == 0 || i + 1 == curve_.size()) curve_[j++] = curve_[i];
  curve_.resize(j);
}

StepStatus Trainer::step(Scene& scene, History& history) {
  if (curve_.empty()) add_record(scene);
  optimizer_.set_settings(scene.optimizer);
  const StepStatus st = optimizer_.step(scene);
  if (st == StepStatus::Ok) {
    ++steps_;
    add_record(scene);
    diverged_ = false;
    return st;
  }
  if (st == StepStatus::Diverged) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "Training diverged at step %ld: step size %.4g is too large for this scene. "
                  "Parameters were kept from the last good step; try a smaller step size.",
                  steps_ + 1, scene.optimizer.lr);
    message_ = buf;
    diverged_ = true;
  } else {
    message_ = "No points to fit: add points (click on the canvas) or load a preset.";
  }
  if (playing_) pause(scene, history);
  return st;
}

int Trainer::advance(Scene& scene, double dt, double budget_s, History& history) {
  if (!playing_) return 0;
  owed_ += std::clamp(dt, 0.0, 0.25) * std::clamp(rate, kMinRate, kMaxRate);
  const auto t0 = std::chrono::steady_clock::now();
  int n = 0;
  while (owed_ >= 1.0 && playing_) {
    owed_ -= 1.0;
    if (step(scene, history) != StepStatus::Ok) break;
    ++n;
    const double spent =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (spent > budget_s) {  // too slow for this rate: drop the backlog rather than lag behind
      owed_ = std::min(owed_, 1.0);
      break;
    }
  }
  return n;
}

void Trainer::play(const Scene& scene) {
  if (playing_) return;
  playing_ = true;
  run_active_ = true;
  run_before_ = scene;
  owed_ = 0.0;
  message_.clear();
}

void Trainer::pause(const Scene& scene, History& history) {
  playing_ = false;
  finish_run(scene, history);
}

void Trainer::toggle(const Scene& scene, History& history) {
  if (playing_) pause(scene, history);
  else play(scene);
}

void Trainer::finish_run(const Scene& scene, History& history) {
  if (run_active_ && !(scene == run_before_)) history.push(run_before_);
  run_active_ = false;
}

void Trainer::split_run(const Scene& before_edit, const Scene& after, History& history) {
  if (!run_active_) return;
  if (!(before_edit == run_before_)) history.push(run_before_);
  run_before_ = after;
}

void Trainer::restart(const Scene& scene) {
  optimizer_ = Optimizer(scene.optimizer);
  steps_ = 0;
  curve_.clear();
  stride_ = 1;
  owed_ = 0.0;
  diverged_ = false;
}

}  // namespace ll::gui
