#include "app/classifier/model/training.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <utility>

namespace ll::gui {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

LossRecord summary(const Evaluation& e) {
  return {e.data_loss, e.reg_loss, e.total_loss, e.accuracy};
}

// The worker: up to c.wanted steps within c.seconds, the same bookkeeping as Trainer::step, and
// one evaluation of where it ended. A step's full-data record is taken before the next step,
// the last one from the final evaluation (no extra pass).
Trainer::Chunk run_chunk(Trainer::Chunk c, const JobControl& control) {
  // Drawing first: on a machine with few cores (or a software GL rasteriser) the frame gets the
  // CPU before this thread. Linux nice values are per thread; failing to lower it is harmless.
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 4);
  const auto t0 = Clock::now();
  if (c.initial) c.records.push_back({c.steps, record(c.scene)});
  bool owe_record = false;  // records.back() still needs its values
  for (int i = 0; i < c.wanted; ++i) {
    if (i > 0 && seconds_since(t0) > c.seconds) break;
    control.check();
    if (owe_record) {
      c.records.back().record = record(c.scene);
      owe_record = false;
    }
    c.status = c.optimizer.step(c.scene);
    if (c.status == StepStatus::Ok) {
      c.records.push_back({++c.steps, {}});
      owe_record = true;
      continue;
    }
    if (c.status == StepStatus::Diverged && c.optimizer.undid_previous()) {
      // This step's pass showed that the previous step exploded the loss; core undid it.
      --c.steps;
      if (!c.records.empty() && c.records.back().step > c.steps)
        c.records.pop_back();
      else
        c.undid_applied = true;
    }
    break;
  }
  control.check();
  c.eval = evaluate(c.scene.points, c.scene.params, c.scene.loss);
  if (owe_record) c.records.back().record = summary(*c.eval);
  if (c.undid_applied && (c.records.empty() || c.records.back().step < c.steps))
    c.records.push_back({c.steps, summary(*c.eval)});
  return c;
}

}  // namespace

Trainer::~Trainer() {
  job_.cancel();
  for (Job<Chunk>& j : retired_) j.cancel();
  job_.wait();
  for (Job<Chunk>& j : retired_) j.wait();
}

void Trainer::add_record(const Scene& scene) {
  curve_.add(steps_, record(scene));
  trail_.add(steps_, scene.params);
}

namespace {

std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

// What changed between two steps' settings, for the plot's marks ("" when nothing did).
std::string settings_change(const LossSettings& a, const OptimizerSettings& oa,
                            const LossSettings& b, const OptimizerSettings& ob) {
  std::vector<std::string> parts;
  const auto num = [&](const char* name, double x, double y) {
    if (x != y)
      parts.push_back(std::string(name) + " " + short_number(x) + " → " + short_number(y));
  };
  if (a.kind != b.kind) parts.emplace_back(display_name(b.kind));
  if (a.squared != b.squared) parts.emplace_back(b.squared ? "squared hinge" : "hinge");
  num("Δ", a.delta, b.delta);
  if (a.reg != b.reg) parts.emplace_back(display_name(b.reg));
  num("λ", a.lambda, b.lambda);
  num("β", a.elastic_beta, b.elastic_beta);
  num("γ", a.gamma, b.gamma);
  num("α", a.alpha, b.alpha);
  if (a.class_weights != b.class_weights) parts.emplace_back("class weights");
  if (oa.kind != ob.kind) parts.emplace_back(display_name(ob.kind));
  num("η", oa.lr, ob.lr);
  if (oa.batch != ob.batch) parts.push_back("batch " + std::to_string(ob.batch));
  num("μ", oa.momentum, ob.momentum);
  if (oa.beta1 != ob.beta1 || oa.beta2 != ob.beta2 || oa.epsilon != ob.epsilon)
    parts.emplace_back("Adam β");
  num("max-norm", oa.max_norm, ob.max_norm);
  if (oa.seed != ob.seed) parts.emplace_back("seed");
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

void Trainer::note_settings(const Scene& scene) {
  if (stepped_with_ && steps_ > 0) {
    std::string what =
        settings_change(stepped_with_->first, stepped_with_->second, scene.loss, scene.optimizer);
    if (!what.empty()) {
      if (!marks_.empty() && marks_.back().step == steps_)
        marks_.back().text = std::move(what);  // changed again before the next step: one mark
      else
        marks_.push_back({steps_, std::move(what)});
    }
  }
  stepped_with_.emplace(scene.loss, scene.optimizer);
}

void Trainer::stop_with(StepStatus st, double lr, Document& doc) {
  if (st == StepStatus::Diverged) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "Training stopped at step %ld: the next step diverged (step size %.4g is too "
                  "large for this scene). The parameters are step %ld's; try a smaller step "
                  "size.",
                  steps_, lr, steps_);
    message_ = buf;
    diverged_ = true;
  } else {
    message_ = "No points to fit: add points (click on the canvas) or load a preset.";
  }
  queued_ = 0;
  if (playing_) pause(doc);
}

StepStatus Trainer::step(Document& doc) {
  const Scene& scene = doc.scene();
  if (curve_.points().empty()) add_record(scene);
  note_settings(scene);
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
    trail_.drop_after(steps_);
    while (!marks_.empty() && marks_.back().step > steps_) marks_.pop_back();
    if (curve_.points().empty() || curve_.points().back().step < steps_) add_record(scene);
  }
  stop_with(st, scene.optimizer.lr, doc);
  return st;
}

void Trainer::request_step(Document& doc) {
  if (!uses_worker(doc.scene())) {
    step(doc);
    return;
  }
  if (playing_) return;  // the run is stepping already
  queued_ = std::min(queued_ + 1, 1000);
  if (!job_.active()) launch(doc, std::exchange(queued_, 0));
}

void Trainer::launch(Document& doc, int wanted) {
  const Scene& s = doc.scene();
  if (work_valid_ && work_points_ == doc.points_revision() &&
      work_replacements_ == doc.replacements()) {
    work_.params = s.params;  // the points are the worker's already: copy only the small part
    work_.loss = s.loss;
    work_.optimizer = s.optimizer;
  } else {
    work_ = s;  // one copy of the points per change of them
  }
  work_valid_ = false;  // work_ moves into the chunk
  work_points_ = doc.points_revision();
  work_replacements_ = doc.replacements();
  note_settings(s);
  optimizer_.set_settings(s.optimizer);
  Chunk c;
  c.scene = std::move(work_);
  c.optimizer = optimizer_;
  c.steps = steps_;
  c.wanted = std::max(1, wanted);
  c.initial = curve_.points().empty();
  job_revision_ = doc.revision();
  job_ = Job<Chunk>::start("Training", [c = std::move(c)](JobControl& control) mutable {
    return run_chunk(std::move(c), control);
  });
}

int Trainer::apply(Document& doc, Chunk c) {
  if (doc.revision() != job_revision_ || doc.points_revision() != work_points_ ||
      doc.replacements() != work_replacements_) {
    // Edited while the chunk ran: its steps started from a scene that is gone. Keep the points
    // if they are still the document's; the next chunk starts from the edit.
    if (doc.points_revision() == work_points_ && doc.replacements() == work_replacements_) {
      work_ = std::move(c.scene);
      work_valid_ = true;
    }
    return 0;
  }
  const int taken = static_cast<int>(c.steps - steps_);
  if (c.undid_applied) {
    curve_.drop_after(c.steps);
    trail_.drop_after(c.steps);
    while (!marks_.empty() && marks_.back().step > c.steps) marks_.pop_back();
  }
  for (const StepRecord& r : c.records) curve_.add(r.step, r.record);
  trail_.add(c.steps, c.scene.params);
  steps_ = c.steps;
  optimizer_ = std::move(c.optimizer);
  const Document::Gesture outer = doc.gesture();
  if (!playing_) doc.seal();
  doc.set_gesture(playing_ ? run_ : doc.new_gesture());
  const Params& p = c.scene.params;
  doc.update_params([&](Scene& s) {
    s.params = p;
    return 0;
  });
  doc.set_gesture(outer);
  if (!playing_) doc.seal();
  eval_ = std::move(c.eval);
  eval_revision_ = doc.revision();
  work_ = std::move(c.scene);
  work_valid_ = true;
  if (c.status == StepStatus::Ok) {
    if (taken > 0) diverged_ = false;
  } else {
    stop_with(c.status, doc.scene().optimizer.lr, doc);
  }
  return std::max(taken, 0);
}

void Trainer::retire() {
  if (!job_.active()) return;
  job_.cancel();
  retired_.push_back(std::move(job_));
  job_ = {};
}

std::optional<Evaluation> Trainer::take_evaluation(std::uint64_t revision) {
  if (!eval_ || eval_revision_ != revision) return std::nullopt;
  std::optional<Evaluation> e = std::move(eval_);
  eval_.reset();
  return e;
}

int Trainer::advance(Document& doc, double dt, double budget_s) {
  std::erase_if(retired_, [](const Job<Chunk>& j) { return j.ready(); });
  int n = 0;
  if (job_.active() && job_.ready()) {
    try {
      n = apply(doc, job_.take());
    } catch (const JobCancelled&) {
    } catch (const std::exception& e) {
      message_ = std::string("Training stopped: ") + e.what();
      queued_ = 0;
      if (playing_) pause(doc);
    }
  }
  const bool worker = uses_worker(doc.scene());
  if (playing_) owed_ += std::clamp(dt, 0.0, 0.25) * std::clamp(rate, kMinRate, kMaxRate);
  if (worker) {
    if (job_.active()) return n;
    if (playing_ && owed_ >= 1.0) {
      // At most a chunk's worth: when the worker is slower than the rate, the backlog is
      // dropped rather than lagged behind.
      const double most = std::max(1.0, std::clamp(rate, kMinRate, kMaxRate) * kChunkSeconds);
      launch(doc, static_cast<int>(std::min(owed_, most)));
      owed_ = 0.0;
    } else if (!playing_ && queued_ > 0) {
      launch(doc, std::exchange(queued_, 0));
    }
    return n;
  }
  queued_ = 0;
  if (!playing_) return n;
  const auto t0 = Clock::now();
  while (owed_ >= 1.0 && playing_) {
    owed_ -= 1.0;
    if (step(doc) != StepStatus::Ok) break;
    ++n;
    if (seconds_since(t0) > budget_s) {  // too slow for this rate: drop the backlog
      owed_ = std::min(owed_, 1.0);
      break;
    }
  }
  return n;
}

void Trainer::play(Document& doc) {
  if (playing_) return;
  retire();  // queued single steps give way to the run
  queued_ = 0;
  playing_ = true;
  doc.seal();  // the run starts an undo entry of its own
  run_ = doc.new_gesture();
  owed_ = 0.0;
  message_.clear();
}

void Trainer::pause(Document& doc) {
  playing_ = false;
  retire();  // what the worker has not delivered yet is not shown, so it is not applied
  doc.seal();
}

void Trainer::toggle(Document& doc) {
  if (playing_)
    pause(doc);
  else
    play(doc);
}

void Trainer::restart(const Scene& scene) {
  retire();
  queued_ = 0;
  optimizer_ = Optimizer(scene.optimizer);
  epoch_base_ = 0;
  marks_.clear();
  stepped_with_.reset();
  steps_ = 0;
  curve_.clear();
  trail_.clear();
  owed_ = 0.0;
  diverged_ = false;
  eval_.reset();
}

void Trainer::reset_optimizer(const Scene& scene) {
  retire();
  queued_ = 0;
  epoch_base_ += optimizer_.epochs();
  optimizer_ = Optimizer(scene.optimizer);
}

}  // namespace ll::gui
