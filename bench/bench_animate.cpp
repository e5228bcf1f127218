// Benchmark: animated export of the default scene through app/video, written to files in a
// temporary folder (removed at the end). Target: a 200-frame 800 x 800 GIF in under 10 s and
// under 5 MB. Views: the canvas, the loss plot, the landscape (`losslab animate --view
// landscape`'s defaults: a 65 x 65 map through the start, computed once and timed within the
// case) and the race (gd, momentum, adam). Prints, per case, wall time, CPU time of the
// process, the time spent rendering frames (cairo) and encoding (FFmpeg), and the file size;
// also /proc/loadavg at the start, since the machine is shared.
// Usage: bench_animate [--quick] [VIEW...] (--quick: 40 frames at 400 x 400; VIEW: canvas,
// lossplot, landscape, race; default all)
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "app/video/encoder.h"
#include "app/video/landscape_frames.h"
#include "app/video/race_frames.h"
#include "app/video/training_frames.h"
#include "core/landscape.h"

namespace {

using namespace ll;
namespace fs = std::filesystem;

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// Times the frames it renders.
class TimedFrames : public video::FrameSource {
 public:
  explicit TimedFrames(video::FrameSource& inner) : inner_(inner) {}
  int frame_count() const override { return inner_.frame_count(); }
  void render(int index, int width, int height, std::span<std::uint8_t> rgba,
              JobControl* control) override {
    const auto t0 = std::chrono::steady_clock::now();
    inner_.render(index, width, height, rgba, control);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++rendered;
  }
  double seconds = 0.0;
  int rendered = 0;

 private:
  video::FrameSource& inner_;
};

// The frames of a view of the default scene, trained `steps` steps.
std::unique_ptr<video::FrameSource> make_frames(const std::string& view, long steps) {
  const Scene scene = default_scene();
  exporter::FigureOptions fig;
  if (view == "canvas" || view == "lossplot") {
    fig.view = view == "canvas" ? exporter::View::Canvas : exporter::View::LossPlot;
    return std::make_unique<video::TrainingFrames>(scene, video::run_training(scene, steps, 1),
                                                   fig);
  }
  if (view == "landscape") {
    LandscapeSlice slice;
    slice.grid = 65;
    return std::make_unique<video::LandscapeFrames>(
        video::run_training(scene, steps, 1, nullptr, 0.0, true), compute_landscape(scene, slice),
        video::landscape_text(scene, slice), fig.style);
  }
  Race race(scene);
  for (const OptimizerKind k : {OptimizerKind::GD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
    RaceRunSettings s{scene.optimizer, scene.loss};
    s.optimizer.kind = k;
    race.add_run(s);
  }
  return std::make_unique<video::RaceFrames>(std::move(race), steps, 1, fig);
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  std::vector<std::string> views;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0)
      quick = true;
    else
      views.emplace_back(argv[i]);
  }
  if (views.empty()) views = {"canvas", "lossplot", "landscape", "race"};
  for (const std::string& v : views)
    if (v != "canvas" && v != "lossplot" && v != "landscape" && v != "race") {
      std::fprintf(stderr, "bench_animate: unknown view %s\n", v.c_str());
      return 2;
    }
  const int side = quick ? 400 : 800;
  const long steps = quick ? 39 : 199;  // frames: steps + 1
  std::string load;
  std::getline(std::ifstream("/proc/loadavg"), load);
  std::printf("load average at start: %s\n", load.c_str());
  const fs::path dir = fs::temp_directory_path() / ("bench_animate_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const video::Format format : {video::Format::Gif, video::Format::Mp4, video::Format::Webm}) {
    for (const std::string& view : views) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = cpu_seconds();
      const std::unique_ptr<video::FrameSource> frames = make_frames(view, steps);
      const double setup =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      TimedFrames timed(*frames);
      video::VideoOptions opt;
      opt.format = format;
      opt.width = opt.height = side;
      const fs::path out = dir / (std::string("out.") + video::to_string(format));
      const video::EncodeResult r = video::encode(timed, opt, out);
      const double wall =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf(
          "%-4s %-9s %d frames %dx%d: %.2f s wall, %.2f s CPU, setup (training, map, race) "
          "%.2f s, rendering %d frames %.2f s, encoding %.2f s, %.2f MB\n",
          video::to_string(format), view.c_str(), r.frames, side, side, wall, cpu_seconds() - c0,
          setup, timed.rendered, timed.seconds, wall - setup - timed.seconds,
          static_cast<double>(r.bytes) / 1e6);
      std::fflush(stdout);
    }
  }
  fs::remove_all(dir);
  return 0;
}
