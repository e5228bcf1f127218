// app/figure's PlotFigure drawn by the widget headless (an ImGui context without a renderer):
// the frame lands on the layout's rectangle, series are drawn in their colours inside it, and a
// click on a legend row (or on an entry of a compact legend) hides that series (and a second click
// shows it again).
#include "app/widgets/figure_plot.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "tests/widgets/headless_imgui.h"

namespace ll::widgets {
namespace {

figure::PlotFigure two_lines() {
  figure::PlotFigure f;
  f.title = "two lines";
  f.x_label = "x";
  f.y_label = "y";
  f.x_min = 0, f.x_max = 10, f.y_min = -1, f.y_max = 1;
  std::vector<double> x, a, b;
  for (int i = 0; i <= 100; ++i) {
    x.push_back(i / 10.0);
    a.push_back(std::sin(i / 10.0));
    b.push_back(0.5 * std::cos(i / 10.0));
  }
  f.series.push_back(figure::line("sin", palette::Rgb{200, 10, 10}, x, a));
  f.series.push_back(figure::line("cos", palette::Rgb{10, 10, 200}, x, b));
  return f;
}

struct Drawn {
  figure::PlotLayout layout;
  ImVec2 origin;
  std::vector<ImDrawVert> verts;
};

Drawn frame(const figure::PlotFigure& f, ImVec2 mouse, bool down, ImVec2 size = {600, 400}) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = mouse;
  io.MouseDown[0] = down;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(800, 600));
  ImGui::Begin("plot", nullptr, ImGuiWindowFlags_NoDecoration);
  Drawn d;
  FigurePlotOptions o;
  o.readout = false;
  FigurePlot("##f", f, size, Style{}, o, &d.layout, &d.origin);
  ImGui::End();
  ImGui::Render();
  const ImDrawData* dd = ImGui::GetDrawData();
  for (int i = 0; i < dd->CmdListsCount; ++i)
    for (const ImDrawVert& v : dd->CmdLists[i]->VtxBuffer) d.verts.push_back(v);
  return d;
}

int count_colour(const Drawn& d, palette::Rgb c) {
  int n = 0;
  for (const ImDrawVert& v : d.verts)
    n += (v.col & 0x00FFFFFF) == (IM_COL32(c.r, c.g, c.b, 0) & 0x00FFFFFF) && (v.col >> 24) > 0;
  return n;
}

TEST(FigurePlot, FrameAndSeriesFollowTheLayout) {
  HeadlessImGui h;
  const figure::PlotFigure f = two_lines();
  const Drawn d = frame(f, ImVec2(-1, -1), false);
  const figure::PlotLayout& l = d.layout;
  EXPECT_DOUBLE_EQ(l.width, 600.0);
  EXPECT_GT(l.left, 10.0);
  EXPECT_LT(l.right, 600.0);
  EXPECT_EQ(l.left, std::floor(l.left));  // whole pixels: the same in every backend
  EXPECT_FALSE(l.x_ticks.empty());
  EXPECT_FALSE(l.y_ticks.empty());
  EXPECT_NEAR(l.px_x(0), l.left, 1e-9);
  EXPECT_NEAR(l.px_y(-1), l.bottom, 1e-9);
  // A vertex of the frame rectangle at the layout's corner (ImGui strokes at +0.5).
  const ImVec2 corner(d.origin.x + float(l.left) + 0.5f, d.origin.y + float(l.top) + 0.5f);
  bool found = false;
  for (const ImDrawVert& v : d.verts)
    found = found || (std::abs(v.pos.x - corner.x) < 2.01f && std::abs(v.pos.y - corner.y) < 2.01f);
  EXPECT_TRUE(found);
  // Every vertex of the series lies inside the plot area (they are clipped there).
  const palette::Rgb red{200, 10, 10};
  EXPECT_GT(count_colour(d, red), 100);
  for (const ImDrawVert& v : d.verts)
    if ((v.col & 0x00FFFFFF) == (IM_COL32(200, 10, 10, 0) & 0x00FFFFFF) &&
        !(v.pos.y > d.origin.y + l.legend_y0 - 1 && v.pos.y < d.origin.y + l.legend_y1 + 1)) {
      EXPECT_GE(v.pos.x, d.origin.x + l.left - 2.0);
      EXPECT_LE(v.pos.x, d.origin.x + l.right + 2.0);
    }
}

TEST(FigurePlot, LegendRowsToggleTheirSeries) {
  HeadlessImGui h;
  const figure::PlotFigure f = two_lines();
  Drawn d = frame(f, ImVec2(-1, -1), false);
  ASSERT_TRUE(d.layout.legend);
  ASSERT_EQ(d.layout.legend_rows.size(), 2u);
  const palette::Rgb blue{10, 10, 200};
  const int shown = count_colour(d, blue);
  EXPECT_GT(shown, 50);
  const figure::LegendRow& row = d.layout.legend_rows[1];
  const ImVec2 at(d.origin.x + float(0.5 * (d.layout.legend_x0 + d.layout.legend_x1)),
                  d.origin.y + float(0.5 * (row.top + row.bottom)));
  frame(f, at, false);  // hover first: ImGui needs the window hovered
  frame(f, at, true);   // click: hidden from the next frame on
  d = frame(f, at, false);
  EXPECT_LT(count_colour(d, blue), 10) << "hidden: only the faded legend swatch is left";
  frame(f, at, true);
  d = frame(f, at, false);
  EXPECT_EQ(count_colour(d, blue), shown);
}

// A small plot's legend goes above it, compact, its entries on one line: a click on an entry
// toggles that series only.
TEST(FigurePlot, CompactLegendEntriesToggleTheirOwnSeries) {
  HeadlessImGui h;
  const figure::PlotFigure f = two_lines();
  const ImVec2 size(260, 150);
  Drawn d = frame(f, ImVec2(-1, -1), false, size);
  ASSERT_EQ(d.layout.legend_rows.size(), 2u);
  const figure::LegendRow& sin_row = d.layout.legend_rows[0];
  const figure::LegendRow& cos_row = d.layout.legend_rows[1];
  ASSERT_EQ(sin_row.top, cos_row.top) << "compact: both entries on one line";
  ASSERT_LE(sin_row.right, cos_row.left);
  const palette::Rgb red{200, 10, 10}, blue{10, 10, 200};
  const int reds = count_colour(d, red), blues = count_colour(d, blue);
  const ImVec2 at(d.origin.x + float(0.5 * (cos_row.left + cos_row.right)),
                  d.origin.y + float(0.5 * (cos_row.top + cos_row.bottom)));
  frame(f, at, false, size);
  frame(f, at, true, size);
  d = frame(f, at, false, size);
  EXPECT_LT(count_colour(d, blue), 10);
  EXPECT_EQ(count_colour(d, red), reds);
  frame(f, at, true, size);
  d = frame(f, at, false, size);
  EXPECT_EQ(count_colour(d, blue), blues);
}

TEST(FigurePlot, ALongCurveIsDrawnAtThePlotsResolution) {
  // 20,000 steps of a smooth curve with one spike: at most two points per pixel column (one
  // where the column's values lie within half a pixel), and the spike's top is still drawn.
  HeadlessImGui h;
  figure::PlotFigure f;
  f.x_min = 0, f.x_max = 20000, f.y_min = 0, f.y_max = 2;
  std::vector<double> x, y;
  for (int i = 0; i < 20000; ++i) {
    x.push_back(i);
    y.push_back(i == 12345 ? 1.9 : 1.0 + 0.5 * std::exp(-i / 3000.0));
  }
  const palette::Rgb green{10, 160, 10};
  f.series.push_back(figure::line("curve", green, x, y));
  const Drawn d = frame(f, ImVec2(-1, -1), false);
  const int columns = static_cast<int>(d.layout.right - d.layout.left);
  const int verts = count_colour(d, green);
  EXPECT_GT(verts, columns);  // the whole width is drawn
  // ImGui's anti-aliased polyline: 2 opaque vertices per point (and 2 transparent fringe ones);
  // two points in every column would make 4 per column.
  EXPECT_LT(verts, 3 * columns);
  const float spike = d.origin.y + static_cast<float>(d.layout.px_y(1.9, false));
  bool top = false;
  for (const ImDrawVert& v : d.verts)
    top = top || ((v.col & 0x00FFFFFF) == (IM_COL32(10, 160, 10, 0) & 0x00FFFFFF) &&
                  std::abs(v.pos.y - spike) < 3.0f);
  EXPECT_TRUE(top);
}

}  // namespace
}  // namespace ll::widgets
