#include "app/video/training_frames.h"

#include <cairo.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace ll::video {

long frame_count(long steps, long every) {
  if (steps < 0 || every < 1) return 0;
  return (steps + every - 1) / every + 1;
}

TrainingRun run_training(const Scene& start, long steps, long every, JobControl* control,
                         double progress_share) {
  if (steps < 0 || every < 1) throw std::invalid_argument("steps >= 0 and every >= 1");
  TrainingRun run;
  Scene scene = start;
  std::map<long, Params> kept;  // the parameters before the steps that begin a frame
  TrainOptions topt;
  topt.record_every = auto_record_every(scene);
  bool cancelled = false;
  topt.keep_going = [&](long done) {
    if (done % every == 0) kept[done] = scene.params;
    if (control && (done & 255) == 0) {
      if (control->cancelled()) {
        cancelled = true;
        return false;
      }
      control->set_progress(progress_share * static_cast<double>(done) /
                            static_cast<double>(std::max(1L, steps)));
    }
    return true;
  };
  TrainResult r = train(scene, steps, topt);
  if (cancelled) throw JobCancelled();
  run.status = r.status;
  run.steps_done = r.steps_done;
  run.history = std::move(r.history);
  run.history_steps = std::move(r.history_steps);
  for (long f = 0, n = frame_count(steps, every); f < n; ++f) {
    const long step = std::min(f * every, steps);
    run.frame_steps.push_back(step);
    // Steps from steps_done on (the last state; or undone after a divergence): the final state.
    const auto it = kept.find(step);
    run.params.push_back(step < r.steps_done && it != kept.end() ? it->second : scene.params);
  }
  return run;
}

TrainingFrames::TrainingFrames(Scene scene, TrainingRun run, exporter::FigureOptions base)
    : run_(std::move(run)), base_(std::move(base)) {
  if (base_.view != exporter::View::Canvas && base_.view != exporter::View::LossPlot)
    throw std::invalid_argument("training frames show the canvas or the loss plot");
  data_.scene = std::move(scene);
}

exporter::FigureOptions TrainingFrames::options(int width, int height) const {
  exporter::FigureOptions o = base_;
  o.width = width;
  o.height = height;
  o.scale = 1.0;
  o.style.scale = exporter::render_scale(o.width, o.height);
  o.transparent = false;
  return o;
}

void TrainingFrames::set_frame(int index) {
  const auto i = static_cast<std::size_t>(index);
  data_.scene.params = run_.params.at(i);
  if (base_.view != exporter::View::LossPlot) return;
  // The loss plot: the records up to this frame's step (or to where a diverged run stopped).
  const long last = std::min(run_.frame_steps[i], run_.steps_done);
  const auto end = std::upper_bound(run_.history_steps.begin(), run_.history_steps.end(), last);
  const auto n = static_cast<std::size_t>(end - run_.history_steps.begin());
  data_.history.assign(run_.history.begin(), run_.history.begin() + static_cast<long>(n));
  data_.history_steps.assign(run_.history_steps.begin(), end);
}

void TrainingFrames::render(int index, int width, int height, std::span<std::uint8_t> rgba,
                            JobControl* control) {
  const std::size_t w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
  if (rgba.size() < 4 * w * h) throw std::invalid_argument("frame buffer too small");
  set_frame(index);
  const exporter::FigureOptions opt = options(width, height);
  const exporter::SurfacePtr surface = exporter::render_image(data_, opt, control);
  // cairo's ARGB32: native-endian 32-bit words, premultiplied alpha.
  const unsigned char* base = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (std::size_t y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(base + y * stride);
    std::uint8_t* out = rgba.data() + 4 * w * y;
    for (std::size_t x = 0; x < w; ++x, out += 4) {
      const std::uint32_t p = row[x];
      const unsigned a = p >> 24;
      unsigned r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
      if (a != 255 && a != 0) {
        r = (r * 255 + a / 2) / a;
        g = (g * 255 + a / 2) / a;
        b = (b * 255 + a / 2) / a;
      }
      out[0] = static_cast<std::uint8_t>(r);
      out[1] = static_cast<std::uint8_t>(g);
      out[2] = static_cast<std::uint8_t>(b);
      out[3] = static_cast<std::uint8_t>(a);
    }
  }
}

}  // namespace ll::video
