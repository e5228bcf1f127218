#pragma once
// Training on the main thread: single steps, and playing at a rate in steps per second that is
// decoupled from the frame rate. Steps change the document's parameters under one gesture per
// run, so one run (play ... pause) is one undo entry; an edit made during a run ends the entry
// and the run continues in a new one. GL-free.
#include <string>
#include <vector>

#include "core/document.h"
#include "core/history_thinning.h"
#include "core/optimizer.h"

namespace ll::gui {

using LossPoint = StepRecord;

class Trainer {
 public:
  static constexpr double kMinRate = 1.0;
  static constexpr double kMaxRate = 5000.0;

  // One update. On divergence: stops playing, finishes the run, sets message().
  StepStatus step(Document& doc);
  // While playing: the steps due after `dt` seconds, within `budget_s` of wall time.
  // Returns the number of steps taken.
  int advance(Document& doc, double dt, double budget_s);

  void play(Document& doc);
  void pause(Document& doc);
  void toggle(Document& doc);
  bool playing() const { return playing_; }
  double rate = 10.0;  // steps per second

  // Parameters were replaced (randomize, reset, preset, undo): clear optimizer state and curve.
  void restart(const Scene& scene);
  // Parameters changed under the optimizer (undo/redo): forget its moments, keep the curve.
  void reset_optimizer(const Scene& scene) { optimizer_ = Optimizer(scene.optimizer); }
  void clear_message() { message_.clear(); }

  long steps() const { return steps_; }
  // The loss curve for the plot: bounded at kMaxCurvePoints however long training runs. When
  // full, every other record is dropped and from then on only every `curve_stride()`-th step
  // is kept (the stride doubles each time), so the resolution stays even along the run; the
  // last entry is always the latest step.
  static constexpr std::size_t kMaxCurvePoints = kMaxHistoryPoints;
  const std::vector<LossPoint>& curve() const { return curve_.points(); }
  long curve_stride() const { return curve_.stride(); }
  const std::string& message() const { return message_; }
  bool diverged() const { return diverged_; }

 private:
  void add_record(const Scene& scene);

  Optimizer optimizer_;
  bool playing_ = false;
  Document::Gesture run_ = 0;  // the gesture of the current run
  double owed_ = 0.0;          // fractional steps due
  long steps_ = 0;
  ThinnedHistory curve_;  // core/history_thinning.h: the same rule as the exports
  std::string message_;
  bool diverged_ = false;
};

}  // namespace ll::gui
