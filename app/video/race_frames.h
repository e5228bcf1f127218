#pragma once
// A race (core/race.h) as frames: the runs advanced once, in lock step, to the last frame's
// step (every run keeps each step's parameters and record); frame i is the race figure
// (app/figure/race_figure.h: one small canvas per run and the loss plot of every run) as it
// stood at step min(i * every, steps), drawn by app/export's draw_race: exactly what
// `losslab race SCENE --steps S --out x.png` draws at that size. With a landscape (computed once
// through the start), every run's path grows over it frame by frame.
#include "app/export/race_export.h"
#include "app/video/frame_source.h"
#include "core/job.h"
#include "core/race.h"

namespace ll::video {

// Advances `race` to `steps` lock steps in chunks, so a control's Cancel is heard (JobCancelled)
// and its progress goes from 0 to `progress_share`; stops early when every run has stopped.
void advance_race(Race& race, long steps, JobControl* control, double progress_share);

class RaceFrames : public FrameSource {
 public:
  // `race`: its runs added, at step 0 or already advanced; it is advanced here to `steps` lock
  // steps (at most kMaxRaceSteps: std::invalid_argument beyond). `base`: theme and palette
  // (size and scale are set per frame as `losslab race` sets them).
  RaceFrames(Race race, long steps, long every, exporter::FigureOptions base,
             figure::RaceLandscape landscape = {});

  int frame_count() const override { return static_cast<int>(frame_steps_.size()); }
  void render(int index, int width, int height, std::span<std::uint8_t> rgba,
              JobControl* control) override;

  const Race& race() const { return race_; }
  long frame_step(int index) const { return frame_steps_.at(static_cast<std::size_t>(index)); }
  figure::RaceFigureData data(int index) const;

 private:
  Race race_;
  std::vector<long> frame_steps_;
  exporter::FigureOptions base_;
  figure::RaceLandscape landscape_;
};

}  // namespace ll::video
