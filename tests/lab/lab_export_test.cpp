// The loss lab's panels as figures: each panel's describe() gives the series it shows, with
// core's values (no ImGui needed), and an export of a panel (the path its "Export..." button
// takes: app/export's export_to_file on the panel's figures) writes a PNG whose pixels show the
// series colours where the layout puts them.
#include "app/lab/lab_export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/export/draw.h"
#include "app/export/export.h"
#include "app/export/plot_frame.h"
#include "app/lab/curves_panel.h"
#include "app/lab/gd_panel.h"
#include "app/lab/lab_colors.h"
#include "app/lab/link_panel.h"
#include "app/lab/regression_panel.h"
#include "app/lab/same_accuracy_panel.h"
#include "core/curves.h"
#include "core/datasets.h"
#include "core/lab/classifier_link.h"
#include "core/lab/gd_demo.h"
#include "core/lab/same_accuracy.h"
#include "tests/export/test_util.h"

namespace ll::lab {
namespace {

using figure::PlotFigure;
using figure::PlotSeries;
using figure::SeriesKind;

const PlotSeries* find(const PlotFigure& f, const std::string& name) {
  for (const PlotSeries& s : f.series)
    if (s.name == name) return &s;
  return nullptr;
}

TEST(LabDescribe, CurvesPanelShowsCoresCurves) {
  const CurvesPanel panel;
  const LabFigures figs = panel.describe(Style{});
  ASSERT_EQ(figs.plots.size(), 6u);
  EXPECT_EQ(figs.columns, 3);
  const PlotSeries* hinge = find(figs.plots[4], "hinge max(0, 1−m)");
  ASSERT_NE(hinge, nullptr);
  for (double m : {-1.5, 0.0, 0.5, 1.0, 2.5})
    EXPECT_NEAR(figure::series_value_at(*hinge, m), curves::hinge(m).value, 1e-9) << "m = " << m;
  EXPECT_DOUBLE_EQ(figure::series_value_at(*hinge, 0.0), 1.0);
  const PlotSeries* mse = find(figs.plots[0], "MSE r²");
  ASSERT_NE(mse, nullptr);
  for (std::size_t i = 0; i < mse->x.size(); ++i)  // every sample is core's value
    ASSERT_NEAR(mse->y[i], curves::squared(mse->x[i]).value, 1e-12) << "r = " << mse->x[i];
  EXPECT_EQ(mse->color, rgb(colors::kMse));
  // The derivatives on the right axis, the Huber kinks as reference lines at +-delta.
  const PlotSeries* dmse = find(figs.plots[0], "d/dr r²");
  ASSERT_NE(dmse, nullptr);
  EXPECT_TRUE(dmse->right_axis);
  EXPECT_NEAR(figure::series_value_at(*dmse, 1.5), curves::squared(1.5).grad, 1e-9);
  ASSERT_EQ(figs.plots[0].ref_lines.size(), 2u);
  EXPECT_DOUBLE_EQ(figs.plots[0].ref_lines[1].value, 1.0);
  const PlotSeries* ce = find(figs.plots[1], "−ln p");
  ASSERT_NE(ce, nullptr);
  for (std::size_t i = 0; i < ce->x.size(); ++i)
    ASSERT_NEAR(ce->y[i], curves::cross_entropy(ce->x[i]).value, 1e-12) << "p = " << ce->x[i];
  // The chosen focal curve is the theme's ink.
  bool ink = false;
  for (const PlotSeries& s : figs.plots[3].series) ink = ink || s.color == Style{}.colors().text;
  EXPECT_TRUE(ink);
}

TEST(LabDescribe, GdPanelShowsBothTraces) {
  const GdPanel panel;
  const LabFigures figs = panel.describe(Style{});
  ASSERT_EQ(figs.plots.size(), 2u);
  const std::vector<GdStep> sq =
      gd_table(GdObjective::Square, 2.0f, 0.3f, 10);  // the panel's floats
  const PlotSeries& iterates = figs.plots[0].series[2];
  ASSERT_EQ(iterates.kind, SeriesKind::Markers);
  ASSERT_EQ(iterates.x.size(), sq.size() + 1);
  for (std::size_t i = 0; i < sq.size(); ++i) {
    EXPECT_DOUBLE_EQ(iterates.x[i], sq[i].x);
    EXPECT_DOUBLE_EQ(iterates.y[i], sq[i].x * sq[i].x);
  }
  EXPECT_DOUBLE_EQ(iterates.x.back(), sq.back().next);
  // |x| with rate 0.3 from 2: every step has length 0.3.
  const PlotSeries& abs_it = figs.plots[1].series[2];
  for (std::size_t i = 1; i < abs_it.x.size(); ++i)
    EXPECT_NEAR(std::abs(abs_it.x[i] - abs_it.x[i - 1]), 0.3, 1e-6);
}

TEST(LabDescribe, RegressionPanelShowsPointsAndFits) {
  const RegressionPanel panel;
  const LabFigures figs = panel.describe(Style{});
  ASSERT_EQ(figs.plots.size(), 1u);
  const PlotFigure& f = figs.plots[0];
  std::size_t markers = 0;
  for (const PlotSeries& s : f.series)
    if (s.kind == SeriesKind::Markers) markers += s.x.size();
  EXPECT_EQ(markers, panel.samples().size());
  const PlotSeries* mse = find(f, "MSE");
  ASSERT_NE(mse, nullptr);
  ASSERT_EQ(mse->x.size(), 2u);
  EXPECT_DOUBLE_EQ(mse->y[0], panel.fit(0)(mse->x[0]));
  EXPECT_DOUBLE_EQ(mse->x[0], f.x_min);
  const PlotSeries* ls = find(f, "least squares");
  ASSERT_NE(ls, nullptr);
  EXPECT_DOUBLE_EQ(ls->y[1], least_squares(panel.samples())(f.x_max));
}

TEST(LabDescribe, SameAccuracyPanelPlacesEverySample) {
  const SameAccuracyPanel panel;
  const PlotFigure f = panel.describe(Style{}).plots.at(0);
  ASSERT_EQ(f.series.size(), 3u);
  const TableScore a = score(same_accuracy_model_a()), b = score(same_accuracy_model_b());
  ASSERT_EQ(f.series[1].x.size(), static_cast<std::size_t>(a.p_correct.size()));
  for (Eigen::Index i = 0; i < a.p_correct.size(); ++i) {
    EXPECT_DOUBLE_EQ(f.series[1].x[static_cast<std::size_t>(i)], a.p_correct(i));
    EXPECT_DOUBLE_EQ(f.series[1].y[static_cast<std::size_t>(i)], a.cross_entropy(i));
    EXPECT_DOUBLE_EQ(f.series[2].x[static_cast<std::size_t>(i)], b.p_correct(i));
  }
  EXPECT_EQ(f.series[1].name, "Model A");
}

TEST(LabDescribe, LinkPanelPlacesEveryPointOnTheHinge) {
  LinkPanel panel;
  const Scene scene = default_scene();
  const Style style;
  const LabFigures figs = panel.describe(style, scene, 1);
  ASSERT_EQ(figs.plots.size(), 3u);
  const std::vector<LinkedPoint> link = link_classifier(scene);
  std::size_t markers = 0;
  const PlotFigure& hinge = figs.plots[0];
  for (std::size_t k = 1; k < hinge.series.size(); ++k) {
    const PlotSeries& s = hinge.series[k];
    EXPECT_EQ(s.color, style.class_line(static_cast<int>(k) - 1));
    for (std::size_t i = 0; i < s.x.size(); ++i)
      EXPECT_NEAR(s.y[i], curves::hinge(s.x[i]).value, 1e-9);
    markers += s.x.size();
  }
  EXPECT_EQ(markers, link.size());
  EXPECT_EQ(link.size(), scene.points.size());
}

// Pixels of `img` within `tol` of colour c, within `r` px of (x, y).
bool colour_near(const test::Image& img, int x, int y, int r, palette::Rgb c, int tol) {
  for (int j = y - r; j <= y + r; ++j)
    for (int i = x - r; i <= x + r; ++i)
      if (i >= 0 && j >= 0 && i < img.width && j < img.height &&
          test::color_distance(img.rgb(i, j), c) <= tol)
        return true;
  return false;
}

// Exports the panel's figures to a PNG file as its Export button does (figures of `on_screen`
// size, w x h pixels), then checks that each opaque series' colour shows where the layout of
// its cell puts it. With LOSSLAB_LAB_EXPORT_DIR set, the PNGs are kept there (to look at them).
void expect_series_where_the_layout_says(const LabFigures& figs, const Style& style,
                                         ImVec2 on_screen, int w, int h, const std::string& name) {
  const std::filesystem::path dir = test::scratch_dir("lab_export_" + name);
  const std::filesystem::path path = dir / (name + ".png");
  const exporter::FigureOptions opt =
      lab_export_options(on_screen, w, h, exporter::Format::Png, style);
  exporter::FigureData data;
  data.plots = figs.plots;
  data.plot_columns = figs.columns;
  JobControl control;
  const exporter::ExportResult r =
      exporter::export_to_file(data, opt, exporter::Format::Png, {path, {}}, &control);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.path, path);
  EXPECT_DOUBLE_EQ(control.progress(), 1.0);
  const test::Image img = test::read_png(path);
  ASSERT_EQ(img.width, w);
  ASSERT_EQ(img.height, h);
  if (const char* keep = std::getenv("LOSSLAB_LAB_EXPORT_DIR"))
    std::filesystem::copy_file(
        path,
        std::filesystem::path(keep) / (name + "_" + std::to_string(w) + "x" + std::to_string(h) +
                                       (style.dark() ? "_dark" : "_light") + ".png"),
        std::filesystem::copy_options::overwrite_existing);
  // The layout each cell was drawn with (cairo measures the text, as the export does), in
  // figure units; the PNG has opt.scale pixels per unit.
  exporter::SurfacePtr surf(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4));
  exporter::ContextPtr cr(cairo_create(surf.get()));
  cairo_font_options_t* fo = cairo_font_options_create();  // the export's unhinted text
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr.get(), fo);
  cairo_font_options_destroy(fo);
  const int cols = figs.columns, rows = (int(figs.plots.size()) + cols - 1) / cols;
  const double W = opt.width, H = opt.height, k = opt.scale;
  int checked = 0;
  for (std::size_t p = 0; p < figs.plots.size(); ++p) {
    const int c = int(p) % cols, row = int(p) / cols;
    const double x0 = std::floor(W * c / cols), x1 = std::floor(W * (c + 1) / cols);
    const double y0 = std::floor(H * row / rows), y1 = std::floor(H * (row + 1) / rows);
    const figure::PlotLayout l =
        exporter::layout_export_plot(cr.get(), figs.plots[p], x1 - x0, y1 - y0, style);
    const std::vector<PlotSeries>& all = figs.plots[p].series;
    // Something drawn later within a few units of (px, py) may cover the series there.
    auto covered_later = [&](std::size_t j, double px, double py) {
      for (std::size_t later = j + 1; later < all.size(); ++later) {
        const PlotSeries& o = all[later];
        const double reach = (o.kind == SeriesKind::Markers ? o.width : 0.5 * o.width) + 4.0;
        for (std::size_t i = 0; i < std::min(o.x.size(), o.y.size()); ++i) {
          const double ox = l.px_x(o.x[i]), oy = l.px_y(o.y[i], o.right_axis);
          if (std::hypot(ox - px, oy - py) < reach) return true;
          if (o.kind == SeriesKind::Line && i + 1 < o.x.size()) {  // along the segment
            const double qx = l.px_x(o.x[i + 1]), qy = l.px_y(o.y[i + 1], o.right_axis);
            const double dx = qx - ox, dy = qy - oy, len2 = dx * dx + dy * dy;
            if (!(len2 > 0)) continue;
            const double t = std::clamp(((px - ox) * dx + (py - oy) * dy) / len2, 0.0, 1.0);
            if (std::hypot(ox + t * dx - px, oy + t * dy - py) < reach) return true;
          }
        }
      }
      for (const figure::RefLine& ref : figs.plots[p].ref_lines)
        if (ref.vertical ? std::abs(l.px_x(ref.value) - px) < 4
                         : std::abs(l.px_y(ref.value) - py) < 4)
          return true;
      return false;
    };
    for (std::size_t j = 0; j < all.size(); ++j) {
      const PlotSeries& s = all[j];
      if (s.alpha < 0.99 || s.kind == SeriesKind::Band) continue;
      if (s.kind == SeriesKind::Markers) {  // filled discs: their centres, up to three
        for (std::size_t i = 0; i < s.x.size() && i < 3; ++i) {
          const double px = l.px_x(s.x[i]), py = l.px_y(s.y[i], s.right_axis);
          if (!s.filled || !std::isfinite(px) || !std::isfinite(py) || !l.inside(px, py) ||
              covered_later(j, px, py))
            continue;
          if (l.legend && px > l.legend_x0 - 8 && px < l.legend_x1 + 8 && py > l.legend_y0 - 8 &&
              py < l.legend_y1 + 8)
            continue;
          ++checked;
          const int ix = int(std::lround((x0 + px) * k)), iy = int(std::lround((y0 + py) * k));
          EXPECT_TRUE(colour_near(img, ix, iy, 1, s.color, 30))
              << name << ": marker " << i << " of series " << j << " (plot " << p << ") at (" << ix
              << ", " << iy << ")";
        }
        continue;
      }
      if (s.x.size() < 2) continue;
      for (double t : {0.3, 0.6}) {
        // The point at fraction t of the samples, between two of them when they are few.
        const double at = t * double(s.x.size() - 1);
        const std::size_t i = static_cast<std::size_t>(at);
        const double u = at - double(i);
        const std::size_t i1 = std::min(i + 1, s.x.size() - 1);
        const double px = l.px_x(s.x[i] + u * (s.x[i1] - s.x[i]));
        const double py = l.px_y(s.y[i] + u * (s.y[i1] - s.y[i]), s.right_axis);
        // Inside the plot, clear of the legend box and of what is drawn over the series.
        if (!std::isfinite(px) || !std::isfinite(py) || px < l.left + 3 || py < l.top + 3 ||
            px > l.right - 3 || py > l.bottom - 3)
          continue;
        if (l.legend && px > l.legend_x0 - 4 && px < l.legend_x1 + 4 && py > l.legend_y0 - 4 &&
            py < l.legend_y1 + 4)
          continue;
        if (covered_later(j, px, py)) continue;
        ++checked;
        const int ix = int(std::lround((x0 + px) * k)), iy = int(std::lround((y0 + py) * k));
        EXPECT_TRUE(colour_near(img, ix, iy, 2, s.color, 40))
            << name << ": " << s.name << " (plot " << p << ") at (" << ix << ", " << iy << ")";
      }
    }
  }
  EXPECT_GE(checked, 4) << name;
  std::filesystem::remove_all(dir);
}

// Every panel, light and dark, at 800 x 500 (1x) and 1600 x 1000 (2x of the same figures).
TEST(LabExport, PanelsExportPngsShowingTheirSeries) {
  for (const Style& style : {Style{}, Style{palette::Theme::Dark}})
    for (const int w : {800, 1600}) {
      const int h = w * 5 / 8;
      const ImVec2 screen(800, 500);
      expect_series_where_the_layout_says(CurvesPanel().describe(style), style, screen, w, h,
                                          "curves");
      expect_series_where_the_layout_says(GdPanel().describe(style), style, screen, w, h, "gd");
      expect_series_where_the_layout_says(RegressionPanel().describe(style), style, screen, w, h,
                                          "regression");
      expect_series_where_the_layout_says(SameAccuracyPanel().describe(style), style, screen, w, h,
                                          "same_accuracy");
      LinkPanel link;
      expect_series_where_the_layout_says(link.describe(style, default_scene(), 1), style, screen,
                                          w, h, "link");
    }
}

// Export... writes SVG and PDF by the extension, and reports a bad folder without throwing.
TEST(LabExport, VectorFormatsAndErrors) {
  const std::filesystem::path dir = test::scratch_dir("lab_export_vector");
  const LabFigures figs = GdPanel().describe(Style{});
  exporter::FigureData data;
  data.plots = figs.plots;
  data.plot_columns = figs.columns;
  for (const char* ext : {".svg", ".pdf"}) {
    exporter::Format format;
    const std::filesystem::path path = dir / (std::string("gd") + ext);
    ASSERT_TRUE(exporter::format_from_path(path, format));
    const exporter::FigureOptions opt = lab_export_options(ImVec2(900, 400), 900, 400, format, {});
    const exporter::ExportResult r = exporter::export_to_file(data, opt, format, {path, {}});
    ASSERT_TRUE(r.ok) << r.message;
    const std::string bytes = test::read_all(path);
    EXPECT_NE(bytes.find(ext[1] == 's' ? "<svg" : "%PDF"), std::string::npos);
    EXPECT_EQ(r.pixels_w, 900);
  }
  const exporter::ExportResult bad = exporter::export_to_file(
      data, lab_export_options(ImVec2(900, 400), 900, 400, exporter::Format::Png, {}),
      exporter::Format::Png, {dir / "missing" / "x.png", {}});
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.message.find("no such folder"), std::string::npos) << bad.message;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ll::lab
