#include "app/video/landscape_frames.h"

#include <algorithm>
#include <stdexcept>

#include "app/export/landscape_export.h"
#include "app/video/frame_pixels.h"
#include "core/losses.h"

namespace ll::video {

float landscape_scale(double width, double height) {
  return static_cast<float>(std::max(0.75, std::min(width, height) / 600.0));
}

LandscapeText landscape_text(const Scene& scene, const LandscapeSlice& slice) {
  return {std::string("Total loss (") + display_name(scene.loss.kind) + ")", axis_name(slice, 0),
          axis_name(slice, 1)};
}

LandscapeFrames::LandscapeFrames(TrainingRun run, LandscapeGrid grid, LandscapeText text,
                                 Style style)
    : run_(std::move(run)), grid_(std::move(grid)), text_(std::move(text)), style_(style) {
  if (!grid_.complete()) throw std::invalid_argument("landscape frames need a complete map");
  if (run_.path.empty()) throw std::invalid_argument("landscape frames need the run's path");
}

const std::vector<TrajectoryPoint>& LandscapeFrames::path(int index) {
  const auto i = static_cast<std::size_t>(index);
  const long step = std::min(run_.frame_steps.at(i), run_.steps_done);
  const auto end = std::upper_bound(run_.path.begin(), run_.path.end(), step,
                                    [](long s, const TrajectoryPoint& p) { return s < p.step; });
  shown_.assign(run_.path.begin(), end);
  if (shown_.empty() || shown_.back().step != step) shown_.push_back({step, run_.params[i]});
  return shown_;
}

figure::LandscapeFigure LandscapeFrames::figure(int index, int width, int height) {
  figure::LandscapeInput in;
  in.grid = &grid_;
  in.x_name = text_.x_name;
  in.y_name = text_.y_name;
  in.title = text_.title;
  in.style = style_;
  in.style.scale = landscape_scale(width, height);
  in.current = &run_.params.at(static_cast<std::size_t>(index));
  in.trajectory = &path(index);
  return figure::describe_landscape(in);
}

void LandscapeFrames::render(int index, int width, int height, std::span<std::uint8_t> rgba,
                             JobControl* control) {
  if (control) control->check();
  const figure::LandscapeFigure f = figure(index, width, height);
  Style style = style_;
  style.scale = landscape_scale(width, height);
  const exporter::SurfacePtr surface = exporter::render_drawing_image(
      width, height, 1.0,
      [&](cairo_t* cr) { exporter::draw_landscape(cr, f, width, height, style); });
  copy_rgba(surface.get(), width, height, rgba);
}

}  // namespace ll::video
