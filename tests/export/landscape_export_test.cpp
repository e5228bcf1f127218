// The loss landscape exported as PNG and read back, light and dark: the map is dark (viridis 0)
// at the lowest node and bright (viridis 1) at the highest, the current parameters' white marker
// sits where they project onto the slice, and the contour lines are drawn.
#include "app/export/landscape_export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "app/export/plot_frame.h"
#include "core/datasets.h"
#include "tests/export/test_util.h"

namespace ll::exporter {
namespace {

using test::Image;

constexpr double kW = 640, kH = 520;

struct Rendered {
  Image img;
  figure::LandscapeLayout layout;
};

Rendered render(const figure::LandscapeFigure& f, const Style& style) {
  Rendered r;
  r.img = test::decode_png(render_landscape(f, kW, kH, 1.0, Format::Png, style));
  cairo_surface_t* surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t* cr = cairo_create(surf);
  r.layout = figure::layout_landscape(f, kW, kH, style, cairo_measure(cr));
  cairo_destroy(cr);
  cairo_surface_destroy(surf);
  return r;
}

// The closest colour to c among the pixels within `radius` of (px, py).
int nearest(const Image& img, double px, double py, palette::Rgb c, int radius = 2) {
  int best = 255;
  for (int y = int(py) - radius; y <= int(py) + radius; ++y)
    for (int x = int(px) - radius; x <= int(px) + radius; ++x)
      if (x >= 0 && y >= 0 && x < img.width && y < img.height)
        best = std::min(best, test::color_distance(img.rgb(x, y), c));
  return best;
}

TEST(LandscapeExport, MapMarkerAndContoursReadBackInLightAndDark) {
  Scene scene = make_blobs({3, 40, 0.4, 7});
  scene.params = default_params(3);
  scene.loss.kind = LossKind::Softmax;
  LandscapeSlice slice;  // W[0][0], W[0][1]
  slice.grid = 33;
  slice.range = 3.0;
  const LandscapeGrid g = compute_landscape(scene, slice);
  // The lowest and the highest node.
  const auto [lo, hi] = std::minmax_element(g.loss.begin(), g.loss.end());
  const int ilo = int(lo - g.loss.begin()), ihi = int(hi - g.loss.begin());
  ASSERT_LT(*lo, *hi);
  Params current = scene.params;  // off the centre, on the slice
  current.W(0, 0) += 1.5;
  current.W(0, 1) -= 0.75;
  for (const palette::Theme theme : {palette::Theme::Light, palette::Theme::Dark}) {
    Style style;
    style.theme = theme;
    figure::LandscapeInput in;
    in.grid = &g;
    in.x_name = "W[0][0]";
    in.y_name = "W[0][1]";
    in.current = &current;
    in.style = style;
    const figure::LandscapeFigure f = figure::describe_landscape(in);
    ASSERT_TRUE(f.computed);
    const Rendered r = render(f, style);
    const figure::PlotLayout& l = r.layout.plot;
    ASSERT_EQ(r.img.width, int(kW));
    // The background is the theme's.
    EXPECT_LE(test::color_distance(r.img.rgb(2, 2), style.colors().background), 3);
    // Low loss dark, high loss bright, each the colour map's end.
    const double lx = l.px_x(g.x_at(ilo % g.nx)), ly = l.px_y(g.y_at(ilo / g.nx));
    const double hx = l.px_x(g.x_at(ihi % g.nx)), hy = l.px_y(g.y_at(ihi / g.nx));
    EXPECT_LE(nearest(r.img, lx, ly, figure::viridis(0.0)), 12) << int(theme);
    EXPECT_LE(nearest(r.img, hx, hy, figure::viridis(1.0)), 12) << int(theme);
    EXPECT_GT(nearest(r.img, lx, ly, figure::viridis(1.0)), 100);
    // The current parameters' marker: white at (1.5, -0.75), not at the centre.
    const double mx = l.px_x(1.5), my = l.px_y(-0.75);
    EXPECT_TRUE(l.inside(mx, my));
    EXPECT_LE(test::color_distance(r.img.rgb(int(std::lround(mx)), int(std::lround(my))),
                                   palette::Rgb{255, 255, 255}),
              12);
    EXPECT_GT(test::color_distance(
                  r.img.rgb(int(std::lround(l.px_x(0.0))), int(std::lround(l.px_y(0.0)))),
                  palette::Rgb{255, 255, 255}),
              60);
    // The contour lines: without them (the unnamed series) many map pixels change.
    figure::LandscapeFigure bare = f;
    std::erase_if(bare.plot.series, [](const figure::PlotSeries& s) { return s.name.empty(); });
    ASSERT_LT(bare.plot.series.size(), f.plot.series.size());
    const Rendered b = render(bare, style);
    int changed = 0;
    for (int y = int(l.top) + 2; y < int(l.bottom) - 2; ++y)
      for (int x = int(l.left) + 2; x < int(l.right) - 2; ++x)
        changed += test::color_distance(r.img.rgb(x, y), b.img.rgb(x, y)) > 30 ? 1 : 0;
    EXPECT_GT(changed, 500) << int(theme);
    EXPECT_LT(changed, int((l.right - l.left) * (l.bottom - l.top) / 4));  // lines, not fills
  }
}

// The window's Export… (lab::LabExport) writes View::Landscape through export_to_file: the PNG
// is render_landscape's image of the same figure, pixel for pixel; SVG and PDF are written too.
TEST(LandscapeExport, ExportToFileDrawsTheLandscapeView) {
  Scene scene = make_blobs({3, 20, 0.4, 3});
  scene.params = default_params(3);
  LandscapeSlice slice;
  slice.grid = 17;
  const LandscapeGrid g = compute_landscape(scene, slice);
  figure::LandscapeInput in;
  in.grid = &g;
  FigureData data;
  data.landscape = figure::describe_landscape(in);
  FigureOptions opt;
  opt.view = View::Landscape;
  opt.width = 400;
  opt.height = 300;
  const std::filesystem::path dir = test::scratch_dir("landscape_export");
  JobControl control;
  const ExportResult r = export_to_file(data, opt, Format::Png, {dir / "map.png", {}}, &control);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_EQ(control.progress(), 1.0);
  const Image a = test::read_png(dir / "map.png");
  const Image b =
      test::decode_png(render_landscape(*data.landscape, 400, 300, 1.0, Format::Png, opt.style));
  ASSERT_EQ(a.width, b.width);
  ASSERT_EQ(a.height, b.height);
  int differ = 0;
  for (int y = 0; y < a.height; ++y)
    for (int x = 0; x < a.width; ++x) differ += a.at(x, y) != b.at(x, y) ? 1 : 0;
  EXPECT_EQ(differ, 0);
  for (const char* name : {"map.svg", "map.pdf"}) {
    Format f = Format::Png;
    ASSERT_TRUE(format_from_path(name, f));
    const ExportResult v = export_to_file(data, opt, f, {dir / name, {}});
    EXPECT_TRUE(v.ok) << v.message;
    EXPECT_GT(std::filesystem::file_size(dir / name), 1000u);
  }
  // Cancelled before it starts: nothing is written.
  JobControl cancelled;
  cancelled.cancel();
  const ExportResult c = export_to_file(data, opt, Format::Png, {dir / "none.png", {}}, &cancelled);
  EXPECT_TRUE(c.cancelled);
  EXPECT_FALSE(std::filesystem::exists(dir / "none.png"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ll::exporter
