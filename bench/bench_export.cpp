// Benchmark: figure export through cairo, encoded in memory (the file write is one atomic rename
// on top). Prints the median of several runs per case:
//   the default scene: 3840 x 2160 PNG (argmax regions, and the confidence image), 800 x 800
//   SVG and PDF;
//   a 1,000,000-point canvas (make_blobs, 3 classes): 1920 x 1080 PNG, SVG and PDF (one run
//   each with --quick; skipped with --small).
// Usage: bench_export [--quick] [--small]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/export/export.h"
#include "bench/bench_timer.h"
#include "core/datasets.h"

namespace {

using namespace ll::exporter;

struct Case {
  const char* name;
  Format format;
  View view;
  Shading shading;
  double width, height;
};

double median_ms(const FigureData& data, const Case& c, int reps, std::size_t& bytes) {
  FigureOptions opt;
  opt.view = c.view;
  opt.regions = c.shading;
  opt.width = c.width;
  opt.height = c.height;
  return ll::bench::median_ms(reps, [&] { bytes = render_figure(data, opt, c.format).size(); });
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false, small = false;
  for (int i = 1; i < argc; ++i) {
    quick = quick || std::strcmp(argv[i], "--quick") == 0;
    small = small || std::strcmp(argv[i], "--small") == 0;
  }
  const int reps = quick ? 3 : 9;
  FigureData data{ll::default_scene(), {}};
  ll::Scene trained = ll::default_scene();
  data.history = ll::train(trained, 100).history;

  const Case cases[] = {
      {"png 3840x2160 canvas argmax", Format::Png, View::Canvas, Shading::Argmax, 3840, 2160},
      {"png 3840x2160 canvas confidence", Format::Png, View::Canvas, Shading::Confidence, 3840,
       2160},
      {"png 3840x2160 lossplot", Format::Png, View::LossPlot, Shading::Argmax, 3840, 2160},
      {"svg 800x800 canvas argmax", Format::Svg, View::Canvas, Shading::Argmax, 800, 800},
      {"pdf 800x800 canvas argmax", Format::Pdf, View::Canvas, Shading::Argmax, 800, 800},
      {"svg 800x800 canvas confidence", Format::Svg, View::Canvas, Shading::Confidence, 800, 800},
      {"pdf 800x800 canvas confidence", Format::Pdf, View::Canvas, Shading::Confidence, 800, 800},
      {"pdf 800x800 lossplot", Format::Pdf, View::LossPlot, Shading::Argmax, 800, 800},
  };
  std::printf("%-34s %12s %12s\n", "case", "median ms", "bytes");
  for (const Case& c : cases) {
    std::size_t bytes = 0;
    const double ms = median_ms(data, c, reps, bytes);
    std::printf("%-34s %12.1f %12zu\n", c.name, ms, bytes);
  }
  if (small) return 0;

  // The scene-size case: a million points (the documented limit) on a 1920 x 1080 figure.
  ll::BlobsOptions blobs;
  blobs.classes = 3;
  blobs.per_class = 1'000'000 / 3 + 1;
  blobs.spread = 0.3;
  FigureData big{ll::make_blobs(blobs), {}};
  big.scene.points.resize(1'000'000);
  const Case big_cases[] = {
      {"png 1920x1080 canvas 1M points", Format::Png, View::Canvas, Shading::Argmax, 1920, 1080},
      {"svg 1920x1080 canvas 1M points", Format::Svg, View::Canvas, Shading::Argmax, 1920, 1080},
      {"pdf 1920x1080 canvas 1M points", Format::Pdf, View::Canvas, Shading::Argmax, 1920, 1080},
  };
  for (const Case& c : big_cases) {
    std::size_t bytes = 0;
    const double ms = median_ms(big, c, quick ? 1 : 3, bytes);
    std::printf("%-34s %12.1f %12zu\n", c.name, ms, bytes);
  }
  return 0;
}
