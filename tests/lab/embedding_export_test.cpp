// The embedding tab's exports (the path its pages' "Export…" buttons take): describe() gives
// the page's plane (and the training page's loss plot) as the window draws them, and an export
// of those figures through app/export writes a PNG whose pixels show each negative in its
// category's colour where the plane puts it.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "app/export/export.h"
#include "app/lab/embedding_panel.h"
#include "app/lab/lab_export.h"
#include "tests/export/test_util.h"

namespace ll::lab {
namespace {

using metric::PlaneRole;

TEST(EmbeddingExport, TermsPageExportsItsPlaneWithTheCategoryColours) {
  for (const Style& style : {Style{}, Style{palette::Theme::Dark}}) {
    EmbeddingPanel panel;
    const LabFigures figs = panel.describe(EmbeddingPanel::Page::Terms, style);
    ASSERT_EQ(figs.planes.size(), 1u);
    EXPECT_TRUE(figs.plots.empty());
    const metric::PlaneFigure& f = figs.planes[0];
    // The default playground: three negatives, one of each category, both rings.
    int rings = 0;
    for (const metric::PlaneRing& r : f.rings) rings += r.role != PlaneRole::RingMargin;
    EXPECT_EQ(rings, 2);

    const std::filesystem::path dir = test::scratch_dir("embedding_export");
    exporter::FigureData data;
    data.planes = figs.planes;
    exporter::FigureOptions opt =
        lab_export_options(ImVec2(600, 600), 600, 600, exporter::Format::Png, style);
    opt.view = exporter::View::Plane;
    const exporter::ExportResult r =
        exporter::export_to_file(data, opt, exporter::Format::Png, {dir / "plane.png", {}});
    ASSERT_TRUE(r.ok) << r.message;
    const test::Image img = test::read_png(dir / "plane.png");
    ASSERT_EQ(img.width, 600);
    const metric::PlaneMapping m = metric::fit_plane(f, 0, 0, 600, 600);
    int hard = 0, semi = 0, easy = 0;
    for (const metric::PlaneMarker& mk : f.markers) {
      if (mk.role != PlaneRole::Hard && mk.role != PlaneRole::SemiHard &&
          mk.role != PlaneRole::Easy)
        continue;
      const metric::Vec2 px = m.to_pixels(mk.at);
      const palette::Rgb got = img.rgb(int(std::floor(px.x())), int(std::floor(px.y())));
      EXPECT_LE(test::color_distance(got, plane_color(style, mk.role)), 2) << mk.label;
      hard += mk.role == PlaneRole::Hard, semi += mk.role == PlaneRole::SemiHard,
          easy += mk.role == PlaneRole::Easy;
    }
    EXPECT_EQ(hard, 1);
    EXPECT_EQ(semi, 1);
    EXPECT_EQ(easy, 1);
    std::filesystem::remove_all(dir);
  }
}

TEST(EmbeddingExport, TrainingPageExportsThePlaneBesideTheLossPlot) {
  EmbeddingPanel panel;
  panel.train_steps(25);
  const LabFigures figs = panel.describe(EmbeddingPanel::Page::Training, Style{});
  ASSERT_EQ(figs.planes.size(), 1u);
  ASSERT_EQ(figs.plots.size(), 1u);
  EXPECT_EQ(figs.columns, 2);
  const figure::PlotFigure& p = figs.plots[0];
  ASSERT_EQ(p.series.size(), 3u);
  EXPECT_EQ(p.series[0].x.size(), 25u);
  EXPECT_EQ(p.series[0].y[0], panel.trainer().history()[0].loss);
  EXPECT_TRUE(p.series[2].right_axis);  // the active count
  // The plane shows every embedded point (and its faint input).
  EXPECT_EQ(figs.planes[0].markers.size(), 2 * panel.trainer().points().size());
}

}  // namespace
}  // namespace ll::lab
