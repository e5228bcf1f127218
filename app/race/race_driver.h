#pragma once
// The race view's engine, ImGui- and GL-free: owns the Race (core/race.h) and its transport,
// and advances it without blocking frames. Small races step on the UI thread within a time
// budget per frame; from kWorkerWork points x runs on, the lock steps run on a worker (a Job
// that owns the race while it steps, checks Cancel between lock steps and ends after
// kChunkSeconds), and the frame shows the last snapshot meanwhile. Edits (add, remove or change
// a run, reset, a new start) made while the worker holds the race are queued, the chunk is
// cancelled, and they apply, in order, the frame it returns.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "app/figure/race_figure.h"
#include "core/job.h"
#include "core/race.h"

namespace ll::race {

class RaceDriver {
 public:
  // From this many points x runs on, lock steps run on the worker.
  static constexpr std::size_t kWorkerWork = 40000;
  static constexpr double kChunkSeconds = 0.1;
  // Points and curve samples of the window's small canvases and plot (race_figure_data).
  static constexpr std::size_t kShownPoints = 600;
  static constexpr std::size_t kCurveSamples = 1500;

  RaceDriver();
  ~RaceDriver();  // cancels a running chunk and waits for it (one lock step at most)
  RaceDriver(const RaceDriver&) = delete;
  RaceDriver& operator=(const RaceDriver&) = delete;

  RaceTransport transport;

  // Changes the race now, or queued until the worker hands it back.
  void edit(std::function<void(Race&)> change);

  // Once a frame: adopts a finished chunk, applies queued edits, then takes the transport's
  // due lock steps (on this thread within budget_s, or on the worker). Returns true when the
  // snapshot changed.
  bool tick(double budget_s);

  // True while the worker holds the race.
  bool busy() const { return job_.active(); }
  bool uses_worker() const;
  // The last snapshot of the race (what the window draws), and a serial that moves with it.
  const figure::RaceFigureData& shown() const { return shown_; }
  // The race's figure data with up to `max_points` points; the snapshot while busy.
  figure::RaceFigureData figure_data(std::size_t max_points) const;
  std::uint64_t serial() const { return serial_; }
  // The runs' settings and the start as of the last snapshot (the controls show these; valid
  // while the worker holds the race).
  const std::vector<RaceRunSettings>& settings() const { return settings_; }
  const Scene& start() const { return start_; }
  bool finished() const { return finished_; }

 private:
  void refresh();

  Race held_;  // the race; moved to the worker while a chunk runs
  Job<Race> job_;
  std::vector<std::function<void(Race&)>> queued_;
  figure::RaceFigureData shown_;
  std::vector<RaceRunSettings> settings_;
  Scene start_;
  bool finished_ = true;
  bool start_dirty_ = true;
  std::uint64_t serial_ = 0;
};

}  // namespace ll::race
