#include "app/video/race_frames.h"

#include <algorithm>
#include <stdexcept>

#include "app/video/frame_pixels.h"
#include "app/video/training_frames.h"

namespace ll::video {

void advance_race(Race& race, long steps, JobControl* control, double progress_share) {
  while (race.steps() < steps) {
    if (control) {
      control->check();
      control->set_progress(progress_share * static_cast<double>(race.steps()) /
                            static_cast<double>(steps));
    }
    if (race.advance(std::min(64L, steps - race.steps())) == 0) break;
  }
}

RaceFrames::RaceFrames(Race race, long steps, long every, exporter::FigureOptions base,
                       figure::RaceLandscape landscape)
    : race_(std::move(race)), base_(std::move(base)), landscape_(std::move(landscape)) {
  if (steps < 0 || every < 1 || steps > kMaxRaceSteps)
    throw std::invalid_argument("a race takes 0 to " + std::to_string(kMaxRaceSteps) + " steps");
  if (race_.steps() < steps) race_.advance(steps - race_.steps());
  for (long f = 0, n = video::frame_count(steps, every); f < n; ++f)
    frame_steps_.push_back(std::min(f * every, steps));
}

figure::RaceFigureData RaceFrames::data(int index) const {
  figure::RaceFigureData d =
      figure::race_figure_data(race_, exporter::kMaxVectorPoints, 2000, frame_step(index));
  d.landscape = landscape_;
  return d;
}

void RaceFrames::render(int index, int width, int height, std::span<std::uint8_t> rgba,
                        JobControl* control) {
  if (control) control->check();
  const figure::RaceFigureData d = data(index);
  const exporter::FigureOptions opt = frame_options(base_, width, height);
  const exporter::SurfacePtr surface = exporter::render_drawing_image(
      width, height, 1.0, [&](cairo_t* cr) { exporter::draw_race(cr, d, opt); });
  copy_rgba(surface.get(), width, height, rgba);
}

}  // namespace ll::video
