#include "core/race.h"

#include <cmath>
#include <cstdio>
#include <utility>

#include "core/losses.h"

namespace ll {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

const char* short_loss_name(LossKind k) {
  switch (k) {
    case LossKind::WestonWatkins:
      return "WW SVM";
    case LossKind::OneVsAll:
      return "OvA SVM";
    case LossKind::Structured:
      return "Structured SVM";
    case LossKind::Softmax:
      return "Softmax";
    case LossKind::Sigmoid:
      return "Sigmoid";
    case LossKind::Focal:
      return "Focal";
  }
  return "?";
}

// The colour slot a run would like: its optimizer in an optimizer race, its loss in a loss race.
int preferred_slot(const RaceRunSettings& s, bool loss_race) {
  return loss_race ? static_cast<int>(s.loss.kind) : static_cast<int>(s.optimizer.kind);
}

}  // namespace

const char* to_string(RunStatus s) {
  switch (s) {
    case RunStatus::Running:
      return "running";
    case RunStatus::Diverged:
      return "diverged";
    case RunStatus::NoData:
      return "no data";
    case RunStatus::Refused:
      return "refused";
  }
  return "?";
}

std::string run_name(const RaceRunSettings& s, bool with_loss, bool optimizer_too) {
  std::string loss = short_loss_name(s.loss.kind);
  if (is_hinge(s.loss.kind) && s.loss.squared) loss = "Squared " + loss;
  if (!optimizer_too) return loss;
  const OptimizerSettings& o = s.optimizer;
  std::string name;
  switch (o.kind) {
    case OptimizerKind::GD:
      name = "GD";
      break;
    case OptimizerKind::SGD:
      name = "SGD";
      break;
    case OptimizerKind::Momentum:
      name = "Momentum " + number(o.momentum);
      break;
    case OptimizerKind::Adam:
      name = "Adam";
      break;
  }
  name += " lr " + number(o.lr);
  if (o.kind != OptimizerKind::GD) name += " batch " + std::to_string(o.batch);
  return with_loss ? loss + " \u00b7 " + name : name;
}

bool race_optimizer(const std::string& name, const RaceRunSettings& base, RaceRunSettings& out) {
  OptimizerKind k;
  if (!parse(name, k)) return false;
  out = base;
  out.optimizer.kind = k;
  return true;
}

bool race_loss(const std::string& name, const RaceRunSettings& base, RaceRunSettings& out) {
  LossKind k;
  if (!parse(name, k)) return false;
  out = base;
  out.loss.kind = k;
  return true;
}

Race::Race(Scene start) : start_(std::move(start)) {}

void Race::set_start(Scene start) {
  start_ = std::move(start);
  for (RaceRun& r : runs_) {
    // Class weights are one per class: a start with another class count drops them.
    if (!r.settings.loss.class_weights.empty() &&
        static_cast<int>(r.settings.loss.class_weights.size()) != start_.classes())
      r.settings.loss.class_weights.clear();
  }
  reset();
  name_runs();
}

bool Race::add_run(const RaceRunSettings& s) {
  if (size() >= kMaxRaceRuns) return false;
  RaceRun r;
  r.settings = s;
  restart(r);
  for (long i = 0; i < steps_; ++i) step_run(r);
  runs_.push_back(std::move(r));
  name_runs();
  return true;
}

void Race::remove_run(int i) {
  if (i < 0 || i >= size()) return;
  runs_.erase(runs_.begin() + i);
  name_runs();
}

void Race::set_run(int i, const RaceRunSettings& s) {
  if (i < 0 || i >= size()) return;
  RaceRun& r = runs_[static_cast<std::size_t>(i)];
  r.settings = s;
  restart(r);
  for (long k = 0; k < steps_; ++k) step_run(r);
  name_runs();
}

void Race::restart(RaceRun& r) const {
  r.scene = start_;
  r.scene.loss = r.settings.loss;
  r.scene.optimizer = r.settings.optimizer;
  r.optimizer = Optimizer(r.settings.optimizer);
  r.steps = 0;
  r.trajectory.assign(1, r.scene.params);
  r.history.clear();
  r.message = multi_label_conflict(r.scene.points, r.scene.loss.kind);
  if (!r.message.empty()) {  // no loss to record: the history stays empty
    r.status = RunStatus::Refused;
    return;
  }
  r.history.push_back(record(r.scene));
  r.status = r.scene.points.empty() ? RunStatus::NoData : RunStatus::Running;
  // A start whose loss is already non-finite cannot be trained (train reports it diverged).
  if (r.status == RunStatus::Running && !std::isfinite(r.history.back().total_loss))
    r.status = RunStatus::Diverged;
}

// One update with train's rules: a step that diverges (or shows that the step before it
// exploded the loss) stops the run at its last finite state; the full-data record after the
// step judges it as train's final record does.
void Race::step_run(RaceRun& r) const {
  if (r.status != RunStatus::Running) return;
  const StepStatus st = r.optimizer.step(r.scene);
  if (st == StepStatus::NoData) {
    r.status = RunStatus::NoData;
    return;
  }
  if (st == StepStatus::Diverged) {
    if (r.optimizer.undid_previous() && r.steps > 0) {
      --r.steps;
      r.history.pop_back();
      r.trajectory.pop_back();
    }
    r.status = RunStatus::Diverged;
    return;
  }
  const LossRecord rec = record(r.scene);
  if (r.optimizer.undo_if_exploded(r.scene, rec.total_loss)) {
    r.status = RunStatus::Diverged;
    return;
  }
  ++r.steps;
  r.history.push_back(rec);
  r.trajectory.push_back(r.scene.params);
  if (!std::isfinite(rec.total_loss)) r.status = RunStatus::Diverged;
}

bool Race::finished() const {
  if (steps_ >= kMaxRaceSteps) return true;
  for (const RaceRun& r : runs_)
    if (r.status == RunStatus::Running) return false;
  return true;
}

bool Race::step() {
  if (finished()) return false;
  for (RaceRun& r : runs_) step_run(r);
  ++steps_;
  return true;
}

long Race::advance(long n) {
  long done = 0;
  while (done < n && step()) ++done;
  return done;
}

void Race::reset() {
  steps_ = 0;
  for (RaceRun& r : runs_) restart(r);
}

void Race::name_runs() {
  // Names say what differs: the loss only when runs differ in it, the optimizer unless every
  // run has the same one.
  bool loss_differs = false, optimizer_differs = false;
  for (const RaceRun& r : runs_) {
    loss_differs = loss_differs || !(r.settings.loss == runs_.front().settings.loss);
    optimizer_differs =
        optimizer_differs || !(r.settings.optimizer == runs_.front().settings.optimizer);
  }
  bool taken[kMaxRaceRuns] = {};
  for (RaceRun& r : runs_) {
    r.name = run_name(r.settings, loss_differs, optimizer_differs || !loss_differs);
    int slot = preferred_slot(r.settings, loss_differs && !optimizer_differs) % kMaxRaceRuns;
    while (taken[slot]) slot = (slot + 1) % kMaxRaceRuns;
    taken[slot] = true;
    r.color = slot;
  }
}

}  // namespace ll
