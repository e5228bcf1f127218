#pragma once
// The one description of the loss landscape (core/landscape.h), drawn by the window (ImGui,
// app/widgets' FigurePlot) and the cairo exporter (app/export/landscape_export.h) alike, and by
// anyone else who draws it (races, animations): backend-free, in plot units and pixels.
//   2-D slice: a PlotFigure whose heat map is the grid's finest complete level in a perceptual
//     colour map (viridis: dark at the lowest loss, bright at the highest), with contour lines
//     (marching squares, core/contour.h), the optimizer's trajectory as a polyline projected
//     onto the slice, and the current parameters marked; axis names; a colour bar beside it.
//   1-D slice: the loss curve along the direction (a PlotFigure line) with the current point.
// layout_landscape places the plot and the colour bar ONCE for a size and a Style.
#include <string>
#include <vector>

#include "app/figure/plot_figure.h"
#include "core/landscape.h"
#include "core/trajectory.h"

namespace ll::figure {

// Viridis (perceptually uniform, colour-blind safe; a polynomial fit of the matplotlib map),
// t in [0, 1] (clamped): dark violet (68, 1, 84) at 0 to yellow (253, 231, 37) at 1.
palette::Rgb viridis(double t);

// One more path over the map (a race's run): its parameters, oldest first, projected onto the
// slice and drawn in its colour over a dark halo (readable on every viridis colour), with a disc
// where it ends. Races name their runs in the loss plot's legend, in the same colours.
struct LandscapePath {
  const std::vector<Params>* params = nullptr;
  palette::Rgb color;
  std::string name;
};

struct LandscapeInput {
  const LandscapeGrid* grid = nullptr;  // required; may be partly computed (stride > 1)
  std::string x_name, y_name;           // axis names (core's axis_name)
  // Where the parameters are now (the marker), projected onto the slice; null: the centre.
  const Params* current = nullptr;
  // The optimizer's path (oldest first), projected onto the slice; may be null.
  const std::vector<TrajectoryPoint>* trajectory = nullptr;
  std::vector<LandscapePath> paths;  // drawn over the trajectory, in this order
  Style style;
  std::string title = "Total loss";
  int contours = 8;  // about this many contour levels
};

struct LandscapeFigure {
  PlotFigure plot;
  bool one_d = false;
  bool computed = false;                  // false: no level is done yet (the plot is empty)
  int shown = 0;                          // nodes per side drawn (the finest complete level)
  double loss_min = 0.0, loss_max = 1.0;  // of the nodes drawn (the colour bar's range)
  std::vector<double> bar_ticks;          // colour bar tick values
  double bar_step = 0.0;
  std::string bar_title = "loss";
};

LandscapeFigure describe_landscape(const LandscapeInput& in);

struct LandscapeLayout {
  PlotLayout plot;  // in [0, plot_width] x [0, height]
  double plot_width = 0.0;
  bool bar = false;  // the colour bar (2-D with values)
  struct Cell {
    Vec top_left, bottom_right;
    palette::Rgb color;
  };
  std::vector<Cell> bar_cells;  // bottom to top
  Vec bar_top_left, bar_bottom_right;
  std::vector<Text> bar_texts;  // tick labels, then the title
  std::vector<double> bar_tick_y;
};

// The colour bar (when there is one) takes a strip at the right; the plot the rest.
LandscapeLayout layout_landscape(const LandscapeFigure& f, double width, double height,
                                 const Style& style, const MeasureText& measure);

// The value the figure shows at slice coordinates (a, b): the nearest node of the level drawn
// (NaN outside the grid or before any level).
double landscape_value_at(const LandscapeGrid& g, double a, double b);

}  // namespace ll::figure
