// The plot widget drawn headless (an ImGui context without a renderer): the vertices it emits
// for ranges and values at the edge of the double range. Tick maths is tested in
// tests/core/ticks_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "app/widgets/plot.h"
#include "tests/widgets/headless_imgui.h"

namespace ll::widgets {
namespace {

// Draws one 600 x 400 plot with `draw` between BeginPlot and EndPlot; returns the positions of
// every vertex of the frame and the plot area's rectangle (from ToPixels of the range corners).
template <typename F>
std::vector<ImVec2> draw_plot(const PlotOptions& o, F draw) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(800, 600));
  ImGui::Begin("plot");
  if (BeginPlot("##p", ImVec2(600, 400), o)) {
    draw();
    EndPlot();
  }
  ImGui::End();
  ImGui::Render();
  std::vector<ImVec2> out;
  const ImDrawData* dd = ImGui::GetDrawData();
  for (int i = 0; i < dd->CmdListsCount; ++i)
    for (const ImDrawVert& v : dd->CmdLists[i]->VtxBuffer) out.push_back(v.pos);
  return out;
}

// Regression: values far outside a fixed range became inf pixels (and int(floor(inf)) in the
// decimated path, undefined behaviour); they are clamped like y.
TEST(PlotWidget, FarValuesGiveFinitePixels) {
  HeadlessImGui h;
  PlotOptions o;
  o.fit_x = o.fit_y = false;
  std::vector<double> xs{0.0, 0.5, 1e300}, ys{0.0, 0.5, 1.0};
  std::vector<double> many_x(5000), many_y(5000);
  for (int i = 0; i < 5000; ++i)
    many_x[size_t(i)] = i < 4999 ? i / 5000.0 : 1e300, many_y[size_t(i)] = 0.5;
  const std::vector<ImVec2> v = draw_plot(o, [&] {
    PlotLine("few", xs.data(), ys.data(), 3, IM_COL32(255, 0, 0, 255));
    PlotLine("many", many_x.data(), many_y.data(), 5000, IM_COL32(0, 255, 0, 255));
  });
  ASSERT_FALSE(v.empty());
  for (const ImVec2& p : v) {
    ASSERT_TRUE(std::isfinite(p.x) && std::isfinite(p.y)) << p.x << ", " << p.y;
    EXPECT_LE(std::abs(p.x), 2e5f);
  }
  EXPECT_FLOAT_EQ(ToPixels(1e300, 0).x, 1e5f);
}

// Regression: a range of -1e308 .. 1e308 has a span of inf: every point mapped to the left edge
// and the ticks overflowed. Now the ends map to the two edges and the mouse maps back.
TEST(PlotWidget, RangesUpToTheLargestDoubleMapEndToEnd) {
  HeadlessImGui h;
  PlotOptions o;
  o.fit_y = false;
  std::vector<double> xs{-1e308, 1e308}, ys{0.0, 1.0};
  float left = 0, right = 0, zero = 0;
  const std::vector<ImVec2> v =
      draw_plot(o, [&] { PlotLine("wide", xs.data(), ys.data(), 2, IM_COL32(255, 0, 0, 255)); });
  left = ToPixels(-1e308, 0).x, right = ToPixels(1e308, 0).x, zero = ToPixels(0, 0).x;
  for (const ImVec2& p : v) ASSERT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
  EXPECT_GT(right - left, 400.0f);
  EXPECT_NEAR(zero, 0.5f * (left + right), 1.0f);
  double x = 0, y = 0;
  ToPlot(ImVec2(right, 0), x, y);
  EXPECT_NEAR(x / 1e308, 1.0, 1e-6);
}

}  // namespace
}  // namespace ll::widgets
