#pragma once
// The race view's engine, ImGui- and GL-free: owns the Race (core/race.h) and its transport,
// and advances it without blocking frames. Small races step on the UI thread within a time
// budget per frame; from kWorkerWork points x runs on, the lock steps run on a worker (a Job
// that owns the race while it steps, checks Cancel between lock steps and ends after
// kChunkSeconds), and the frame shows the last snapshot meanwhile. Edits of a large race (add,
// remove or change a run, which catch up to the race's step, reset, a new start) run on the
// worker too, before its steps; edits made while the worker holds the race are queued and run,
// in order, in the next chunk.
#include <cstdint>
#include <functional>
#include <vector>

#include "app/figure/race_figure.h"
#include "core/job.h"
#include "core/race.h"

namespace ll::race {

class RaceDriver {
 public:
  // From this many points x runs on, edits and lock steps run on the worker.
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

  // Changes the race: now on this thread for a small race, else on the worker in the next tick.
  // `heavy`: this edit makes the race large (a new start with many points): the worker runs it.
  void edit(std::function<void(Race&)> change, bool heavy = false);

  // Once a frame: adopts a finished chunk, then runs queued edits and the transport's due lock
  // steps (on this thread within budget_s, or on the worker). Returns true when the snapshot
  // changed.
  bool tick(double budget_s);

  // True while the worker holds the race, or edits wait for it.
  bool busy() const { return job_.active() || !queued_.empty(); }
  bool uses_worker() const;
  // The last snapshot of the race (what the window draws), and a serial that moves with it.
  const figure::RaceFigureData& shown() const { return shown_; }
  // The race's figure data with up to `max_points` points; the snapshot while busy.
  figure::RaceFigureData figure_data(std::size_t max_points) const;
  std::uint64_t serial() const { return serial_; }
  // The runs' settings as of the last snapshot (the controls show these while busy too).
  const std::vector<RaceRunSettings>& settings() const { return settings_; }
  bool finished() const { return finished_; }
  // The landscape the runs' paths are drawn over (none: an empty RaceLandscape): kept in every
  // snapshot and figure_data until replaced.
  void set_landscape(figure::RaceLandscape landscape);
  const figure::RaceLandscape& landscape() const { return landscape_; }

 private:
  void refresh();

  Race held_;  // the race; moved to the worker while a chunk runs
  Job<Race> job_;
  std::vector<std::function<void(Race&)>> queued_;
  figure::RaceFigureData shown_;
  std::vector<RaceRunSettings> settings_;
  figure::RaceLandscape landscape_;
  std::size_t start_points_ = 0;
  bool finished_ = true;
  std::uint64_t serial_ = 0;
};

}  // namespace ll::race
