// PNG export through the library: size, region colours at world points (argmax from core),
// point colours, scale invariance (2x = 1x downsampled), transparency and the smooth shadings;
// the window's background export job (written, cancelled, failed).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <functional>

#include "app/export/export.h"
#include "app/export/point_density.h"
#include "core/datasets.h"
#include "core/losses.h"
#include "tests/export/test_util.h"

namespace ll::exporter {
namespace {

using test::Image;

Image render_png(const FigureData& data, const FigureOptions& opt) {
  return test::decode_png(render_figure(data, opt, Format::Png));
}

FigureData default_data() { return FigureData{default_scene(), {}}; }

int core_argmax(const Params& p, double x0, double x1) {
  double s[kMaxClasses];
  point_scores(p, Point{x0, x1, 0}, s);
  return argmax(s, p.classes());
}

// World points inside the regions, away from lines, grid lines (every 0.2 or 0.5), arrows,
// points, axes, labels and legend of the default scene (checked by eye on the 800 x 800 render).
const double kProbes[][2] = {{-0.75, 0.85}, {0.25, 0.85}, {-0.85, -0.85},
                             {0.75, -0.95}, {0.95, 0.25}, {-0.55, -0.35}};

// Where a point's marker shows its class colour: beside the centre (misclassified points have a
// cross through it), inside the outline band. Figure units.
struct Vec2 {
  double x, y;
};
double fill_offset(std::size_t points, const Style& style) {
  const figure::PointLook look = figure::point_look(points, style);
  return look.compact ? 0.0 : 0.4 * look.radius;
}

void expect_region_and_point_colors(const Image& img, const FigureOptions& opt) {
  const Scene scene = default_scene();
  const CanvasTransform t = canvas_transform(scene, opt.width, opt.height);
  auto pixel = [&](double x0, double x1) {
    const int x = static_cast<int>(std::floor(t.to_x(x0) * opt.scale));
    const int y = static_cast<int>(std::floor(t.to_y(x1) * opt.scale));
    return img.rgb(x, y);
  };
  std::vector<int> seen(3, 0);
  for (const auto& w : kProbes) {
    const int k = core_argmax(scene.params, w[0], w[1]);
    ++seen[static_cast<std::size_t>(k)];
    EXPECT_LE(test::color_distance(pixel(w[0], w[1]), opt.style.class_region(k)), 2)
        << "world (" << w[0] << ", " << w[1] << ") should show the region of class " << k;
  }
  for (int k = 0; k < 3; ++k)
    EXPECT_GT(seen[static_cast<std::size_t>(k)], 0) << "probe class " << k;
  const double d = fill_offset(scene.points.size(), opt.style) / t.scale;
  for (const Point& p : scene.points) {
    int best = 1000;  // up, down, left or right of the centre: inside every shape, off the cross
    for (const auto& o : {Vec2{d, 0}, Vec2{-d, 0}, Vec2{0, d}, Vec2{0, -d}})
      best = std::min(
          best, test::color_distance(pixel(p.x0 + o.x, p.x1 + o.y), opt.style.class_line(p.label)));
    EXPECT_LE(best, 2) << "point (" << p.x0 << ", " << p.x1 << ") of class " << p.label;
  }
}

TEST(PngExport, DefaultScene800) {
  FigureOptions opt;
  const Image img = render_png(default_data(), opt);
  ASSERT_EQ(img.width, 800);
  ASSERT_EQ(img.height, 800);
  expect_region_and_point_colors(img, opt);
  EXPECT_EQ(img.alpha(0, 0), 255);
}

TEST(PngExport, DefaultSceneAtScale4) {
  FigureOptions opt;
  opt.scale = 4.0;
  const Image img = render_png(default_data(), opt);
  ASSERT_EQ(img.width, 3200);
  ASSERT_EQ(img.height, 3200);
  expect_region_and_point_colors(img, opt);
}

TEST(PngExport, NonSquareAndDarkTheme) {
  FigureOptions opt;
  opt.width = 1200;
  opt.height = 500;
  opt.style.theme = palette::Theme::Dark;
  const Image img = render_png(default_data(), opt);
  ASSERT_EQ(img.width, 1200);
  ASSERT_EQ(img.height, 500);
  // The whole [-1, 1]^2 square stays visible; the wider side shows more.
  const CanvasTransform t = canvas_transform(default_scene(), opt.width, opt.height);
  EXPECT_LE(t.world.y_min, -1.0);
  EXPECT_GT(t.world.x_max, 2.0);
  expect_region_and_point_colors(img, opt);
}

struct Difference {
  double mean = 0.0;    // mean absolute difference over all channels (0..255)
  double strong = 0.0;  // fraction of pixels with some channel off by more than 48
};

// Compares a 1x image with a 2x image box-filtered down to 1x (premultiplied ARGB).
Difference compare_downsampled(const Image& small, const Image& big) {
  Difference d;
  std::size_t strong = 0;
  for (int y = 0; y < small.height; ++y) {
    for (int x = 0; x < small.width; ++x) {
      double worst = 0.0;
      for (int c = 0; c < 4; ++c) {
        double sum = 0.0;
        for (int dy = 0; dy < 2; ++dy)
          for (int dx = 0; dx < 2; ++dx) sum += (big.at(2 * x + dx, 2 * y + dy) >> (8 * c)) & 0xFF;
        const double diff = std::abs(sum / 4.0 - ((small.at(x, y) >> (8 * c)) & 0xFF));
        d.mean += diff;
        worst = std::max(worst, diff);
      }
      strong += worst > 48.0;
    }
  }
  const double n = static_cast<double>(small.width) * small.height;
  d.mean /= 4.0 * n;
  d.strong = static_cast<double>(strong) / n;
  return d;
}

// Same geometry, only sharper. Without text the two agree almost exactly (measured: no pixel
// off by more than 48); glyphs are rasterised afresh at each size, so with labels a few more
// pixels differ (measured: 0.2-0.7% at 400 x 400).
constexpr double kGeometryMean = 0.1, kGeometryStrong = 0.0005;
constexpr double kLabelledMean = 1.0, kLabelledStrong = 0.01;

Difference render_and_compare(FigureOptions opt, const FigureData& one, const FigureData& two) {
  const Image a = render_png(one, opt);
  opt.scale = 2.0;
  const Image b = render_png(two, opt);
  EXPECT_EQ(b.width, 2 * a.width);
  EXPECT_EQ(b.height, 2 * a.height);
  return compare_downsampled(a, b);
}

TEST(PngExport, Scale2MatchesScale1Downsampled) {
  FigureData data = default_data();
  Scene s = default_scene();
  data.history = train(s, 60).history;
  for (View view : {View::Canvas, View::LossPlot, View::Curves}) {
    FigureOptions opt;
    opt.width = opt.height = 400;
    opt.view = view;
    Difference d = render_and_compare(opt, data, data);
    EXPECT_LT(d.mean, kLabelledMean) << "view " << static_cast<int>(view);
    EXPECT_LT(d.strong, kLabelledStrong) << "view " << static_cast<int>(view);
    opt.axes = opt.legend = false;
    d = render_and_compare(opt, data, data);
    EXPECT_LT(d.mean, kGeometryMean) << "view " << static_cast<int>(view) << " without labels";
    EXPECT_LT(d.strong, kGeometryStrong) << "view " << static_cast<int>(view) << " without labels";
  }
}

TEST(PngExport, Scale2ComparisonDetectsMovedGeometry) {
  // The bounds above can fail: moving one class line by about 2.4 pixels breaks them.
  FigureOptions opt;
  opt.width = opt.height = 400;
  FigureData moved = default_data();
  moved.scene.params.b(0) += 0.03;
  EXPECT_GT(render_and_compare(opt, default_data(), moved).strong, kLabelledStrong);
  opt.axes = opt.legend = false;
  EXPECT_GT(render_and_compare(opt, default_data(), moved).strong, 10 * kGeometryStrong);
}

TEST(PngExport, TransparentBackground) {
  FigureOptions opt;
  opt.view = View::Curves;
  opt.width = opt.height = 300;
  opt.transparent = true;
  EXPECT_EQ(render_png(default_data(), opt).alpha(1, 1), 0);
  opt.transparent = false;
  const Image opaque = render_png(default_data(), opt);
  EXPECT_EQ(opaque.alpha(1, 1), 255);
  EXPECT_EQ(opaque.rgb(1, 1), palette::theme_colors(palette::Theme::Light).background);
}

TEST(PngExport, ConfidenceShadingFollowsTheArgmax) {
  FigureOptions opt;
  opt.regions = Shading::Confidence;
  const Image img = render_png(default_data(), opt);
  const Scene scene = default_scene();
  const CanvasTransform t = canvas_transform(scene, opt.width, opt.height);
  for (const auto& w : kProbes) {
    const int k = core_argmax(scene.params, w[0], w[1]);
    const palette::Rgb c = img.rgb(static_cast<int>(t.to_x(w[0])), static_cast<int>(t.to_y(w[1])));
    // The shader's rule (figure::region_color): the background tinted toward the winning
    // class's strong colour, so it differs from the tint any other class would give.
    const palette::Rgb want = figure::region_color(scene.params, opt, Style{}, {w[0], w[1]});
    EXPECT_LE(test::color_distance(c, want), 2) << "world (" << w[0] << ", " << w[1] << ")";
    EXPECT_NE(want, Style{}.colors().background);
    Params other = scene.params;  // the same scores with class k's colours swapped for j's
    for (int j = 0; j < 3; ++j) {
      if (j == k) continue;
      other.W.row(j).swap(other.W.row(k));
      std::swap(other.b(j), other.b(k));
      EXPECT_GT(test::color_distance(c, figure::region_color(other, opt, Style{}, {w[0], w[1]})), 2)
          << "world (" << w[0] << ", " << w[1] << ") as class " << j;
      other = scene.params;
    }
  }
}

TEST(PngExport, ScoreShadingRejectsAMissingClass) {
  FigureOptions opt;
  opt.regions = Shading::Score;
  opt.score_class = 5;
  EXPECT_THROW(render_figure(default_data(), opt, Format::Png), std::invalid_argument);
  opt.score_class = 2;
  const Image img = render_png(default_data(), opt);
  const CanvasTransform t = canvas_transform(default_scene(), opt.width, opt.height);
  // s_2 = 3 x0 - x1 - 0.5: strongly positive at (0.9, -0.25) (red tint; the colour bar covers
  // the bottom-right corner), negative at (-1, 1) (grey).
  const palette::Rgb pos = img.rgb(static_cast<int>(t.to_x(0.9)), static_cast<int>(t.to_y(-0.25)));
  const palette::Rgb neg = img.rgb(static_cast<int>(t.to_x(-1.0)), static_cast<int>(t.to_y(1.0)));
  EXPECT_GT(pos.r, pos.g + 40);
  EXPECT_LT(std::abs(neg.r - neg.g), 12);
}

TEST(PngExport, UnusualScenesRenderWithTheirPointColours) {
  std::vector<Scene> scenes;
  scenes.push_back(make_spiral(kMaxClasses, 20, 3));  // 10 classes
  Scene zero = default_scene();
  zero.params.W.setZero();  // no lines, no arrows; the largest bias wins everywhere
  scenes.push_back(zero);
  Scene far = default_scene();
  far.points.push_back(Point{2.5e6, -1.0e6, 1});  // a far-off point widens the view
  scenes.push_back(far);
  Scene empty = default_scene();
  empty.points.clear();
  scenes.push_back(empty);
  for (const Scene& scene : scenes) {
    FigureOptions opt;
    opt.width = 500;
    opt.height = 300;
    opt.legend = false;
    for (Shading mode : {Shading::Argmax, Shading::Confidence}) {
      opt.regions = mode;
      const Image img = render_png(FigureData{scene, {}}, opt);
      ASSERT_EQ(img.width, 500);
      const CanvasTransform t = canvas_transform(scene, opt.width, opt.height);
      // Points are drawn in order: check those whose centre no later point covers.
      const figure::PointLook look = figure::point_look(scene.points.size(), opt.style);
      const double covered =  // the disc and, for full-size discs, the loss ring
          look.radius + (look.compact ? 0.0 : look.ring_mid + look.ring_half) + 1.0;
      int checked = 0, wrong = 0;
      for (std::size_t i = 0; i < scene.points.size(); ++i) {
        const Point& p = scene.points[i];
        const double x = t.to_x(p.x0), y = t.to_y(p.x1);
        bool hidden = false;
        for (std::size_t j = i + 1; j < scene.points.size(); ++j) {
          const Point& q = scene.points[j];
          hidden |= std::hypot(t.to_x(q.x0) - x, t.to_y(q.x1) - y) < covered;
        }
        if (hidden) continue;
        ++checked;
        // Lines, arrows and labels are drawn over the points (as in the window): some pixel of
        // the disc beside its centre shows the class colour, on all but a few of them.
        const double off = fill_offset(scene.points.size(), opt.style);
        int best = 1000;
        for (int a = 0; a < 8; ++a) {
          const double ang = a * M_PI / 4.0;  // the axis directions are off the cross
          const int px = static_cast<int>(t.to_x(p.x0) + std::cos(ang) * off);
          const int py = static_cast<int>(y + std::sin(ang) * off);
          best = std::min(best, test::color_distance(img.rgb(px, py), Style{}.class_line(p.label)));
        }
        wrong += best > 2;
      }
      EXPECT_LE(wrong, std::max(1, checked / 25)) << wrong << " of " << checked << " points";
      EXPECT_EQ(checked > 0, !scene.points.empty());
    }
    EXPECT_NO_THROW(render_figure(FigureData{scene, {}}, opt, Format::Svg));
  }
  // With W = 0 and b = (0, 0.5, -0.5) class 1 fills the canvas.
  FigureOptions opt;
  const Image img = render_png(FigureData{zero, {}}, opt);
  EXPECT_LE(test::color_distance(img.rgb(20, 20), Style{}.class_region(1)), 2);
  EXPECT_LE(test::color_distance(img.rgb(780, 700), Style{}.class_region(1)), 2);
}

TEST(PngExport, RejectsBadSizes) {
  FigureOptions opt;
  opt.width = 0;
  EXPECT_THROW(render_figure(default_data(), opt, Format::Png), std::invalid_argument);
  opt.width = 10000;
  opt.height = 10000;
  opt.scale = 4;
  EXPECT_FALSE(check_size(opt, Format::Png).empty());
  EXPECT_TRUE(check_size(opt, Format::Svg).empty());  // vectors have no pixel budget
}

}  // namespace
}  // namespace ll::exporter

namespace ll::exporter {
namespace {

// Three tight clusters of 10,000 points each (a 100 x 100 grid of side 0.04) and one lone point:
// more than kMaxVectorPoints, so the points are drawn as the density image.
Scene crowded_scene() {
  Scene s = default_scene();
  s.points.clear();
  s.params.W.setZero();  // class 0's region everywhere; no lines, no arrows
  s.params.b.setZero();
  s.params.b(0) = 1.0;
  const double centres[3][2] = {{-0.5, 0.5}, {0.5, 0.5}, {0.0, -0.5}};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 100; ++i)
      for (int j = 0; j < 100; ++j)
        s.points.push_back(
            {centres[k][0] - 0.02 + 0.0004 * i, centres[k][1] - 0.02 + 0.0004 * j, k});
  s.points.push_back({-0.8, -0.8, 1});  // alone: one half-opaque disc
  return s;
}

TEST(PngExport, CrowdedPointsAreBinnedInTheirClassColoursWhereTheyLie) {
  const Scene scene = crowded_scene();
  ASSERT_GT(scene.points.size(), kMaxVectorPoints);
  FigureOptions opt;
  opt.width = opt.height = 400;
  opt.legend = false;
  opt.axes = false;
  const Image img = render_png(FigureData{scene, {}}, opt);
  const CanvasTransform t = canvas_transform(scene, opt.width, opt.height);
  auto pixel = [&](double x0, double x1) {
    return img.rgb(static_cast<int>(std::floor(t.to_x(x0))),
                   static_cast<int>(std::floor(t.to_y(x1))));
  };
  // Each cluster: opaque class colour at its centre and across it.
  const double centres[3][2] = {{-0.5, 0.5}, {0.5, 0.5}, {0.0, -0.5}};
  for (int k = 0; k < 3; ++k) {
    for (double d : {-0.015, 0.0, 0.015}) {
      EXPECT_LE(
          test::color_distance(pixel(centres[k][0] + d, centres[k][1] - d), Style{}.class_line(k)),
          2)
          << "cluster of class " << k;
    }
    // Beyond the cluster and its discs: the region colour, untouched.
    const double x0 = centres[k][0] + 0.12, x1 = centres[k][1] + 0.12;
    EXPECT_LE(test::color_distance(pixel(x0, x1),
                                   Style{}.class_region(core_argmax(scene.params, x0, x1))),
              2);
  }
  // The lone point: its class colour at half opacity over the region there.
  const palette::Rgb region = Style{}.class_region(core_argmax(scene.params, -0.8, -0.8));
  const palette::Rgb half = palette::mix(region, Style{}.class_line(1), density_alpha(1));
  EXPECT_NEAR(density_alpha(1), 0.5, 1e-12);
  EXPECT_LE(test::color_distance(pixel(-0.8, -0.8), half), 3);
  EXPECT_GT(test::color_distance(half, region), 20);
}

TEST(PngExport, CancelStopsAnExportBetweenChunks) {
  JobControl control;
  control.cancel();
  const FigureData data{crowded_scene(), {}};
  FigureOptions opt;
  EXPECT_THROW(render_figure(data, opt, Format::Png, &control), JobCancelled);
  JobControl fresh;
  EXPECT_FALSE(render_figure(data, opt, Format::Png, &fresh).empty());
  EXPECT_EQ(fresh.progress(), 1.0);
}

}  // namespace
}  // namespace ll::exporter

namespace ll::exporter {
namespace {

// Ten classes: every point drawn in its class's colour and marker shape (the window's shapes,
// figure::shape_outline), each region in its class's colour, the neutral loss ring.
TEST(PngExport, TenClassesInTheirColoursAndShapes) {
  Scene s = default_scene();
  s.params = default_params(kMaxClasses);
  s.points.clear();
  for (int k = 0; k < kMaxClasses; ++k) {
    const double a = 2.0 * 3.14159265358979 * k / kMaxClasses;
    s.points.push_back({0.6 * std::cos(a), 0.6 * std::sin(a), k});
  }
  s.loss.kind = LossKind::Softmax;
  FigureOptions opt;
  opt.width = opt.height = 800;
  opt.legend = false;
  opt.grid = false;
  opt.axes = false;  // the x axis would run through class 0's point
  const Image img = render_png(FigureData{s, {}}, opt);
  const CanvasTransform t = canvas_transform(s, opt.width, opt.height);
  const figure::PointLook look = figure::point_look(s.points.size(), opt.style);
  for (const Point& p : s.points) {
    const int k = p.label;
    ASSERT_EQ(core_argmax(s.params, p.x0, p.x1), k);
    const figure::ShapeOutline shape = figure::shape_outline(opt.style.class_shape(k));
    const double cx = t.to_x(p.x0), cy = t.to_y(p.x1), R = look.radius;
    int inside = 0, outside = 0;
    for (int py = static_cast<int>(cy) - 11; py <= static_cast<int>(cy) + 11; ++py) {
      for (int px = static_cast<int>(cx) - 11; px <= static_cast<int>(cx) + 11; ++px) {
        const double d =
            figure::shape_distance(shape, {(px + 0.5 - cx) / R, (py + 0.5 - cy) / R}) * R;
        const palette::Rgb c = img.rgb(px, py);
        if (d < -look.outline - 1.0) {
          ++inside;
          ASSERT_LE(test::color_distance(c, opt.style.class_line(k)), 3) << "class " << k;
        } else if (d > 1.0 && std::hypot(px + 0.5 - cx, py + 0.5 - cy) < R + look.ring_mid - 2.5) {
          ++outside;
          ASSERT_LE(test::color_distance(c, opt.style.class_region(k)), 3) << "class " << k;
        }
      }
    }
    EXPECT_GT(inside, 8) << "class " << k;  // the star is the thinnest
    EXPECT_GT(outside, 20) << "class " << k;
  }
}

}  // namespace
}  // namespace ll::exporter

namespace ll::exporter {
namespace {

// A point with labels {0, 2} (sigmoid): a pie of both class colours, class 0 from the top
// clockwise (the right half), class 2 the left half; single-label points keep their colour.
TEST(PngExport, MultiLabelPointsShowEveryClassColour) {
  Scene s = default_scene();
  s.loss.kind = LossKind::Sigmoid;
  s.points[0].x0 = 0.0;
  s.points[0].x1 = 0.0;
  s.points[0].set_label_mask(0b101);
  FigureOptions opt;
  opt.width = opt.height = 600;
  opt.grid = opt.axes = false;  // nothing else through the point
  const Image img = test::decode_png(render_figure(FigureData{s, {}}, opt, Format::Png));
  const CanvasTransform t = canvas_transform(s, opt.width, opt.height);
  const double r = 0.45 * figure::point_look(s.points.size(), opt.style).radius;
  const int cx = static_cast<int>(t.to_x(0.0)), cy = static_cast<int>(t.to_y(0.0));
  const int dx = static_cast<int>(r);
  EXPECT_LE(test::color_distance(img.rgb(cx + dx, cy + 1), opt.style.class_line(0)), 2);
  EXPECT_LE(test::color_distance(img.rgb(cx - dx, cy + 1), opt.style.class_line(2)), 2);
}

}  // namespace
}  // namespace ll::exporter

namespace ll::exporter {
namespace {

// A window's background export: the rendered bytes land atomically with a "Saved" message;
// Cancel before the write leaves the old file and says so; an error becomes the message.
TEST(ExportJob, WritesCancelsAndReportsErrors) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                    ("losslab_export_job_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "x.bin";
  const auto run = [&](std::function<ExportResult(JobControl&)> work) {
    Job<ExportResult> job = start_export_job("test", std::move(work), {});
    job.wait();
    return job.take();
  };
  ExportResult r = run([&](JobControl& c) {
    return write_rendered(file, "bytes", c, [] { return std::string("first"); });
  });
  EXPECT_TRUE(r.ok);
  EXPECT_FALSE(r.cancelled);
  EXPECT_EQ(r.message, "Saved bytes to " + file.string());
  EXPECT_EQ(test::read_all(file), "first");

  r = run([&](JobControl& c) {
    return write_rendered(file, "bytes", c, [&] {
      c.cancel();  // Cancel pressed while rendering
      return std::string("second");
    });
  });
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.cancelled);
  EXPECT_EQ(r.message, "Cancelled: nothing written");
  EXPECT_EQ(test::read_all(file), "first");

  r = run([&](JobControl& c) {
    return write_rendered(file, "bytes", c,
                          []() -> std::string { throw std::runtime_error("disk full"); });
  });
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.cancelled);
  EXPECT_EQ(r.message, "Export failed: disk full");
  EXPECT_EQ(test::read_all(file), "first");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ll::exporter
