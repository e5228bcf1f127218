#pragma once
// A training run as frames: core's train() runs `steps` updates on a copy of the scene with one
// optimizer (momentum, Adam moments and the minibatch order carry on from frame to frame),
// keeping the parameters every `every` steps; frame i is the figure (canvas or loss plot)
// drawn by app/export's cairo renderer at step min(i * every, steps), exactly what
// `losslab render --steps S` draws at that step and size. Frame 0 is the scene before
// training, the last frame the scene after the last step. A run that diverges holds its last
// finite state for the remaining frames.
#include <vector>

#include "app/export/export.h"
#include "app/video/frame_source.h"
#include "core/optimizer.h"

namespace ll::video {

struct TrainingRun {
  std::vector<long> frame_steps;  // the step each frame shows
  std::vector<Params> params;     // the parameters at each frame
  // Full-data records at history_steps (train's record_every: every step up to 10,000 points).
  std::vector<LossRecord> history;
  std::vector<long> history_steps;
  StepStatus status = StepStatus::Ok;
  long steps_done = 0;  // fewer than asked when training diverged
};

// Frames of a run of `steps` updates, `every` steps apart: ceil(steps / every) + 1.
long frame_count(long steps, long every);

// Trains a copy of `scene`. With a control: Cancel stops it (JobCancelled) and progress goes
// from 0 to `progress_share`.
TrainingRun run_training(const Scene& scene, long steps, long every, JobControl* control = nullptr,
                         double progress_share = 0.0);

class TrainingFrames : public FrameSource {
 public:
  // `base`: the figure's options (view Canvas or LossPlot, shading, world rectangle, theme,
  // palette, legend, axes); width, height and Style scale are set per frame from its size as
  // `losslab render` sets them (render_scale), and the background is always opaque.
  TrainingFrames(Scene scene, TrainingRun run, exporter::FigureOptions base);

  int frame_count() const override { return static_cast<int>(run_.frame_steps.size()); }
  void render(int index, int width, int height, std::span<std::uint8_t> rgba,
              JobControl* control) override;

  const TrainingRun& run() const { return run_; }
  // The figure of frame `index` at width x height (the scene at that step, its history).
  exporter::FigureOptions options(int width, int height) const;
  void set_frame(int index);  // data() shows frame `index`
  const exporter::FigureData& data() const { return data_; }

 private:
  TrainingRun run_;
  exporter::FigureOptions base_;
  exporter::FigureData data_;  // one scene, its parameters set per frame
};

}  // namespace ll::video
