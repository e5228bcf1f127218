// Soak benchmark of the window's frame: N rendered frames (default 20,000) of the full UI
// (layout, panels, loss plot, canvas overlay through ImGui's OpenGL 3 renderer) over the canvas
// GL layers (regions + points through the app's CanvasRenderer), offscreen through EGL
// surfaceless. Training plays at 5,000 steps/s of simulated time; every few frames a random
// edit lands (move, add, delete or relabel a point, a parameter, the loss, the class count,
// undo/redo, zoom to the limits, pan) and every 40 frames a synthetic mouse drag goes through
// the canvas. Prints the resident memory at the start and after each quarter: it must stay flat.
// Usage: soak_frames [frames] [width height]
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>
#include <imgui.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "app/classifier/canvas.h"
#include "app/classifier/model/app_state.h"
#include "app/classifier/theme.h"
#include "app/gl/canvas_renderer.h"
#include "app/gl/egl_context.h"
#include "app/shell/layout.h"
#include "core/datasets.h"
#include "core/rng.h"

namespace {

using namespace ll;
using namespace ll::gui;

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}

void random_edit(AppState& st, Rng& rng) {
  Document& d = st.doc;
  const Scene& s = st.scene;
  const int n = static_cast<int>(s.points.size());
  const auto pick = [&] { return static_cast<int>(rng.below(static_cast<std::uint64_t>(n))); };
  switch (rng.below(11)) {
    case 0:  // a few points at once: class-count cuts and deletes take points away
      for (int i = 0; i < 6 && n < 400; ++i)
        st.sel.selected =
            d.add_point(rng.uniform(-1, 1), rng.uniform(-1, 1), static_cast<int>(rng.below(8)));
      break;
    case 1:
      if (n > 3) d.delete_point(pick());
      st.sel.selected = -1;
      break;
    case 2:
      if (n > 0) {
        st.sel.selected = pick();
        const Point& p = s.points[static_cast<std::size_t>(st.sel.selected)];
        d.move_point(st.sel.selected, rng.uniform(-2e6, 2e6), p.x1);  // past the limit: clamped
      }
      break;
    case 3:
      if (n > 0) d.relabel_point(pick(), static_cast<int>(rng.below(8)));
      break;
    case 4: {
      const int k = static_cast<int>(rng.below(static_cast<std::uint64_t>(s.classes())));
      Params p = s.params;
      p.W(k, 0) = rng.below(10) == 0 ? 1e12 : rng.uniform(-3, 3);  // 1e12: clamped
      d.set_params(std::move(p));
      break;
    }
    case 5: {
      LossSettings l = s.loss;
      l.kind = static_cast<LossKind>(rng.below(4));
      d.set_loss(l);
      break;
    }
    case 6:
      d.set_class_count(2 + static_cast<int>(rng.below(7)));
      break;
    case 7:
      rng.below(2) ? st.undo() : st.redo();
      break;
    case 8: {  // zoom, sometimes all the way to a limit
      const double f =
          rng.below(4) == 0 ? (rng.below(2) ? 1e12 : 1e-12) : std::exp(rng.uniform(-2, 2));
      st.view.zoom_about({rng.uniform(0, 600), rng.uniform(0, 600)}, f);
      break;
    }
    case 9:
      st.view.pan_pixels(rng.uniform(-300, 300), rng.uniform(-300, 300));
      break;
    default:
      if (rng.below(20) == 0) st.view.reset();
      st.options.regions = static_cast<RegionMode>(rng.below(3));
      break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const long frames = std::max(4L, argc > 1 ? std::atol(argv[1]) : 20'000L);
  const int W = argc > 3 ? std::clamp(std::atoi(argv[2]), 64, 4096) : 960;
  const int H = argc > 3 ? std::clamp(std::atoi(argv[3]), 64, 4096) : 600;
  const long start_rss = rss_kib();

  EglContext ctx;
  std::string err;
  if (!ctx.create(&err)) {
    std::fprintf(stderr, "soak_frames: no GL context: %s\n", err.c_str());
    return 1;
  }
  Framebuffer fb(W, H);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(W), static_cast<float>(H));
  const Fonts fonts = load_fonts(1.0f);
  apply_theme(Theme::Light, 1.0f);
  if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
    std::fprintf(stderr, "soak_frames: ImGui's OpenGL 3 renderer did not start\n");
    return 1;
  }
  long gl_rss = 0;
  {
    CanvasRenderer renderer;
    if (!renderer.init(&err)) {
      std::fprintf(stderr, "soak_frames: canvas shaders: %s\n", err.c_str());
      return 1;
    }
    AppState st;
    st.doc = Document(make_blobs({3, 40, 0.25, 3}));
    st.loaded = st.scene;
    st.trainer.rate = 5000.0;
    st.trainer.restart(st.scene);
    st.trainer.play(st.doc);
    Layout layout;
    Canvas canvas;
    Rng rng(11);
    long edits = 0;
    int drag_left = 0;
    const auto t0 = std::chrono::steady_clock::now();
    auto tq = t0;
    for (long f = 0; f < frames; ++f) {
      io.DeltaTime = 1.0f / 60.0f;
      // A synthetic drag through the canvas every 40 frames, hovering in between.
      if (f % 40 == 0) drag_left = 6;
      const double cx = st.view.rect_x() + st.view.rect_w() * rng.uniform(0.05, 0.95);
      const double cy = st.view.rect_y() + st.view.rect_h() * rng.uniform(0.05, 0.95);
      io.MousePos = ImVec2(static_cast<float>(cx), static_cast<float>(cy));
      io.MouseDown[0] = drag_left > 1;
      drag_left = std::max(0, drag_left - 1);
      ImGui_ImplOpenGL3_NewFrame();
      ImGui::NewFrame();
      st.trainer.advance(st.doc, io.DeltaTime, 0.006);
      if (!st.trainer.playing()) st.trainer.play(st.doc);  // diverged or emptied: go on
      st.refresh();
      st.begin_frame(canvas.dragging());
      if (f % 3 == 0) {
        random_edit(st, rng);
        ++edits;
      }
      layout.draw(st, canvas, fonts);
      st.refresh();
      ImGui::Render();

      glViewport(0, 0, W, H);  // into fb, the offscreen "window" (bound since its creation)
      glClearColor(0.95f, 0.95f, 0.95f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      CanvasFrame cf = make_canvas_frame(st.view, 1.0, H);
      cf.mode = st.options.regions;
      cf.grid_step = nice_grid_step(st.view.pixels_per_unit(), 90.0);
      renderer.draw(cf, st.scene.params, point_instances(st.scene, st.eval()),
                    {st.doc.points_revision(), st.revision()});
      glViewport(0, 0, W, H);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      glFinish();  // as a buffer swap would: the frame is done before the next one starts
      if (f == 0) gl_rss = rss_kib();

      if ((f + 1) % (frames / 4) == 0 || f + 1 == frames) {
        glFinish();
        const auto now = std::chrono::steady_clock::now();
        const double ms = std::chrono::duration<double, std::milli>(now - tq).count() /
                          static_cast<double>(frames / 4);
        tq = now;
        std::printf("heap in use %zu KiB  ", mallinfo2().uordblks / 1024);
        std::printf(
            "frame %6ld  RSS %7ld KiB  %.2f ms/frame  steps %ld  points %zu  classes %d  "
            "undo %zu  curve %zu (stride %ld)  zoom %.3g\n",
            f + 1, rss_kib(), ms, st.trainer.steps(), st.scene.points.size(), st.scene.classes(),
            st.doc.undo_size(), st.trainer.curve().size(), st.trainer.curve_stride(),
            st.view.zoom());
        std::fflush(stdout);
      }
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("frames %ld in %.1f s (%.2f ms/frame), %ld random edits\n", frames, s,
                1000.0 * s / static_cast<double>(frames), edits);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
  std::printf(
      "RSS at start %ld KiB, after the GL context and first frame %ld KiB, at end %ld KiB\n",
      start_rss, gl_rss, rss_kib());
  return 0;
}
