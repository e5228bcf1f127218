#pragma once
// A training run over the loss landscape as frames: one map (core/landscape.h), computed once
// before the first frame, through the run's START parameters, and on it the optimizer's path
// growing frame by frame up to the frame's step, with the frame's parameters marked. Frame 0 is
// exactly `losslab landscape SCENE --out x.png` at that size (the map is the one the window
// shows before Play); later frames keep the map and move the path. The map is computed by the
// caller (a background job with progress and Cancel in the window), never per frame: a frame
// only projects the path and draws (app/figure's landscape description, app/export's cairo
// drawing through render_drawing_image).
#include <string>
#include <vector>

#include "app/figure/landscape_figure.h"
#include "app/video/frame_source.h"
#include "app/video/training_frames.h"
#include "core/landscape.h"

namespace ll::video {

// The Style scale `losslab landscape` draws a figure of this size with.
float landscape_scale(double width, double height);

// The names and title `losslab landscape` gives the figure of this slice and scene.
struct LandscapeText {
  std::string title, x_name, y_name;
};
LandscapeText landscape_text(const Scene& scene, const LandscapeSlice& slice);

class LandscapeFrames : public FrameSource {
 public:
  // `run`: from run_training(..., keep_path = true) on the scene whose map `grid` is (complete,
  // through the run's start). `style`: theme and palette (its scale is set per frame size).
  LandscapeFrames(TrainingRun run, LandscapeGrid grid, LandscapeText text, Style style);

  int frame_count() const override { return static_cast<int>(run_.frame_steps.size()); }
  void render(int index, int width, int height, std::span<std::uint8_t> rgba,
              JobControl* control) override;

  const TrainingRun& run() const { return run_; }
  const LandscapeGrid& grid() const { return grid_; }
  // The figure of frame `index` at width x height.
  figure::LandscapeFigure figure(int index, int width, int height);
  // The path frame `index` draws (oldest first, ending at the frame's parameters).
  const std::vector<TrajectoryPoint>& path(int index);

 private:
  TrainingRun run_;
  LandscapeGrid grid_;
  LandscapeText text_;
  Style style_;
  std::vector<TrajectoryPoint> shown_;  // the path of the last frame asked for
};

}  // namespace ll::video
