// The canvas's GL passes alone (app/gl/canvas_renderer.h), offscreen through EGL surfaceless:
// per frame the median wall time and the process CPU time (the software rasteriser's threads
// included, so the figure holds on a loaded machine) of a training frame (new parameters every
// frame: the parameters of a real run, one step a frame; regions, grid, axes and points through
// draw(), with the argmax regions repainted where a step changed them, or per pixel, or the
// layers drawn apart: draw_regions then draw_points), its regions alone, an idle frame
// (everything from the cached layers) and its points alone. A canvas of 730 x
// 750 pixels, the window's at 1280 x 800. Usage: bench_canvas [points (10000)] [frames (300)]
#include <glad/gl.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/gl/canvas_renderer.h"
#include "app/gl/egl_context.h"
#include "bench_timer.h"
#include "core/datasets.h"
#include "core/losses.h"
#include "core/optimizer.h"

namespace {

using namespace ll;
using namespace ll::gui;

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int frames = argc > 2 ? std::atoi(argv[2]) : 300;
  if (n < 0 || frames < 1) {
    std::fprintf(stderr, "usage: bench_canvas [points] [frames]\n");
    return 2;
  }
  std::string err;
  EglContext ctx;
  if (!ctx.create(&err)) {
    std::fprintf(stderr, "bench_canvas: no GL context: %s\n", err.c_str());
    return 1;
  }
  constexpr int kW = 1280, kH = 800;
  Framebuffer fb(kW, kH);
  ViewTransform view;
  view.set_rect(8, 38, 730, 750);
  CanvasFrame f = make_canvas_frame(view, 1.0, kH);
  f.grid_step = figure::grid_step(view.pixels_per_unit(), 1.0);

  Scene s = make_blobs({3, (n + 2) / 3, 0.2, 1});
  s.points.resize(static_cast<std::size_t>(n));
  s.params = default_params(3);
  train(s, 200);  // as in the window after a few seconds of training: about 1% misclassified
  const std::vector<PointInstance> pts = point_instances(s, evaluate(s.points, s.params, s.loss));

  auto run = [&](const char* name, auto&& frame) {
    CanvasRenderer r;
    if (!r.init(&err)) {
      std::fprintf(stderr, "bench_canvas: %s\n", err.c_str());
      std::exit(1);
    }
    r.set_sprites_per_frame(0);
    int i = 0;
    for (; i < 10; ++i) frame(r, i);  // warm-up: shaders compiled, layers filled
    glFinish();
    const double c0 = cpu_seconds();
    const double wall = bench::median_ms(frames, [&] {
      glViewport(0, 0, kW, kH);
      glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      frame(r, i++);
      glFinish();
    });
    const double cpu = 1000.0 * (cpu_seconds() - c0) / frames;
    std::printf("%-34s median %6.2f ms  cpu %6.2f ms/frame\n", name, wall, cpu);
  };
  // Training: every frame new parameters (and flags), the points themselves unchanged. The
  // parameters of a real run, one gradient step a frame from the default parameters on (the
  // first steps move the boundaries most), cycled.
  std::vector<Params> run_params;
  {
    Scene t = s;
    t.params = default_params(3);
    for (int i = 0; i < 400; ++i) {
      run_params.push_back(t.params);
      train(t, 1);
    }
  }
  auto params_at = [&](int i) {
    return run_params[static_cast<std::size_t>(i) % run_params.size()];
  };
  std::size_t wrong = 0;
  for (const PointInstance& p : pts) wrong += (static_cast<int>(p.flags) & kPointWrong) != 0;
  std::printf("points %d (%zu misclassified)  canvas %d x %d  frames %d\n", n, wrong, f.fb_w,
              f.fb_h, frames);
  run("training: draw", [&](CanvasRenderer& r, int i) {
    r.draw(f, params_at(i), pts, {1, static_cast<std::uint64_t>(i)});
  });
  run("training: draw, per-pixel regions", [&](CanvasRenderer& r, int i) {
    r.set_region_path(CanvasRenderer::RegionPath::PerPixel);
    r.draw(f, params_at(i), pts, {1, static_cast<std::uint64_t>(i)});
  });
  run("training: draw_regions + draw_points", [&](CanvasRenderer& r, int i) {
    r.draw_regions(f, params_at(i));
    r.draw_points(f, pts, {1, static_cast<std::uint64_t>(i)});
  });
  run("idle: draw", [&](CanvasRenderer& r, int) { r.draw(f, s.params, pts, {1, 1}); });
  run("training: draw_regions alone",
      [&](CanvasRenderer& r, int i) { r.draw_regions(f, params_at(i)); });
  run("idle: draw_points only", [&](CanvasRenderer& r, int) { r.draw_points(f, pts, {1, 1}); });
  run("clear only", [&](CanvasRenderer&, int) {});
  return 0;
}
