// Benchmark: animated export of the default scene through app/video, written to files in a
// temporary folder (removed at the end). Target: a 200-frame 800 x 800 GIF in under 10 s and
// under 5 MB. Prints, per case, wall time, CPU time of the process, the time spent rendering
// frames (cairo) and encoding (FFmpeg), and the file size; also /proc/loadavg at the start, since
// the machine is shared.
// Usage: bench_animate [--quick] (--quick: 40 frames at 400 x 400)
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/video/encoder.h"
#include "app/video/training_frames.h"

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

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int side = quick ? 400 : 800;
  const long steps = quick ? 39 : 199;  // frames: steps + 1
  std::string load;
  std::getline(std::ifstream("/proc/loadavg"), load);
  std::printf("load average at start: %s\n", load.c_str());
  const fs::path dir = fs::temp_directory_path() / ("bench_animate_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const video::Format format : {video::Format::Gif, video::Format::Mp4, video::Format::Webm}) {
    for (const exporter::View view : {exporter::View::Canvas, exporter::View::LossPlot}) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = cpu_seconds();
      const Scene scene = default_scene();
      exporter::FigureOptions fig;
      fig.view = view;
      video::TrainingFrames frames(scene, video::run_training(scene, steps, 1), fig);
      TimedFrames timed(frames);
      video::VideoOptions opt;
      opt.format = format;
      opt.width = opt.height = side;
      const fs::path out = dir / (std::string("out.") + video::to_string(format));
      const video::EncodeResult r = video::encode(timed, opt, out);
      const double wall =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf(
          "%-4s %-8s %d frames %dx%d: %.2f s wall, %.2f s CPU, rendering %d frames %.2f s, "
          "encoding %.2f s, %.2f MB\n",
          video::to_string(format), view == exporter::View::Canvas ? "canvas" : "lossplot",
          r.frames, side, side, wall, cpu_seconds() - c0, timed.rendered, timed.seconds,
          wall - timed.seconds, static_cast<double>(r.bytes) / 1e6);
    }
  }
  fs::remove_all(dir);
  return 0;
}
