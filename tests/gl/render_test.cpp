// Offscreen render test through EGL surfaceless (no X): the canvas shaders must paint every pixel
// with the colour of the class core's argmax picks there, and confidence shading must lighten
// toward the boundaries. With CI=true, a missing GL context fails instead of skipping.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "app/gl/canvas_renderer.h"
#include "app/gl/egl_context.h"
#include "core/losses.h"
#include "tests/gl/gl_context.h"

namespace ll::gui {
namespace {

constexpr int kSize = 400;
constexpr double kWpp = 2.0 / kSize;  // world [-1, 1]^2

struct Rgb {
  int r, g, b;
};

class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ctx_ = test::make_gl_context();
    if (!ctx_) return;
    std::string err;
    fb_ = std::make_unique<Framebuffer>(kSize, kSize);
    ASSERT_TRUE(renderer_.init(&err)) << err;
  }

  CanvasFrame frame(RegionMode mode) const {
    ViewTransform v;
    v.set_rect(0, 0, kSize, kSize);
    CanvasFrame f = make_canvas_frame(v, 1.0, kSize);
    f.mode = mode;
    f.grid_step = 0.0;
    return f;
  }

  void render(const Scene& s, RegionMode mode, bool points = false) {
    const CanvasFrame f = frame(mode);
    renderer_.draw(f, s.params,
                   points ? point_instances(s, evaluate(s.points, s.params, s.loss))
                          : std::vector<PointInstance>{},
                   {++key_, key_});
    pixels_ = fb_->read();
  }

  // Colour of the pixel whose centre is nearest to world point (x, y).
  Rgb at(double x, double y) const {
    const int px = std::clamp(static_cast<int>(std::floor((x + 1.0) / kWpp)), 0, kSize - 1);
    const int py = std::clamp(static_cast<int>(std::floor((1.0 - y) / kWpp)), 0, kSize - 1);
    const unsigned char* p = &pixels_[(static_cast<std::size_t>(py) * kSize + px) * 4];
    return {p[0], p[1], p[2]};
  }
  // World coordinates of that pixel's centre (where the shader evaluated the scores).
  static double snap(double v, bool is_y) {
    const int i =
        std::clamp(static_cast<int>(std::floor(((is_y ? -v : v) + 1.0) / kWpp)), 0, kSize - 1);
    const double c = -1.0 + (i + 0.5) * kWpp;
    return is_y ? -c : c;
  }

  std::unique_ptr<EglContext> ctx_;
  std::unique_ptr<Framebuffer> fb_;
  std::uint64_t key_ = 0;  // a new point key per draw: nothing comes from the cache
  CanvasRenderer renderer_;
  std::vector<unsigned char> pixels_;
};

// Distance in pixels from x to the nearest decision boundary next to the argmax class.
double boundary_px(const Params& p, double x, double y) {
  double s[kMaxClasses];
  point_scores(p, {x, y, 0}, s);
  const int K = p.classes(), best = argmax(s, K);
  double d = HUGE_VAL;
  for (int k = 0; k < K; ++k) {
    if (k == best) continue;
    const double gx = p.W(best, 0) - p.W(k, 0), gy = p.W(best, 1) - p.W(k, 1);
    d = std::min(d, (s[best] - s[k]) / std::hypot(gx, gy) / kWpp);
  }
  return d;
}

TEST(CanvasFrame, MapsTheViewToTheViewport) {
  ViewTransform v;
  v.set_rect(100, 50, 400, 300);  // in an 800 x 600 window
  const CanvasFrame f = make_canvas_frame(v, 1.0, 600);
  EXPECT_EQ(f.fb_x, 100);
  EXPECT_EQ(f.fb_y, 250);  // y up: 600 - (50 + 300)
  EXPECT_EQ(f.fb_w, 400);
  EXPECT_EQ(f.fb_h, 300);
  EXPECT_DOUBLE_EQ(f.world_per_px, 1.0 / 150.0);
  EXPECT_NEAR(f.world_x0, -200.0 / 150.0, 1e-12);
  EXPECT_NEAR(f.world_y0, -1.0, 1e-12);
}

TEST(CanvasFrame, HiDpiFramebufferHasTwiceThePixels) {
  ViewTransform v;
  v.set_rect(100, 50, 400, 300);  // window pixels, in an 800 x 600 window
  const CanvasFrame f = make_canvas_frame(v, 2.0, 1200);
  EXPECT_EQ(f.fb_x, 200);
  EXPECT_EQ(f.fb_y, 500);  // 1200 - 2 * (50 + 300)
  EXPECT_EQ(f.fb_w, 800);
  EXPECT_EQ(f.fb_h, 600);
  EXPECT_DOUBLE_EQ(f.world_per_px, 1.0 / 300.0);  // same world, twice the pixels
  EXPECT_NEAR(f.world_x0, -200.0 / 150.0, 1e-12);
  EXPECT_NEAR(f.world_y0, -1.0, 1e-12);
}

TEST_F(RenderTest, ArgmaxRegionsMatchCore) {
  const Scene s = default_scene();
  render(s, RegionMode::Argmax);
  int checked = 0;
  for (int i = 0; i < 25; ++i) {
    for (int j = 0; j < 25; ++j) {
      const double x = snap(-0.96 + 0.08 * i, false), y = snap(-0.96 + 0.08 * j, true);
      if (std::abs(x) < 4 * kWpp || std::abs(y) < 4 * kWpp) continue;  // axes
      if (boundary_px(s.params, x, y) < 2.0) continue;                 // on a boundary
      double sc[kMaxClasses];
      point_scores(s.params, {x, y, 0}, sc);
      const Rgb8 want = Style{}.classes(argmax(sc, 3)).region;
      const Rgb got = at(x, y);
      ASSERT_NEAR(got.r, want.r, 1) << "at (" << x << ", " << y << ")";
      ASSERT_NEAR(got.g, want.g, 1) << "at (" << x << ", " << y << ")";
      ASSERT_NEAR(got.b, want.b, 1) << "at (" << x << ", " << y << ")";
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

TEST_F(RenderTest, ArgmaxIsExactForEightAndTenClassesWhenZoomedOut) {
  for (const int K : {8, kMaxClasses}) {
    Scene s = default_scene();
    s.params = default_params(K);
    for (int k = 0; k < K; ++k) s.params.b(k) = 0.1 * k - 0.3;
    render(s, RegionMode::Argmax);
    int checked = 0, seen[kMaxClasses] = {};
    for (int i = 0; i < 20; ++i) {
      for (int j = 0; j < 20; ++j) {
        const double x = snap(-0.95 + 0.1 * i, false), y = snap(-0.95 + 0.1 * j, true);
        if (std::abs(x) < 4 * kWpp || std::abs(y) < 4 * kWpp) continue;
        if (boundary_px(s.params, x, y) < 2.0) continue;
        double sc[kMaxClasses];
        point_scores(s.params, {x, y, 0}, sc);
        const int k = argmax(sc, K);
        const Rgb8 want = Style{}.classes(k).region;
        const Rgb got = at(x, y);
        ASSERT_NEAR(got.r, want.r, 1) << "K = " << K;
        ASSERT_NEAR(got.g, want.g, 1) << "K = " << K;
        ASSERT_NEAR(got.b, want.b, 1) << "K = " << K;
        ++seen[k];
        ++checked;
      }
    }
    EXPECT_GT(checked, 250);
    int classes_seen = 0;
    for (int k = 0; k < K; ++k) classes_seen += seen[k] > 0;
    EXPECT_GE(classes_seen, K - 1) << "K = " << K;  // class 0's wedge is pushed out by its bias
  }
}

TEST_F(RenderTest, ConfidenceLightensTowardTheBoundary) {
  const Scene s = default_scene();
  render(s, RegionMode::Confidence);
  // Along a horizontal line through class 2's region toward the class 0/2 boundary.
  double lightest = -1, darkest = 1e9;
  for (int i = 0; i < 40; ++i) {
    const double x = snap(0.2 + 0.02 * i, false), y = snap(0.35, true);
    double sc[kMaxClasses], p[kMaxClasses];
    point_scores(s.params, {x, y, 0}, sc);
    softmax(sc, 3, p);
    const int best = argmax(sc, 3);
    const Rgb got = at(x, y);
    // The shader's rule, recomputed from core's probabilities.
    const double t = std::clamp((p[best] - 1.0 / 3.0) / (1.0 - 1.0 / 3.0), 0.0, 1.0);
    const ClassColors& c = Style{}.classes(best);
    auto expect = [&](int region, int line) {
      const double strong = region + (line - region) * 0.45;
      return 255.0 + (strong - 255.0) * t;
    };
    EXPECT_NEAR(got.r, expect(c.region.r, c.line.r), 2.0) << "x = " << x;
    EXPECT_NEAR(got.g, expect(c.region.g, c.line.g), 2.0) << "x = " << x;
    EXPECT_NEAR(got.b, expect(c.region.b, c.line.b), 2.0) << "x = " << x;
    const double bright = got.r + got.g + got.b;
    if (boundary_px(s.params, x, y) < 3.0) lightest = std::max(lightest, bright);
    darkest = std::min(darkest, bright);
  }
  ASSERT_GT(lightest, 0) << "the line crosses no boundary";
  EXPECT_GT(lightest, darkest + 60);
}

TEST_F(RenderTest, PointsAreMarkersInClassColoursWithNeutralLossRings) {
  const Scene s = default_scene();
  render(s, RegionMode::Argmax, true);
  // Point 2 (0.3, 0.8), class 0, classified correctly with L = 0: its class colour.
  const Rgb c = at(0.3, 0.8);
  const Rgb8 line0 = Style{}.class_line(0);
  EXPECT_NEAR(c.r, line0.r, 2);
  EXPECT_NEAR(c.g, line0.g, 2);
  EXPECT_NEAR(c.b, line0.b, 2);
  // Point 0 (0.5, 0.4) has L = 0.3 > 0 (hinge): a ring in the neutral loss colour, kRingGap
  // outside its radius.
  const double R = kPointRadius;
  const Rgb ring = at(0.5 + (R + figure::kRingGap) * kWpp, 0.4);
  const Rgb8 loss = figure::loss_color(Style{});
  EXPECT_NEAR(ring.r, loss.r, 25);
  EXPECT_NEAR(ring.g, loss.g, 25);
  EXPECT_NEAR(ring.b, loss.b, 25);
  // Between the marker (a disc: class 0) and the ring the region shows through.
  const Rgb gap = at(0.5 + (R + 2.0) * kWpp, 0.4);
  double sc[kMaxClasses];
  point_scores(s.params, {0.5 + (R + 2.0) * kWpp, 0.4, 0}, sc);
  const Rgb8 reg = Style{}.class_region(argmax(sc, 3));
  EXPECT_NEAR(gap.r, reg.r, 3);
  EXPECT_NEAR(gap.b, reg.b, 3);
}

TEST_F(RenderTest, CachedPointLayerMatchesDirectDrawing) {
  // Enough points for the cached layer; drawing twice (second time from the cache) and once
  // directly over the same regions must give the same pixels.
  Scene s = default_scene();
  s.points.clear();
  // 529 points on a lattice 16 px apart: no marker or loss ring reaches another's centre.
  for (int i = 0; i < 23; ++i)
    for (int j = 0; j < 23; ++j)
      s.points.push_back({-0.88 + 0.08 * i, -0.88 + 0.08 * j, (i + j) % 3});
  ASSERT_GE(s.points.size(), kCachedPoints);
  const Evaluation e = evaluate(s.points, s.params, s.loss);
  const std::vector<PointInstance> pts = point_instances(s, e);
  const CanvasFrame f = frame(RegionMode::Argmax);
  renderer_.draw_regions(f, s.params);
  renderer_.draw_points(f, pts, {1, 1});
  const std::vector<unsigned char> first = fb_->read();
  renderer_.draw_regions(f, s.params);
  renderer_.draw_points(f, pts, {1, 1});  // from the cache
  EXPECT_EQ(fb_->read(), first);
  // A point that moved (a new key) invalidates the cache.
  std::vector<PointInstance> moved = pts;
  moved[0].x += 0.2f;
  renderer_.draw_regions(f, s.params);
  renderer_.draw_points(f, moved, {2, 2});
  EXPECT_NE(fb_->read(), first);
  // Correctly classified points show their class colour at their centre.
  renderer_.draw_regions(f, s.params);
  renderer_.draw_points(f, pts, {3, 3});
  pixels_ = fb_->read();
  int covered = 0, plain = 0;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    if (e.predictions(static_cast<Eigen::Index>(i)) != s.points[i].label) continue;  // a cross
    ++plain;
    const Point& p = s.points[i];
    const Rgb c = at(p.x0, p.x1);
    const Rgb8 want = Style{}.classes(p.label).line;
    covered +=
        std::abs(c.r - want.r) <= 3 && std::abs(c.g - want.g) <= 3 && std::abs(c.b - want.b) <= 3;
  }
  ASSERT_GT(plain, 50);
  EXPECT_EQ(covered, plain);
}

TEST_F(RenderTest, GridAndAxesCoverEveryPixelOnceAsTheFormulaSays) {
  // Grid and axes are drawn on bands next to the lines only (line_bands.h): every pixel must
  // still get the coverage of the nearest grid line and axis (crossings once), per pixel
  // mix(mix(region, grid, g * 0.08), axis, a * 0.85) in the light theme.
  const Scene s = default_scene();
  CanvasFrame f = frame(RegionMode::Argmax);
  f.grid_step = 0.25;
  f.world_x0 += 0.3 * kWpp;  // lines off the pixel edges: centres at every distance from them
  f.world_y0 += 0.65 * kWpp;
  renderer_.draw_regions(f, s.params);
  pixels_ = fb_->read();
  const auto cover = [](double d, double hw) { return std::clamp(hw + 0.5 - d, 0.0, 1.0); };
  const auto grid_px = [&](double w) {
    const double q = w / f.grid_step;
    return std::abs(q - std::floor(q + 0.5)) * f.grid_step / kWpp;
  };
  int checked = 0, lined = 0;
  for (int row = 0; row < kSize; ++row) {
    for (int col = 0; col < kSize; ++col) {
      const double x = f.world_x0 + (col + 0.5) * kWpp;
      const double y = f.world_y0 + (kSize - row - 0.5) * kWpp;
      if (boundary_px(s.params, x, y) < 2.0) continue;  // the region colour is clear-cut
      double sc[kMaxClasses];
      point_scores(s.params, {x, y, 0}, sc);
      const palette::Rgb reg = Style{}.class_region(argmax(sc, s.params.classes()));
      const double g = std::max(cover(grid_px(x), 0.5), cover(grid_px(y), 0.5)) * 0.08;
      const double a =
          std::max(cover(std::abs(x) / kWpp, 0.75), cover(std::abs(y) / kWpp, 0.75)) * 0.85;
      lined += g > 0.0 || a > 0.0;
      const unsigned char* p = &pixels_[(static_cast<std::size_t>(row) * kSize + col) * 4];
      const int want[3] = {reg.r, reg.g, reg.b};
      for (int c = 0; c < 3; ++c) {
        const double v = (want[c] * (1.0 - g)) * (1.0 - a);  // grid and axis colour: black
        ASSERT_NEAR(p[c], v, 2.0) << col << ", " << row << " channel " << c;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, kSize * kSize * 9 / 10);
  EXPECT_GT(lined, 7 * 2 * kSize);  // 8 grid lines and the axes each way, 2 px wide or more
}

TEST_F(RenderTest, CachedLayerKeepsEverySpritesEdge) {
  // The cached layer composites only the tiles its sprites reach: drawn from it, 600 points
  // (spread over the view and its border, full-size markers and loss rings) must look as they
  // do drawn directly, in two batches below kCachedPoints, to the last pixel of every edge.
  Scene s = default_scene();
  s.points.clear();
  for (int i = 0; i < 600; ++i)
    s.points.push_back({-1.03 + 2.06 * ((i * 7919) % 600) / 600.0,
                        -1.03 + 2.06 * ((i * 104729) % 599) / 599.0, i % 3});
  const std::vector<PointInstance> pts = point_instances(s, evaluate(s.points, s.params, s.loss));
  ASSERT_GE(pts.size(), kCachedPoints);
  const CanvasFrame f = frame(RegionMode::Argmax);
  renderer_.draw_regions(f, s.params);
  renderer_.draw_points(f, pts, {1, 1});
  const std::vector<unsigned char> cached = fb_->read();
  renderer_.draw_regions(f, s.params);
  const std::vector<PointInstance> a(pts.begin(), pts.begin() + 300),
      b(pts.begin() + 300, pts.end());
  renderer_.draw_points(f, a, {2, 2});
  renderer_.draw_points(f, b, {3, 3});
  const std::vector<unsigned char> direct = fb_->read();
  ASSERT_EQ(cached.size(), direct.size());
  int worst = 0;
  for (std::size_t i = 0; i < cached.size(); ++i)
    worst = std::max(worst, std::abs(cached[i] - direct[i]));
  EXPECT_LE(worst, 2);                  // rounding of "over" through a premultiplied layer
  renderer_.draw_regions(f, s.params);  // and the points are there: many pixels differ
  const std::vector<unsigned char> bare = fb_->read();
  std::size_t covered = 0;
  for (std::size_t i = 0; i < bare.size(); i += 4) covered += bare[i] != cached[i];
  EXPECT_GT(covered, 600u * 20u);
}

}  // namespace
}  // namespace ll::gui

namespace ll::gui {
namespace {

// Zoomed in to a view 2e-9 wide across the class 0 / class 1 boundary: float world coordinates
// cannot tell these pixels apart, so the renderer's double-precision vertex scores must.
TEST_F(RenderTest, ArgmaxStaysExactAtExtremeZoom) {
  const Scene s = default_scene();  // s_0 = s_1 on -x + 6y = 0.5, e.g. at (0.1, 0.1)
  CanvasFrame f = frame(RegionMode::Argmax);
  const double half = 1e-9, wpp = 2 * half / kSize;
  f.world_per_px = wpp;
  f.world_x0 = 0.1 - half;
  f.world_y0 = 0.1 - half;
  renderer_.draw_regions(f, s.params);
  pixels_ = fb_->read();
  int seen[3] = {}, checked = 0;
  for (int r = 5; r < kSize; r += 10) {
    for (int c = 5; c < kSize; c += 10) {
      const double x = f.world_x0 + (c + 0.5) * wpp, y = f.world_y0 + (kSize - r - 0.5) * wpp;
      double sc[kMaxClasses];
      point_scores(s.params, {x, y, 0}, sc);
      // Distance to the boundary in pixels: |s_0 - s_1| / |W_0 - W_1| / wpp, |W_0 - W_1| = sqrt(37)
      if (std::abs(sc[0] - sc[1]) / std::sqrt(37.0) / wpp < 2.0) continue;
      const int k = argmax(sc, 3);
      const Rgb8 want = Style{}.classes(k).region;
      const unsigned char* p = &pixels_[(static_cast<std::size_t>(r) * kSize + c) * 4];
      ASSERT_NEAR(p[0], want.r, 1) << "pixel " << c << "," << r;
      ASSERT_NEAR(p[1], want.g, 1) << "pixel " << c << "," << r;
      ASSERT_NEAR(p[2], want.b, 1) << "pixel " << c << "," << r;
      ++seen[k];
      ++checked;
    }
  }
  EXPECT_GT(seen[0], 100);  // both sides of the boundary are in view
  EXPECT_GT(seen[1], 100);
  EXPECT_GT(checked, 1000);
}

// While training the argmax regions are flat polygons from core/regions (the per-pixel pass only
// when they are cached): every pixel must have the per-pixel pass's colour to 1/255 except
// within a pixel of a boundary, with grid and axes composited over both, for 3, 5 and 10
// classes, at extreme zoom, and through the Auto path after a run of training-like frames
// (repainted piece by piece: no pixel may keep an old class).
TEST_F(RenderTest, PolygonRegionsMatchThePerPixelPass) {
  struct Case {
    Params p;
    double x0, y0, wpp;
  };
  std::vector<Case> cases;
  cases.push_back({default_scene().params, -1.0 + 0.3 * kWpp, -1.0 + 0.65 * kWpp, kWpp});
  for (const int K : {5, kMaxClasses}) {
    Params p = default_params(K);
    for (int k = 0; k < K; ++k) {  // fixed, uneven weights: regions of every size and angle
      p.W(k, 0) = std::cos(2.4 * k) * (1.0 + 0.3 * k);
      p.W(k, 1) = std::sin(2.4 * k) * (1.5 - 0.1 * k);
      p.b(k) = 0.2 * std::sin(1.7 * k);
    }
    cases.push_back({p, -1.0, -1.0, kWpp});
  }
  const double half = 1e-9;  // across the class 0 / class 1 boundary (ArgmaxStaysExact...)
  cases.push_back({default_scene().params, 0.1 - half, 0.1 - half, 2 * half / kSize});
  int near_checked = 0;
  for (std::size_t ci = 0; ci < cases.size(); ++ci) {
    const Case& c = cases[ci];
    CanvasFrame f = frame(RegionMode::Argmax);
    f.world_x0 = c.x0;
    f.world_y0 = c.y0;
    f.world_per_px = c.wpp;
    f.grid_step = c.wpp == kWpp ? 0.25 : 0.0;
    renderer_.set_region_path(CanvasRenderer::RegionPath::PerPixel);
    renderer_.draw(f, c.p, {}, {});
    const std::vector<unsigned char> per_pixel = fb_->read();
    std::vector<unsigned char> poly;
    if (ci == 0) {
      // Auto, as while training: 40 moving frames (small steps and jumps), the first as
      // polygons, each later one repainting only what its step changed (draw_patches).
      renderer_.set_region_path(CanvasRenderer::RegionPath::Auto);
      for (int t = 40; t >= 0; --t) {
        Params q = c.p;
        const double a = 0.01 * t + (t % 7 == 3 ? 0.4 : 0.0);
        for (int k = 0; k < q.classes(); ++k) {
          const double r = a * (0.5 + 0.5 * k), w0 = q.W(k, 0), w1 = q.W(k, 1);
          q.W(k, 0) = std::cos(r) * w0 - std::sin(r) * w1;
          q.W(k, 1) = std::sin(r) * w0 + std::cos(r) * w1;
          q.b(k) += 0.02 * t * (k - 1);
        }
        renderer_.draw(f, q, {}, {});  // t = 0: c.p itself
      }
    } else {
      renderer_.set_region_path(CanvasRenderer::RegionPath::Polygons);
      renderer_.draw(f, c.p, {}, {});
    }
    poly = fb_->read();
    const int K = c.p.classes();
    int seen_classes = 0, checked = 0;
    bool seen[kMaxClasses] = {};
    for (int row = 0; row < kSize; ++row) {
      for (int col = 0; col < kSize; ++col) {
        const double x = c.x0 + (col + 0.5) * c.wpp, y = c.y0 + (kSize - row - 0.5) * c.wpp;
        double sc[kMaxClasses];
        point_scores(c.p, {x, y, 0}, sc);
        const int best = argmax(sc, K);
        double d = HUGE_VAL;  // pixels to the nearest boundary of the winning class
        for (int k = 0; k < K; ++k)
          if (k != best)
            d = std::min(
                d, (sc[best] - sc[k]) /
                       std::hypot(c.p.W(best, 0) - c.p.W(k, 0), c.p.W(best, 1) - c.p.W(k, 1)) /
                       c.wpp);
        const std::size_t i = (static_cast<std::size_t>(row) * kSize + col) * 4;
        int diff = 0;
        for (int ch = 0; ch < 3; ++ch)
          diff = std::max(diff, std::abs(per_pixel[i + ch] - poly[i + ch]));
        if (d >= 1.0) {
          ASSERT_LE(diff, 1) << "case " << ci << " pixel " << col << "," << row << " " << d
                             << " px from a boundary";
          ++checked;
          if (!seen[best]) ++seen_classes;
          seen[best] = true;
        } else {
          ++near_checked;
        }
      }
    }
    EXPECT_GT(checked, kSize * kSize * 8 / 10) << "case " << ci;
    EXPECT_GE(seen_classes, c.wpp == kWpp ? 3 : 2) << "case " << ci;
  }
  EXPECT_GT(near_checked, 4 * kSize);  // boundaries crossed the views
}

// draw() composites grid, axes and the cached points in the regions pass and, idle, copies the
// lot from one cached layer: the same pixels as the regions and lines with the points layer
// composited over them (draw_regions then draw_points), to rounding, with full-size markers
// (600 points) and with compact discs and their misclassified outlines (3,000).
TEST_F(RenderTest, OnePassDrawMatchesTheLayers) {
  for (const int n : {600, 3000}) {
    Scene s = default_scene();
    s.points.clear();
    for (int i = 0; i < n; ++i)
      s.points.push_back({-1.03 + 2.06 * ((i * 7919) % n) / n,
                          -1.03 + 2.06 * ((i * 104729) % (n - 1)) / (n - 1), i % 3});
    const std::vector<PointInstance> pts = point_instances(s, evaluate(s.points, s.params, s.loss));
    std::size_t wrong = 0;
    for (const PointInstance& p : pts) wrong += (static_cast<int>(p.flags) & kPointWrong) != 0;
    ASSERT_GT(wrong, 50u);
    CanvasFrame f = frame(RegionMode::Argmax);
    f.grid_step = 0.25;
    renderer_.set_region_path(CanvasRenderer::RegionPath::Auto);
    renderer_.draw(f, s.params, pts, {++key_, key_});
    const std::vector<unsigned char> one = fb_->read();
    renderer_.draw(f, s.params, pts, {key_, key_});  // idle: the cached layer
    EXPECT_EQ(fb_->read(), one);
    CanvasRenderer layered;
    std::string err;
    ASSERT_TRUE(layered.init(&err)) << err;
    layered.draw_regions(f, s.params);
    const std::vector<unsigned char> bare = fb_->read();
    layered.draw_points(f, pts, {1, 1});
    const std::vector<unsigned char> want = fb_->read();
    int worst = 0;
    std::size_t covered = 0;
    for (std::size_t i = 0; i < one.size(); ++i) {
      worst = std::max(worst, std::abs(one[i] - want[i]));
      covered += i % 4 == 0 && bare[i] != one[i];
    }
    EXPECT_LE(worst, 2) << n << " points";  // "over" through a premultiplied layer
    EXPECT_GT(covered, static_cast<std::size_t>(n) * 5) << n << " points";  // they are there
  }
}

// A training step changes the look of a few points (a hinge loss's ring appears as a point
// crosses a margin): the overlay repaints the tiles those sprites reach, with every point that
// reaches them, and the picture equals a full redraw pixel for pixel (per-pixel regions; with
// the argmax regions as polygons, where a step repaints only the pixels it changed, to 1/255
// away from the boundaries).
TEST_F(RenderTest, AStepRepaintsOnlyThePointsWhoseLookChanged) {
  Scene s = default_scene();
  s.points.clear();
  const int n = 600;
  for (int i = 0; i < n; ++i)
    s.points.push_back({-1.03 + 2.06 * ((i * 7919) % n) / n,
                        -1.03 + 2.06 * ((i * 104729) % (n - 1)) / (n - 1), i % 3});
  CanvasFrame f = frame(RegionMode::Argmax);
  f.grid_step = 0.25;
  for (const auto path : {CanvasRenderer::RegionPath::PerPixel, CanvasRenderer::RegionPath::Auto}) {
    const bool exact = path == CanvasRenderer::RegionPath::PerPixel;
    CanvasRenderer stepped, full;
    std::string err;
    ASSERT_TRUE(stepped.init(&err) && full.init(&err)) << err;
    stepped.set_region_path(path);
    full.set_region_path(CanvasRenderer::RegionPath::PerPixel);
    std::vector<PointInstance> before;
    std::uint64_t serial = 0, full_key = 100;
    int partial_steps = 0;
    for (int t = 0; t < 16; ++t) {
      Params p = s.params;
      p.b(0) += 0.02 * t;  // small steps: a few points cross a margin each time
      p.W(1, 1) -= 0.03 * t;
      const std::vector<PointInstance> pts = point_instances(s, evaluate(s.points, p, s.loss));
      int changed = 0;
      for (std::size_t i = 0; t > 0 && i < pts.size(); ++i)
        changed += pts[i].loss != before[i].loss || pts[i].flags != before[i].flags;
      before = pts;
      if (t == 0 || changed > 0) ++serial;  // as the window keys the look (look_digest)
      const CanvasRenderer::Counters c0 = stepped.counters();
      stepped.draw(f, p, pts, {1, serial});
      const std::vector<unsigned char> got = fb_->read();
      const CanvasRenderer::Counters c1 = stepped.counters();
      if (c1.overlay_partial > c0.overlay_partial) {
        ++partial_steps;
        EXPECT_GT(changed, 0) << "step " << t;
        EXPECT_EQ(c1.overlay_full, c0.overlay_full) << "step " << t;
        // The changed points and their neighbours (drawn once per tile rectangle they reach).
        EXPECT_LT(c1.sprites - c0.sprites, static_cast<std::uint64_t>(n / 2)) << "step " << t;
      }
      full.draw(f, p, pts, {++full_key, 1});  // new points key: drawn from nothing
      const std::vector<unsigned char> want = fb_->read();
      for (int row = 0; row < kSize; ++row)
        for (int col = 0; col < kSize; ++col) {
          const std::size_t i = (static_cast<std::size_t>(row) * kSize + col) * 4;
          int diff = 0;
          for (int ch = 0; ch < 4; ++ch)
            diff = std::max(diff, std::abs(got[i + ch] - want[i + ch]));
          if (exact) {
            ASSERT_EQ(diff, 0) << "step " << t << " pixel " << col << "," << row;
          } else if (boundary_px(p, -1.0 + (col + 0.5) * kWpp, 1.0 - (row + 0.5) * kWpp) >= 1.0) {
            ASSERT_LE(diff, 1) << "step " << t << " pixel " << col << "," << row;
          }
        }
    }
    EXPECT_GE(partial_steps, 5) << (exact ? "per pixel" : "auto");
  }
}

}  // namespace
}  // namespace ll::gui
