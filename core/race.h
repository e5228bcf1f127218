#pragma once
// A race: one scene and one start (W, b) trained at once by several runs, each with its own
// optimizer settings (GD, SGD, momentum, Adam and their lr, batch, ...) or its own loss settings
// (hinge vs softmax, ...), advanced in lock step: after every Race::step each live run has
// taken exactly one more update. Each run steps with core/optimizer.h's Optimizer, the update
// `train` applies, and judges divergence as `train` does, so a run's parameters after n steps
// equal those of train(n) on the start scene with the run's settings (with the default options:
// one full-data record per step, which a run keeps as its loss history). Deterministic per seed
// (OptimizerSettings::seed). Pure C++: the window, the exporter and the CLI all describe the
// same race, and any later view (trajectories in a landscape, an animation) reads the same runs.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/optimizer.h"
#include "core/scene.h"

namespace ll {

// A race is shown with at most this many runs (small canvases side by side, one loss plot).
inline constexpr int kMaxRaceRuns = 8;
// Steps a race keeps (a record and the parameters per step per run); the transport stops here.
inline constexpr long kMaxRaceSteps = 100'000;

// What a run changes of the start scene: its optimizer and its loss (regularization included).
struct RaceRunSettings {
  OptimizerSettings optimizer;
  LossSettings loss;
  bool operator==(const RaceRunSettings&) const = default;
};

enum class RunStatus {
  Running,   // took every lock step so far
  Diverged,  // stopped at its last finite state (see StepStatus::Diverged)
  NoData,    // the scene has no points
  Refused,   // the loss does not accept the points (multi-label points need sigmoid)
};
const char* to_string(RunStatus s);  // "running", "diverged", "no data", "refused"

struct RaceRun {
  RaceRunSettings settings;
  std::string name;  // from the settings, e.g. "Adam lr 0.1" (see run_name)
  int color = 0;     // colour slot in [0, kMaxRaceRuns): one per run, from the settings
  Scene scene;       // the start scene with the run's settings, at the run's current parameters
  Optimizer optimizer;
  RunStatus status = RunStatus::Running;
  std::string message;              // why a Refused run cannot start (one line)
  long steps = 0;                   // updates taken (== Race::steps() while Running)
  std::vector<LossRecord> history;  // full-data record after 0, 1, ..., steps updates
                                    // (empty for a Refused run)
  std::vector<Params> trajectory;   // the parameters after 0, 1, ..., steps updates
};

// The name of a run: the optimizer's display name with what sets it apart ("GD lr 0.1",
// "SGD lr 0.1 batch 4", "Momentum 0.9 lr 0.1", "Adam lr 0.01"), preceded by the loss's short
// name when `with_loss` ("Softmax · GD lr 0.1"); a loss race with one optimizer names the loss
// only (`optimizer_too` false).
std::string run_name(const RaceRunSettings& s, bool with_loss, bool optimizer_too = true);

// The settings of one optimizer or loss by its short name ("gd", "sgd", "momentum", "adam";
// "ww", "softmax", ...), starting from `base`; false for an unknown name.
bool race_optimizer(const std::string& name, const RaceRunSettings& base, RaceRunSettings& out);
bool race_loss(const std::string& name, const RaceRunSettings& base, RaceRunSettings& out);

class Race {
 public:
  Race() = default;
  // The race's start: points, W and b (and the loss and optimizer a new run begins from).
  explicit Race(Scene start);

  const Scene& start() const { return start_; }
  // Replaces the start (the points or the start parameters changed): every run restarts.
  void set_start(Scene start);

  // Adds a run (at most kMaxRaceRuns: false when full). A run added to a race under way starts
  // at the start and is stepped up to steps() at once, so the race stays in lock step.
  bool add_run(const RaceRunSettings& s);
  void remove_run(int i);
  // New settings for run i: it restarts from the start and is brought up to steps().
  void set_run(int i, const RaceRunSettings& s);

  // One lock step: every running run takes one update. Returns false when no run could
  // (all stopped, or kMaxRaceSteps reached).
  bool step();
  // Up to n lock steps (stops early like step()); returns how many were taken.
  long advance(long n);
  // Back to the start: every run at step 0, histories cleared, optimizers re-seeded.
  void reset();

  long steps() const { return steps_; }
  bool finished() const;  // no run can take another step
  const std::vector<RaceRun>& runs() const { return runs_; }
  int size() const { return static_cast<int>(runs_.size()); }

 private:
  void restart(RaceRun& r) const;
  void step_run(RaceRun& r) const;
  void name_runs();

  Scene start_;
  std::vector<RaceRun> runs_;
  long steps_ = 0;
};

// The lock-step transport of a race view: Play/Pause, Step and Reset drive every run at once;
// `steps_per_tick` lock steps each frame (tick) while playing.
struct RaceTransport {
  bool playing = false;
  int steps_per_tick = 1;
  long pending = 0;  // single steps asked for (Step) and not yet taken

  void play() { playing = true; }
  void pause() { playing = false; }
  void toggle() { playing = !playing; }
  void request_step() {
    playing = false;
    ++pending;
  }
  // The lock steps due this tick (and clears the requests).
  long take_due() {
    const long n = pending + (playing ? std::max(1, steps_per_tick) : 0);
    pending = 0;
    return n;
  }
};

}  // namespace ll
