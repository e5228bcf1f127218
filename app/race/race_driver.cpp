#include "app/race/race_driver.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <utility>

namespace ll::race {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

RaceDriver::RaceDriver() { refresh(); }

RaceDriver::~RaceDriver() {
  job_.cancel();
  job_.wait();
}

bool RaceDriver::uses_worker() const {
  return start_.points.size() * std::max<std::size_t>(1, settings_.size()) >= kWorkerWork;
}

void RaceDriver::edit(std::function<void(Race&)> change) {
  if (busy()) {
    queued_.push_back(std::move(change));
    job_.cancel();  // hand the race back soon
    return;
  }
  change(held_);
  start_dirty_ = true;
  refresh();
}

bool RaceDriver::tick(double budget_s) {
  const std::uint64_t serial_before = serial_;
  bool changed = false;
  if (job_.ready()) {
    try {
      held_ = job_.take();
    } catch (const std::exception&) {  // out of memory: start over from the start
      held_ = Race(start_);
      for (const RaceRunSettings& s : settings_) held_.add_run(s);
    }
    changed = true;
  }
  if (busy()) {
    transport.take_due();  // the worker is behind: drop this tick's steps
    return serial_ != serial_before;
  }
  for (auto& change : queued_) change(held_);
  if (!queued_.empty()) changed = start_dirty_ = true;
  queued_.clear();
  const long due = transport.take_due();
  if (due > 0 && held_.finished()) transport.pause();
  if (due > 0 && !held_.finished()) {
    if (uses_worker()) {
      if (changed) refresh();  // the snapshot of the race handed back, before the next chunk
      changed = false;
      // The worker owns the race while it steps (no copy of the histories); the UI keeps the
      // snapshot and the settings.
      job_ = Job<Race>::start("Race", [r = std::move(held_), due](JobControl& c) mutable {
        // Drawing first (as the classifier's training worker): nice +4 for this thread.
        (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 4);
        const auto t0 = Clock::now();
        for (long i = 0; i < due && !c.cancelled(); ++i) {
          if (!r.step()) break;
          if (seconds_since(t0) > kChunkSeconds) break;
        }
        return std::move(r);
      });
    } else {
      const auto t0 = Clock::now();
      for (long i = 0; i < due; ++i) {
        if (!held_.step()) break;
        if (seconds_since(t0) > budget_s) break;
      }
      changed = true;
    }
  }
  if (changed) refresh();
  return serial_ != serial_before;
}

figure::RaceFigureData RaceDriver::figure_data(std::size_t max_points) const {
  if (busy()) return shown_;
  return figure::race_figure_data(held_, max_points, kCurveSamples);
}

void RaceDriver::refresh() {
  shown_ = figure::race_figure_data(held_, kShownPoints, kCurveSamples);
  settings_.clear();
  for (const RaceRun& r : held_.runs()) settings_.push_back(r.settings);
  if (start_dirty_) start_ = held_.start();  // only after edits: the points can be many
  start_dirty_ = false;
  finished_ = held_.finished();
  ++serial_;
}

}  // namespace ll::race
