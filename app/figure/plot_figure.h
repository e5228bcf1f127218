#pragma once
// The one description of a 2-D plot (the loss plot, the loss lab's charts), shared by the
// window's plot widget (ImDrawList) and the cairo exporter (PNG/SVG/PDF). A PlotFigure says what
// is plotted (title, axis labels, ranges, series, reference lines, legend); layout_plot places
// its frame ONCE for a pixel size and a Style: the plot rectangle, the tick positions and tick
// texts (core/ticks.h), the axis labels and title, and the legend box (inside the plot where it
// covers the fewest data samples). Both backends draw that layout and decide nothing
// themselves, so tick labels, frame and legend land on the same pixels in the window and in an
// export of the same size. No ImGui, no cairo.
//
//   figure::PlotFigure f;
//   f.title = "Hinge"; f.x_label = "m"; f.y_label = "loss";
//   f.x_min = -2; f.x_max = 3; f.y_min = 0; f.y_max = 3;
//   f.series.push_back(figure::line("hinge", color, xs, ys));
//   const figure::PlotLayout l = figure::layout_plot(f, 600, 400, style, measure);
#include <string>
#include <vector>

#include "app/figure/canvas_figure.h"  // Text, MeasureText, text_ascent
#include "app/style/style.h"

namespace ll::figure {

enum class SeriesKind {
  Line,     // a polyline; non-finite x or y values break it
  Markers,  // one disc (or ring) per finite (x, y)
  Band      // the area between y (lower) and y_hi (upper) over x, filled translucent
};

struct PlotSeries {
  std::string name;  // legend entry and hover readout; empty: in neither
  palette::Rgb color;
  std::vector<double> x, y;  // Band: y is the lower edge
  bool right_axis = false;   // against the right-hand axis [y2_min, y2_max]
  double width = 2.0;        // Line: width; Markers: radius (pixels at Style scale 1)
  SeriesKind kind = SeriesKind::Line;
  double alpha = 1.0;
  bool dashed = false;       // Line: dashes
  bool filled = true;        // Markers: filled discs with an outline, or rings
  std::vector<double> y_hi;  // Band: the upper edge
  bool in_legend = true;     // false: no legend row even with a name (readout only)
};

// A vertical (x = value) or horizontal (y = value, left axis) reference line, dashed when
// vertical, with an optional label at its top (vertical) or left end (horizontal).
struct RefLine {
  std::string label;
  palette::Rgb color;
  double value = 0.0;
  bool vertical = true;
  double alpha = 1.0;
};

// Where the legend may go: Auto tries the inner corners (top right first) and takes the one
// covering the fewest data samples; the others fix a corner.
enum class LegendPlace { Auto, TopRight, TopLeft, BottomRight, BottomLeft };

// A shaded map under the series (the loss landscape): node colours on a regular cols x rows
// grid spanning [x_min, x_max] x [y_min, y_max] in plot units (node (i, j) at
// colors[j * cols + i], j up the y axis), colours interpolated bilinearly between nodes. Both
// backends draw it clipped to the plot area, over the grid lines.
struct PlotHeat {
  int cols = 0, rows = 0;
  std::vector<palette::Rgb> colors;
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0;
  bool empty() const { return cols < 2 || rows < 2 || colors.size() < std::size_t(cols) * rows; }
  // The bilinear colour at plot coordinates (x, y), clamped to the grid.
  palette::Rgb at(double x, double y) const;
};

struct PlotFigure {
  std::string title, x_label, y_label;
  std::string y2_label;  // non-empty: a right-hand axis for the right_axis series
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0, y2_min = 0.0, y2_max = 1.0;
  bool x_integer = false;          // x counts something (steps): integer ticks and readouts only
  std::vector<PlotSeries> series;  // in drawing order (after the bands, which go first)
  std::vector<RefLine> ref_lines;  // drawn over the series
  PlotHeat heat;                   // drawn first (empty: none)
  bool legend = true;
  LegendPlace legend_place = LegendPlace::Auto;
  bool axes = true;  // false: no ticks, tick labels, axis labels or title (`--no-axes`)
  bool has_y2() const { return !y2_label.empty(); }
};

// Convenience constructors.
PlotSeries line(std::string name, palette::Rgb color, std::vector<double> x, std::vector<double> y,
                double width = 2.0);
PlotSeries markers(std::string name, palette::Rgb color, std::vector<double> x,
                   std::vector<double> y, double radius = 4.0);

// Ranges from the finite data of the (left- or right-axis) series: y from the minimum to the
// maximum with `pad` of the span on each side (0 included when include_zero), x edge to edge
// (a margin when there are markers). A span of 0 widens to +-0.5 (or 10%).
void fit_x(PlotFigure& f);
void fit_y(PlotFigure& f, bool include_zero, double pad = 0.1);
void fit_y2(PlotFigure& f, double pad = 0.1);

// Font size (ImGui line height) of a plot's text at Style scale 1: the window's UI font.
inline constexpr double kPlotFontPx = 16.0;

struct PlotTick {
  double value = 0.0;
  double at = 0.0;  // pixel x (x axis) or y (y axes) of the tick
  Text label;       // the tick text, placed
};

struct LegendRow {
  int series = -1;         // index into PlotFigure::series
  Vec swatch_a, swatch_b;  // a line's swatch (left, right end), or a marker's centre (both)
  Text label;
  // The entry's extent (a click inside toggles the series in the window): a row of the legend
  // box, or an entry of a compact legend's line.
  double left = 0.0, right = 0.0, top = 0.0, bottom = 0.0;
  bool contains(double x, double y) const {
    return x >= left && x < right && y >= top && y < bottom;
  }
};

struct PlotLayout {
  double width = 0.0, height = 0.0;  // the figure, pixels
  double scale = 1.0;                // Style scale: line widths, radii, lengths
  double font = kPlotFontPx;         // text size (line height), pixels
  double left = 0.0, top = 0.0, right = 1.0, bottom = 1.0;  // the plot rectangle (integers)
  double tick_len = 4.0;
  std::vector<PlotTick> x_ticks, y_ticks, y2_ticks;
  std::vector<Text> texts;  // title, axis labels
  bool legend = false;
  double legend_x0 = 0.0, legend_y0 = 0.0, legend_x1 = 0.0, legend_y1 = 0.0;  // its box
  std::vector<LegendRow> legend_rows;
  // The ranges the figure maps (a span of 0 or non-finite limits made drawable).
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0, y2_min = 0.0, y2_max = 1.0;

  double px_x(double x) const;
  double px_y(double y, bool right_axis = false) const;
  double x_at(double px) const;
  double y_at(double py) const;  // left axis
  bool inside(double px, double py) const {
    return px >= left && px <= right && py >= top && py <= bottom;
  }
};

// A legend inside the plot covering more than this share of the plot's area (or more than 40%
// of its height, or a tenth of it with data under it in every corner) is drawn compact instead: its
// entries at 0.8 of the font in rows above the plot.
inline constexpr double kCompactLegendShare = 0.25;

// The frame of `f` in a width x height figure: text sizes and lengths scale with style.scale
// (at least 0.75);
// `measure` gives text widths in the backend's font (DejaVu Sans in both).
PlotLayout layout_plot(const PlotFigure& f, double width, double height, const Style& style,
                       const MeasureText& measure);

// Hover readouts: the value of an ascending line series at x by linear interpolation (NaN
// outside its x range or on a break), and the readout text of x ("step = 29" on integer axes,
// the x label up to any " (" explanation).
double series_value_at(const PlotSeries& s, double x);
std::string x_readout(const PlotFigure& f, double x);

// A tick text: ll::tick_label with a real minus sign (U+2212).
std::string plot_tick_text(double v, double step);

}  // namespace ll::figure
