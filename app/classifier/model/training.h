#pragma once
// Training in the window: single steps, and playing at a rate in steps per second that is
// decoupled from the frame rate. Steps change the document's parameters under one gesture per
// run, so one run (play ... pause) is one undo entry; an edit made during a run ends the entry
// and the run continues in a new one. GL-free.
//
// Small scenes step on the UI thread. Scenes of at least `worker_points` points step on a worker
// thread: it runs a chunk of steps on its own copy of the scene (copied once per change of the
// points), then evaluates the result, and the UI thread only applies the new parameters and
// adopts that evaluation, so a frame never waits for a full pass over a million points. A chunk
// whose document was edited while it ran is discarded and training goes on from the edit.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/figure/loss_plot.h"
#include "core/document.h"
#include "core/history_thinning.h"
#include "core/job.h"
#include "core/losses.h"
#include "core/optimizer.h"
#include "core/trajectory.h"

namespace ll::gui {

using LossPoint = StepRecord;

class Trainer {
 public:
  static constexpr double kMinRate = 1.0;
  static constexpr double kMaxRate = 5000.0;
  // From this many points on, steps run on the worker (one step is then a few ms or more).
  static constexpr std::size_t kWorkerPoints = 20000;
  // A worker chunk ends after this long, so results reach the screen several times a second.
  static constexpr double kChunkSeconds = 0.1;

  Trainer() = default;
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;
  ~Trainer();  // cancels a running chunk and waits for it

  // One update now, on this thread (scripts, tests). On divergence: stops playing, finishes the
  // run, sets message().
  StepStatus step(Document& doc);
  // The Step button and key: step() for small scenes; for large ones the step is queued for the
  // worker and shows up a few frames later (as one undo entry of its own).
  void request_step(Document& doc);
  // Once a frame: applies a finished worker chunk, then, while playing, takes the steps due
  // after `dt` seconds (within `budget_s` of wall time on this thread, or on the worker).
  // Returns the number of steps applied this frame.
  int advance(Document& doc, double dt, double budget_s);

  void play(Document& doc);
  void pause(Document& doc);
  void toggle(Document& doc);
  bool playing() const { return playing_; }
  double rate = 10.0;  // steps per second
  std::size_t worker_points = kWorkerPoints;

  // True while a worker chunk runs or steps wait for one (the panel shows it).
  bool busy() const { return job_.active() || queued_ > 0; }
  bool uses_worker(const Scene& scene) const { return scene.points.size() >= worker_points; }

  // The evaluation a worker chunk computed for the document at `revision`, once: the caller
  // adopts it instead of evaluating the scene again.
  std::optional<Evaluation> take_evaluation(std::uint64_t revision);

  // Parameters were replaced (randomize, reset, preset, undo): clear optimizer state and curve.
  void restart(const Scene& scene);
  // Parameters changed under the optimizer (undo/redo): forget its moments, keep the curve.
  void reset_optimizer(const Scene& scene);
  void clear_message() { message_.clear(); }

  long steps() const { return steps_; }
  // Epochs begun in this run (see Optimizer::epochs; kept across undo/redo's optimizer reset).
  long epochs() const { return epoch_base_ + optimizer_.epochs(); }
  // The last step's minibatch (indices into the points): empty for full-batch steps, and for
  // scenes trained on the worker (a highlight of a few points among 20,000 shows nothing).
  std::span<const int> last_batch() const { return optimizer_.last_batch(); }
  // The loss curve for the plot: bounded at kMaxCurvePoints however long training runs. When
  // full, every other record is dropped and from then on only every `curve_stride()`-th step
  // is kept (the stride doubles each time), so the resolution stays even along the run; the
  // last entry is always the latest step.
  static constexpr std::size_t kMaxCurvePoints = kMaxHistoryPoints;
  const std::vector<LossPoint>& curve() const { return curve_.points(); }
  // Where a run changed its loss or optimizer settings (the plot marks them): at `step`, the
  // steps from there on ran under the change `text` names ("Softmax", "λ 0.1 → 0.01", ...).
  using Mark = figure::PlotMark;  // {step, text}: the loss plot draws them as they are
  const std::vector<Mark>& marks() const { return marks_; }
  long curve_stride() const { return curve_.stride(); }
  // The parameters at the curve's steps (every step of a UI-thread run; the end of each worker
  // chunk), for the loss landscape's path: kept, dropped and cleared with the curve.
  const Trajectory& trajectory() const { return trail_; }
  const std::string& message() const { return message_; }
  bool diverged() const { return diverged_; }

  // What a worker chunk takes and gives back (public for the worker function only).
  struct Chunk {
    Scene scene;  // the worker's copy: points, parameters and settings
    Optimizer optimizer;
    long steps = 0;        // the step counter before (in) and after (out) the chunk
    int wanted = 1;        // steps asked for
    bool initial = false;  // also record step 0 (an empty curve)
    double seconds = kChunkSeconds;
    std::vector<StepRecord> records;  // out: one per step taken (and step 0 when asked)
    StepStatus status = StepStatus::Ok;
    bool undid_applied = false;      // out: the first step undid the last step already applied
    std::optional<Evaluation> eval;  // out: the scene after the chunk
  };

 private:
  void add_record(const Scene& scene);
  void launch(Document& doc, int wanted);
  int apply(Document& doc, Chunk c);
  void retire();  // cancels the running chunk without waiting for it
  void stop_with(StepStatus st, double lr, Document& doc);
  void note_settings(const Scene& scene);  // a Mark when the settings changed since the last step

  Optimizer optimizer_;
  long epoch_base_ = 0;  // epochs of optimizers replaced by reset_optimizer
  std::vector<Mark> marks_;
  std::optional<std::pair<LossSettings, OptimizerSettings>> stepped_with_;  // the last step's
  bool playing_ = false;
  Document::Gesture run_ = 0;  // the gesture of the current run
  double owed_ = 0.0;          // fractional steps due
  long steps_ = 0;
  ThinnedHistory curve_;  // core/history_thinning.h: the same rule as the exports
  Trajectory trail_;      // the parameters along the curve
  std::string message_;
  bool diverged_ = false;

  // --- the worker ---
  Job<Chunk> job_;
  std::vector<Job<Chunk>> retired_;  // cancelled chunks, dropped once they end
  std::uint64_t job_revision_ = 0;   // the document revision the running chunk started from
  int queued_ = 0;                   // single steps waiting for the worker
  Scene work_;                       // the worker's scene between chunks (points kept)
  bool work_valid_ = false;
  std::uint64_t work_points_ = 0, work_replacements_ = 0;  // what work_'s points are
  std::optional<Evaluation> eval_;
  std::uint64_t eval_revision_ = 0;
};

}  // namespace ll::gui
