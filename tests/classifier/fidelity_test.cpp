// Export equals the screen (issue 10). The window's canvas is rendered offscreen with the
// window's own code (CanvasRenderer's GL layers, then Canvas::draw's ImGui overlay through the
// real OpenGL3 backend, EGL surfaceless: no display) and compared with an export of the same
// view at the same size: region colours at sample points, and the pixel positions of the class
// lines, arrow heads, W labels and points within 1 px (the best-matching shift of each local
// patch). The loss plot: the window's panel and the export show the same series in the same
// colours, accuracy included, and its tick labels and frame on the same pixels (within 1 px:
// both draw app/figure's one layout). Without a GL context the test is skipped (CI=true: a
// failure).
#include <glad/gl.h>
// glad first: the backend headers must not pull in another GL header before it.
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/classifier/canvas.h"
#include "app/classifier/export_files.h"
#include "app/classifier/overlay.h"
#include "app/classifier/panels.h"
#include "app/figure/loss_plot.h"
#include "app/gl/canvas_renderer.h"
#include "app/gl/egl_context.h"
#include "app/widgets/figure_plot.h"
#include "core/datasets.h"
#include "tests/gl/gl_context.h"

namespace ll::gui {
namespace {

constexpr int kW = 640, kH = 480;

struct Image {
  int w = 0, h = 0;
  std::vector<unsigned char> px;  // RGBA, top row first
  const unsigned char* at(int x, int y) const {
    return px.data() + (static_cast<std::size_t>(y) * w + x) * 4;
  }
};

Image decode_png(const std::string& bytes) {
  Image img;
  int n = 0;
  unsigned char* p = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                           static_cast<int>(bytes.size()), &img.w, &img.h, &n, 4);
  if (!p) return img;
  img.px.assign(p, p + static_cast<std::size_t>(img.w) * img.h * 4);
  stbi_image_free(p);
  return img;
}

// With LOSSLAB_FIDELITY_DIR set, the compared images are written there (to look at them).
void keep(const Image& img, const std::string& name) {
  const char* dir = std::getenv("LOSSLAB_FIDELITY_DIR");
  if (!dir || img.px.empty()) return;
  const std::string path = std::string(dir) + "/" + name;
  stbi_write_png(path.c_str(), img.w, img.h, 4, img.px.data(), img.w * 4);
}

int distance(const unsigned char* a, palette::Rgb c) {
  return std::max({std::abs(a[0] - c.r), std::abs(a[1] - c.g), std::abs(a[2] - c.b)});
}

// Mean absolute difference (per channel) of the patch of `a` at (x, y) and of `b` shifted by
// (dx, dy), over a (2r+1)^2 window.
double patch_diff(const Image& a, const Image& b, int x, int y, int r, int dx, int dy) {
  double sum = 0.0;
  int n = 0;
  for (int j = y - r; j <= y + r; ++j)
    for (int i = x - r; i <= x + r; ++i) {
      if (i < 0 || j < 0 || i >= a.w || j >= a.h) continue;
      const int bi = i + dx, bj = j + dy;
      if (bi < 0 || bj < 0 || bi >= b.w || bj >= b.h) continue;
      for (int c = 0; c < 3; ++c) sum += std::abs(a.at(i, j)[c] - b.at(bi, bj)[c]);
      n += 3;
    }
  return n ? sum / n : 1e9;
}

// Contrast in the patch: something is drawn there (not flat region colour).
double patch_spread(const Image& a, int x, int y, int r) {
  int lo = 255, hi = 0;
  for (int j = std::max(0, y - r); j <= std::min(a.h - 1, y + r); ++j)
    for (int i = std::max(0, x - r); i <= std::min(a.w - 1, x + r); ++i) {
      const int v = a.at(i, j)[0] + a.at(i, j)[1] + a.at(i, j)[2];
      lo = std::min(lo, v / 3);
      hi = std::max(hi, v / 3);
    }
  return hi - lo;
}

struct Match {
  int dx = 0, dy = 0;
  double diff = 1e9;  // at the best shift
};
// The shift (within +-3 px) that best aligns the export's patch with the window's; ties go to
// the smallest shift (a line's patch is the same all along the line).
Match best_shift(const Image& window, const Image& exported, int x, int y, int r) {
  Match m;
  for (int dy = -3; dy <= 3; ++dy)
    for (int dx = -3; dx <= 3; ++dx) {
      const double d = patch_diff(window, exported, x, y, r, dx, dy);
      if (d < m.diff - 1e-9 ||
          (std::abs(d - m.diff) <= 1e-9 && dx * dx + dy * dy < m.dx * m.dx + m.dy * m.dy))
        m = {dx, dy, d};
    }
  return m;
}

class Fidelity : public ::testing::Test {
 protected:
  void SetUp() override {
    gl_ = test::make_gl_context();
    if (!gl_) return;
    std::string err;
    fb_ = std::make_unique<Framebuffer>(kW, kH);
    ASSERT_TRUE(renderer_.init(&err)) << err;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kW, kH);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    fonts_ = load_fonts(1.0f);
    apply_theme(Theme::Light, 1.0f);
    ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330"));
    st_.doc = Document(default_scene());
    st_.refresh();
  }
  void TearDown() override {
    if (ImGui::GetCurrentContext()) {
      ImGui_ImplOpenGL3_Shutdown();
      ImGui::DestroyContext();
    }
  }

  // The window's canvas filling a kW x kH framebuffer: its GL layers (regions and points) are
  // drawn from inside ImGui's draw list, as in the window, then the overlay over them.
  Image render_window_canvas() {
    canvas_.set_gl_layers([this] {
      CanvasFrame f = make_canvas_frame(st_.view, 1.0, kH);
      f.style = st_.options.style();
      f.mode = st_.options.regions;
      f.score_class = st_.options.score_class;
      f.grid_step = figure::grid_step(st_.view.pixels_per_unit(), f.style.scale);
      renderer_.draw(f, st_.scene.params, point_instances(st_.scene, st_.eval()),
                     {st_.doc.points_revision(), st_.revision()});
      glViewport(0, 0, kW, kH);
    });
    for (int frame = 0; frame < 2; ++frame) {
      ImGui_ImplOpenGL3_NewFrame();
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
      ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
      // An opaque window: the layers are drawn in its draw order, not under it.
      ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoDecoration);
      canvas_.draw(st_, fonts_, st_.options.style());
      ImGui::End();
      ImGui::PopStyleVar(2);
      ImGui::Render();
      glViewport(0, 0, kW, kH);
      glClearColor(1, 0, 1, 1);  // magenta: a pixel the canvas leaves unpainted shows
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      EXPECT_TRUE(canvas_.visible());
    }
    Image img;
    img.w = kW;
    img.h = kH;
    img.px = fb_->read();
    return img;
  }

  Image export_canvas() {
    ExportRequest req;
    req.scale = 1.0;
    req.legend = false;  // the window shows none
    const ExportJob job = prepare_export(st_, req);
    return decode_png(exporter::render_figure(job.data, job.options, job.format));
  }

  // Wherever the export shows the pure region colour (figure::region_color, no line, point or
  // glyph within a pixel) the window shows it too, within `tol`. Returns the samples compared.
  int expect_same_regions(const Image& win, const Image& exp, const figure::CanvasFigure& fig,
                          int tol) {
    int regions = 0;
    for (int j = 20; j < kH - 1; j += 23)
      for (int i = 10; i < kW - 1; i += 29) {
        if (i < 200 && j < 30) continue;  // the window's "click adds class" hint
        const Eigen::Vector2d w = fig.map.to_world({i + 0.5, j + 0.5});
        const palette::Rgb want =
            figure::region_color(st_.scene.params, st_.options, st_.options.style(), w);
        bool clear = true;
        for (int dj = -1; dj <= 1; ++dj)
          for (int di = -1; di <= 1; ++di)
            clear = clear && distance(exp.at(i + di, j + dj), want) <= 1;
        if (!clear) continue;
        ++regions;
        EXPECT_LE(distance(win.at(i, j), want), tol) << "pixel (" << i << ", " << j << ")";
      }
    return regions;
  }

  std::unique_ptr<EglContext> gl_;
  std::unique_ptr<Framebuffer> fb_;
  CanvasRenderer renderer_;
  Fonts fonts_;
  AppState st_;
  Canvas canvas_;
};

TEST_F(Fidelity, ExportedCanvasEqualsTheWindowsCanvas) {
  const Image win = render_window_canvas();
  const Image exp = export_canvas();
  keep(win, "canvas_window.png");
  keep(exp, "canvas_export.png");
  ASSERT_EQ(exp.w, kW);
  ASSERT_EQ(exp.h, kH);
  const Style style = st_.options.style();
  // The description both drew (the window's, text measured with ImGui's fonts).
  OverlayState o;
  o.style = style;
  o.anchors = canvas_.anchors();
  const figure::CanvasFigure fig = describe_window_canvas(st_, o, fonts_);

  const int regions = expect_same_regions(win, exp, fig, 3);
  EXPECT_GT(regions, 200);

  // Lines, arrow heads, labels and points: each local patch lines up within 1 px, and shows
  // the same thing (small mean difference), and something is drawn there in both.
  struct Probe {
    std::string what;
    Eigen::Vector2d at;
    int r;
  };
  std::vector<Probe> probes;
  for (const figure::Line& l : fig.class_lines)
    for (double t : {0.3, 0.7})
      probes.push_back({"line of class " + std::to_string(l.cls), l.a + t * (l.b - l.a), 6});
  for (const figure::Arrow& a : fig.arrows)
    probes.push_back({"arrow head of class " + std::to_string(a.cls), a.to, 9});
  for (const figure::Text& t : fig.arrow_labels) {
    const double w =
        fonts_.bold->CalcTextSizeA(static_cast<float>(t.size), FLT_MAX, 0.0f, t.text.c_str()).x;
    probes.push_back({"label " + t.text, t.top_left + Eigen::Vector2d(0.5 * w, 0.5 * t.size),
                      static_cast<int>(std::ceil(0.5 * std::max(w, t.size))) + 2});
  }
  for (const figure::Marker& m : figure::describe_canvas([&] {
                                   figure::CanvasInput in;
                                   in.scene = &st_.scene;
                                   in.eval = &st_.eval();
                                   in.map = fig.map;
                                   in.options = st_.options;
                                   in.style = style;
                                   return in;
                                 }())
                                     .markers)
    probes.push_back({"point", m.at, 12});
  ASSERT_GE(probes.size(), 3u * 2 + 3 + 3 + st_.scene.points.size());
  int compared = 0, max_shift = 0;
  double max_diff = 0.0;
  for (const Probe& p : probes) {
    const int x = static_cast<int>(std::lround(p.at.x())),
              y = static_cast<int>(std::lround(p.at.y()));
    if (x < p.r || y < p.r || x >= kW - p.r || y >= kH - p.r) continue;  // at the edge
    const Match m = best_shift(win, exp, x, y, p.r);
    ++compared;
    max_shift = std::max({max_shift, std::abs(m.dx), std::abs(m.dy)});
    max_diff = std::max(max_diff, m.diff);
    EXPECT_LE(std::abs(m.dx), 1) << p.what << " at (" << x << ", " << y << ")";
    EXPECT_LE(std::abs(m.dy), 1) << p.what << " at (" << x << ", " << y << ")";
    EXPECT_LT(m.diff, 12.0) << p.what << " at (" << x << ", " << y << ")";
    EXPECT_GT(patch_spread(win, x, y, p.r), 40.0) << p.what << ": nothing drawn in the window";
    EXPECT_GT(patch_spread(exp, x, y, p.r), 40.0) << p.what << ": nothing drawn in the export";
  }
  EXPECT_GE(compared, 15);
  std::printf(
      "fidelity: %d region samples, %d feature patches, largest shift %d px, largest mean "
      "difference %.1f\n",
      regions, compared, max_shift, max_diff);
}

// Confidence and score shading: the window's shader and the export's image of the same field.
TEST_F(Fidelity, SmoothShadingsEqualTheWindowsShader) {
  for (const auto& [mode, k] :
       {std::pair{figure::RegionMode::Confidence, 0}, std::pair{figure::RegionMode::Score, 1}}) {
    st_.options.regions = mode;
    st_.options.score_class = k;
    const Image win = render_window_canvas();
    const Image exp = export_canvas();
    OverlayState o;
    o.style = st_.options.style();
    o.anchors = canvas_.anchors();
    EXPECT_GT(expect_same_regions(win, exp, describe_window_canvas(st_, o, fonts_), 4), 150)
        << "mode " << static_cast<int>(mode);
  }
}

// Pixels of `img` within `tol` of colour c.
int count_colour(const Image& img, palette::Rgb c, int tol) {
  int n = 0;
  for (int j = 0; j < img.h; ++j)
    for (int i = 0; i < img.w; ++i) n += distance(img.at(i, j), c) <= tol;
  return n;
}

TEST_F(Fidelity, LossPlotShowsTheSameSeriesInTheSameColours) {
  for (int i = 0; i < 60; ++i) st_.trainer.step(st_.doc);
  st_.refresh();
  // The window's plot panel, offscreen, filling the framebuffer (no padding): the export of
  // the same size is then the same figure at the same origin.
  figure::PlotLayout layout;
  for (int frame = 0; frame < 2; ++frame) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("plot", nullptr, ImGuiWindowFlags_NoDecoration);
    panel_plot(st_, fonts_, static_cast<float>(kH));
    // The layout the panel drew (its description, text measured with ImGui's font).
    std::vector<long> steps;
    std::vector<LossRecord> records;
    for (const LossPoint& p : st_.trainer.curve())
      steps.push_back(p.step), records.push_back(p.record);
    layout = widgets::figure_layout(figure::describe_loss_plot(steps, records, st_.options.style()),
                                    ImVec2(kW, kH), st_.options.style());
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::Render();
    glViewport(0, 0, kW, kH);
    glClearColor(1, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  Image win;
  win.w = kW;
  win.h = kH;
  win.px = fb_->read();
  ExportRequest req;
  req.target = ExportTarget::LossPlot;
  req.scale = 1.0;
  const ExportJob job = prepare_export(st_, req, kW, kH);
  const Image exp = decode_png(exporter::render_figure(job.data, job.options, job.format));
  ASSERT_EQ(exp.w, kW);
  ASSERT_EQ(exp.h, kH);
  keep(win, "plot_window.png");
  keep(exp, "plot_export.png");

  const std::vector<figure::PlotSeries> series =
      figure::describe_loss_plot({}, {LossRecord{}}, st_.options.style()).series;
  ASSERT_EQ(series.size(), 4u);
  const char* names[] = {"total loss", "data loss", "regularization", "accuracy"};
  for (std::size_t k = 0; k < series.size(); ++k) {
    EXPECT_EQ(series[k].name, names[k]);
    // Each series is drawn in its colour in both (a curve of at least ~100 pixels).
    EXPECT_GT(count_colour(win, series[k].color, 12), 100) << series[k].name << " in the window";
    EXPECT_GT(count_colour(exp, series[k].color, 12), 100) << series[k].name << " in the export";
  }
  EXPECT_TRUE(series[3].right_axis);

  // Tick labels, tick marks and the frame: each local patch lines up within 1 px.
  struct Probe {
    std::string what;
    double x, y;
    int r;
  };
  std::vector<Probe> probes;
  int labels = 0;
  for (const auto* ticks : {&layout.x_ticks, &layout.y_ticks, &layout.y2_ticks})
    for (const figure::PlotTick& t : *ticks) {
      const figure::Text& l = t.label;
      const double w =
          fonts_.regular->CalcTextSizeA(static_cast<float>(l.size), FLT_MAX, 0.0f, l.text.c_str())
              .x;
      probes.push_back({"tick label " + l.text, l.top_left.x() + 0.5 * w,
                        l.top_left.y() + 0.5 * l.size,
                        static_cast<int>(std::ceil(0.5 * std::max(w, l.size))) + 2});
      ++labels;
    }
  for (const figure::PlotTick& t : layout.x_ticks)
    probes.push_back({"x tick mark", t.at, layout.bottom + 2, 5});
  // The frame's corners, and a point on each edge clear of the curves (whose antialiasing and
  // dashes are not what this compares): no series vertex within 20 px.
  const figure::PlotFigure fig = figure::describe_loss_plot(
      [&] {
        std::vector<long> v;
        for (const LossPoint& p : st_.trainer.curve()) v.push_back(p.step);
        return v;
      }(),
      [&] {
        std::vector<LossRecord> v;
        for (const LossPoint& p : st_.trainer.curve()) v.push_back(p.record);
        return v;
      }(),
      st_.options.style());
  auto clear_of_series = [&](double x, double y) {
    for (const figure::PlotSeries& s : fig.series)
      for (std::size_t i = 0; i < s.x.size(); ++i)
        if (std::hypot(layout.px_x(s.x[i]) - x, layout.px_y(s.y[i], s.right_axis) - y) < 20.0)
          return false;
    return true;
  };
  auto edge_probe = [&](const std::string& what, double x0, double y0, double x1, double y1) {
    for (double t = 0.1; t < 0.95; t += 0.05) {
      const double x = x0 + t * (x1 - x0), y = y0 + t * (y1 - y0);
      if (clear_of_series(x, y)) {
        probes.push_back({what, x, y, 6});
        return;
      }
    }
    ADD_FAILURE() << what << ": no point clear of the curves";
  };
  probes.push_back({"frame top-left", layout.left, layout.top, 6});
  probes.push_back({"frame bottom-right", layout.right - 1, layout.bottom - 1, 6});
  edge_probe("frame left edge", layout.left, layout.top, layout.left, layout.bottom - 1);
  edge_probe("frame right edge", layout.right - 1, layout.top, layout.right - 1, layout.bottom - 1);
  edge_probe("frame top edge", layout.left, layout.top, layout.right - 1, layout.top);
  edge_probe("frame bottom edge", layout.left, layout.bottom - 1, layout.right - 1,
             layout.bottom - 1);
  EXPECT_GE(labels, 8);
  int max_shift = 0;
  for (const Probe& p : probes) {
    const int x = static_cast<int>(std::lround(p.x)), y = static_cast<int>(std::lround(p.y));
    ASSERT_TRUE(x >= p.r && y >= p.r && x < kW - p.r && y < kH - p.r) << p.what;
    const Match m = best_shift(win, exp, x, y, p.r);
    max_shift = std::max({max_shift, std::abs(m.dx), std::abs(m.dy)});
    EXPECT_LE(std::abs(m.dx), 1) << p.what << " at (" << x << ", " << y << ")";
    EXPECT_LE(std::abs(m.dy), 1) << p.what << " at (" << x << ", " << y << ")";
    EXPECT_LT(m.diff, 12.0) << p.what << " at (" << x << ", " << y << ")";
    EXPECT_GT(patch_spread(win, x, y, p.r), 40.0) << p.what << ": nothing drawn in the window";
    EXPECT_GT(patch_spread(exp, x, y, p.r), 40.0) << p.what << ": nothing drawn in the export";
  }
  std::printf("loss plot fidelity: %zu patches (%d tick labels), largest shift %d px\n",
              probes.size(), labels, max_shift);
}

}  // namespace
}  // namespace ll::gui
