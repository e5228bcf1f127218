#include "app/gui/training.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace ll::gui {

void Trainer::add_record(const Scene& scene) { curve_.add(steps_, record(scene)); }

StepStatus Trainer::step(Document& doc) {
  const Scene& scene = doc.scene();
  if (curve_.points().empty()) add_record(scene);
  optimizer_.set_settings(scene.optimizer);
  const Document::Gesture outer = doc.gesture();
  if (!playing_) doc.seal();  // a single step is an undo entry of its own
  doc.set_gesture(playing_ ? run_ : doc.new_gesture());
  const StepStatus st = doc.update_params([&](Scene& s) { return optimizer_.step(s); });
  doc.set_gesture(outer);
  if (!playing_) doc.seal();
  if (st == StepStatus::Ok) {
    ++steps_;
    add_record(scene);
    diverged_ = false;
    return st;
  }
  if (st == StepStatus::Diverged && optimizer_.undid_previous() && steps_ > 0) {
    // This step's loss pass showed that the previous step exploded the loss: core undid that
    // one too, so the counter and the curve go back to the step before it.
    --steps_;
    curve_.drop_after(steps_);
    if (curve_.points().empty() || curve_.points().back().step < steps_) add_record(scene);
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
  if (playing_) pause(doc);
  return st;
}

int Trainer::advance(Document& doc, double dt, double budget_s) {
  if (!playing_) return 0;
  owed_ += std::clamp(dt, 0.0, 0.25) * std::clamp(rate, kMinRate, kMaxRate);
  const auto t0 = std::chrono::steady_clock::now();
  int n = 0;
  while (owed_ >= 1.0 && playing_) {
    owed_ -= 1.0;
    if (step(doc) != StepStatus::Ok) break;
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

void Trainer::play(Document& doc) {
  if (playing_) return;
  playing_ = true;
  doc.seal();  // the run starts an undo entry of its own
  run_ = doc.new_gesture();
  owed_ = 0.0;
  message_.clear();
}

void Trainer::pause(Document& doc) {
  playing_ = false;
  doc.seal();
}

void Trainer::toggle(Document& doc) {
  if (playing_)
    pause(doc);
  else
    play(doc);
}

void Trainer::restart(const Scene& scene) {
  optimizer_ = Optimizer(scene.optimizer);
  steps_ = 0;
  curve_.clear();
  owed_ = 0.0;
  diverged_ = false;
}

}  // namespace ll::gui
