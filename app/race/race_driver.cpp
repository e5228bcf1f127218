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

// Up to `due` lock steps, ending early after `seconds` or on `stop`.
template <class Stop>
void run_steps(Race& r, long due, double seconds, Stop stop) {
  const auto t0 = Clock::now();
  for (long i = 0; i < due && !stop(); ++i) {
    if (!r.step()) break;
    if (seconds_since(t0) > seconds) break;
  }
}

}  // namespace

RaceDriver::RaceDriver() { refresh(); }

RaceDriver::~RaceDriver() {
  job_.cancel();
  job_.wait();
}

bool RaceDriver::uses_worker() const {
  return start_points_ * std::max<std::size_t>(1, settings_.size()) >= kWorkerWork;
}

void RaceDriver::edit(std::function<void(Race&)> change, bool heavy) {
  if (job_.active() || !queued_.empty() || heavy || uses_worker()) {
    queued_.push_back(std::move(change));
    job_.cancel();  // hand the race back soon
    return;
  }
  change(held_);
  refresh();
}

bool RaceDriver::tick(double budget_s) {
  const std::uint64_t serial_before = serial_;
  if (job_.ready()) {
    try {
      held_ = job_.take();
    } catch (const std::exception&) {  // out of memory: an empty race
      held_ = Race();
    }
    refresh();
  }
  if (job_.active()) {
    transport.take_due();  // the worker is behind: drop this tick's steps
    return serial_ != serial_before;
  }
  long due = transport.take_due();
  if (due > 0 && finished_ && queued_.empty()) {
    transport.pause();
    due = 0;
  }
  if (due == 0 && queued_.empty()) return serial_ != serial_before;
  if (!queued_.empty() || uses_worker()) {
    // The worker owns the race while it edits and steps (no copy of the histories); the UI
    // keeps the snapshot and the settings.
    job_ = Job<Race>::start(
        "Race", [r = std::move(held_), edits = std::move(queued_), due](JobControl& c) mutable {
          // Drawing first (as the classifier's training worker): nice +4 for this thread.
          (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 4);
          for (auto& change : edits) change(r);
          run_steps(r, due, kChunkSeconds, [&c] { return c.cancelled(); });
          return std::move(r);
        });
    queued_.clear();
  } else {
    run_steps(held_, due, budget_s, [] { return false; });
    refresh();
  }
  return serial_ != serial_before;
}

figure::RaceFigureData RaceDriver::figure_data(std::size_t max_points) const {
  if (job_.active()) return shown_;
  figure::RaceFigureData d = figure::race_figure_data(held_, max_points, kCurveSamples);
  d.landscape = landscape_;
  return d;
}

void RaceDriver::set_landscape(figure::RaceLandscape landscape) {
  landscape_ = std::move(landscape);
  shown_.landscape = landscape_;
  ++serial_;
}

void RaceDriver::refresh() {
  shown_ = figure::race_figure_data(held_, kShownPoints, kCurveSamples);
  shown_.landscape = landscape_;
  settings_.clear();
  for (const RaceRun& r : held_.runs()) settings_.push_back(r.settings);
  start_points_ = held_.start().points.size();
  finished_ = held_.finished();
  ++serial_;
}

}  // namespace ll::race
