#pragma once
// Training on the main thread: single steps, and playing at a rate in steps per second that is
// decoupled from the frame rate. One run (play ... pause) is one undo entry. GL-free.
#include <string>
#include <vector>

#include "app/gui/history.h"
#include "core/optimizer.h"

namespace ll::gui {

struct LossPoint {
  long step = 0;
  LossRecord record;
};

class Trainer {
 public:
  static constexpr double kMinRate = 1.0;
  static constexpr double kMaxRate = 5000.0;

  // One update. On divergence: stops playing, finishes the run, sets message().
  StepStatus step(Scene& scene, History& history);
  // While playing: the steps due after `dt` seconds, within `budget_s` of wall time.
  // Returns the number of steps taken.
  int advance(Scene& scene, double dt, double budget_s, History& history);

  void play(const Scene& scene);
  void pause(const Scene& scene, History& history);
  void toggle(const Scene& scene, History& history);
  bool playing() const { return playing_; }
  double rate = 10.0;  // steps per second

  // The user edited the scene during a run (`before_edit` is the state just before the edit):
  // the run so far becomes its own undo entry, then the run continues from `after`.
  void split_run(const Scene& before_edit, const Scene& after, History& history);

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
  static constexpr std::size_t kMaxCurvePoints = 20000;
  const std::vector<LossPoint>& curve() const { return curve_; }
  long curve_stride() const { return stride_; }
  const std::string& message() const { return message_; }
  bool diverged() const { return diverged_; }

 private:
  void finish_run(const Scene& scene, History& history);
  void add_record(const Scene& scene);

  Optimizer optimizer_;
  bool playing_ = false;
  bool run_active_ = false;
  Scene run_before_;
  double owed_ = 0.0;  // fractional steps due
  long steps_ = 0;
  std::vector<LossPoint> curve_;
  long stride_ = 1;  // steps between kept curve entries
  std::string message_;
  bool diverged_ = false;
};

}  // namespace ll::gui
