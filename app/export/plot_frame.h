#pragma once
// A generic line plot drawn with cairo: frame, grid, ticks, axis labels, series and legend.
// The loss plot and the loss-curve figures fill a PlotSpec and call draw_plot.
#include <cairo.h>

#include <string>
#include <vector>

#include "app/export/figure.h"

namespace ll::exporter {

struct Series {
  std::string name;
  palette::Rgb color;
  std::vector<double> x, y;  // non-finite y values break the line
  bool dashed = false;
  bool right_axis = false;  // against the right-hand axis [y2_min, y2_max]
  double width = 2.0;       // in figure units
};

struct PlotSpec {
  std::string title, x_label, y_label;
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0;  // visible ranges
  std::vector<Series> series;
  double legend_x = 1.0;  // legend at the plot's top: 0 left, 0.5 centre, 1 right
  std::string y2_label;   // the right-hand axis (shown when a series uses it)
  double y2_min = 0.0, y2_max = 1.0;
};

// Ranges: y from min(0, data) to the data maximum plus 5%, ignoring non-finite values (and the
// right-axis series).
void fit_y_range(PlotSpec& spec);

void draw_plot(cairo_t* cr, const PlotSpec& spec, const FigureOptions& opt);

}  // namespace ll::exporter
