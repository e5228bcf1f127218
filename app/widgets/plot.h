#pragma once
// A small immediate-mode 2-D plot drawn with ImDrawList (ImPlot is not packaged for Debian).
//
//   ll::widgets::PlotOptions o;
//   o.x_label = "step"; o.y_label = "loss"; o.y2_label = "accuracy";
//   o.y2_fit = false; o.y2_min = 0; o.y2_max = 1;
//   if (ll::widgets::BeginPlot("##history", ImVec2(-1, 240), o)) {
//     ll::widgets::PlotLine("loss", steps, loss, n, IM_COL32(200, 60, 60, 255));
//     ll::widgets::PlotLine("accuracy", steps, acc, n, IM_COL32(60, 120, 200, 255),
//                           ll::widgets::Axis::Y2);
//     ll::widgets::PlotVLine("now", steps[n - 1], IM_COL32(120, 120, 120, 255));
//     ll::widgets::PlotHover h = ll::widgets::EndPlot();
//   }
//
// BeginPlot reserves the frame and returns false when it is clipped (then do not call EndPlot).
// Plot* calls only record pointers to the caller's arrays, which must stay alive until EndPlot;
// EndPlot fits the ranges, draws grid, 1-2-5 ticks (core/ticks.h), series, markers, legend and
// the hover crosshair (which reads every line series at the cursor x, interpolated), and returns
// what the mouse is over. Ranges may span up to the whole double range; values far outside
// them are clamped to 1e5 px off the area. Non-finite y values break a line. Lines with more points
// than pixels are drawn min/max-decimated per pixel column (x must be ascending for that and for
// the readout).
//
// Between BeginPlot and EndPlot the plot area is ImGui's last item (an InvisibleButton), so
// ImGui::IsItemHovered()/IsItemActive()/IsItemClicked() work on it (after EndPlot too, unless
// the crosshair opened its tooltip, which becomes the last item). When the ranges are fixed
// (fit_x/fit_y false), ToPlot/ToPixels are valid right after BeginPlot: use them for dragging.
// Clicking a legend entry hides or shows that series (kept in ImGui's state storage).
#include <imgui.h>

namespace ll::widgets {

enum class Axis { Y1, Y2 };

struct PlotOptions {
  const char* title = nullptr;  // drawn above the frame when set
  const char* x_label = nullptr;
  const char* y_label = nullptr;
  const char* y2_label = nullptr;  // set it to get a right-hand axis for Axis::Y2 series
  bool fit_x = true;               // auto-fit to the data, or use [x_min, x_max]
  bool fit_y = true;
  bool y2_fit = true;
  double x_min = 0.0, x_max = 1.0;
  double y_min = 0.0, y_max = 1.0;
  // Fixed ranges instead of auto-fit.
  void fixed_x(double lo, double hi) {
    fit_x = false;
    x_min = lo;
    x_max = hi;
  }
  void fixed_y(double lo, double hi) {
    fit_y = false;
    y_min = lo;
    y_max = hi;
  }
  double y2_min = 0.0, y2_max = 1.0;
  bool include_zero_y = false;  // when fitting y, make sure 0 is in range
  bool legend = true;
  bool crosshair = true;
  enum class LegendPos {
    TopRight,
    TopLeft,
    BottomRight,
    BottomLeft
  } legend_pos = LegendPos::TopRight;
};

// What EndPlot reports about the mouse.
struct PlotHover {
  bool hovered = false;     // mouse inside the plot area
  double x = 0.0, y = 0.0;  // mouse position in plot units (y on the left axis)
  int scatter_series = -1;  // index (in PlotScatter call order) of the marker under the mouse
  int scatter_index = -1;   // index of that marker in its array, or -1
};

// size: width/height in pixels; <= 0 means "fill the available width/height" (ImGui style).
bool BeginPlot(const char* id, ImVec2 size, const PlotOptions& options = {});

void PlotLine(const char* name, const double* xs, const double* ys, int n, ImU32 color,
              Axis axis = Axis::Y1, float thickness = 2.0f);
// Markers; name == nullptr keeps the series out of the legend and the crosshair readout.
void PlotScatter(const char* name, const double* xs, const double* ys, int n, ImU32 color,
                 Axis axis = Axis::Y1, float radius = 4.0f, bool filled = true);
// A dashed vertical marker line at x with an optional label at its top.
void PlotVLine(const char* label, double x, ImU32 color);
// A horizontal reference line (e.g. y = 0) on the left axis.
void PlotHLine(const char* label, double y, ImU32 color);

PlotHover EndPlot();

// Plot <-> pixel mapping of the current (or, after EndPlot, the last) plot, left axis.
// See the note on fixed ranges above.
ImVec2 ToPixels(double x, double y);
void ToPlot(ImVec2 pixel, double& x, double& y);
// True when the mouse is over the current plot's legend (last frame's layout): lets a caller
// that reacts to clicks on the plot area ignore clicks meant for the legend.
bool IsLegendHovered();

}  // namespace ll::widgets
