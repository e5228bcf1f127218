#pragma once
// The one description of the loss plot, shared by the window's plot panel and the exported
// figure: the same series (total, data and regularization loss on the left axis, accuracy on a
// 0..1 right axis), in the same colours (the Style's plot colours), with the same labels.
// No ImGui, no cairo.
#include <string>
#include <vector>

#include "app/style/style.h"
#include "core/optimizer.h"

namespace ll::figure {

struct PlotSeries {
  std::string name;
  palette::Rgb color;
  std::vector<double> x, y;  // non-finite y values break the line
  bool right_axis = false;   // plotted against the right-hand (accuracy) axis
  double width = 2.0;        // line width at scale 1
};

struct LossPlotFigure {
  std::string title = "Loss over training steps";
  std::string x_label = "step", y_label = "loss", y2_label = "accuracy";
  double x_min = 0.0, x_max = 1.0;
  double y2_min = 0.0, y2_max = 1.0;  // accuracy: always 0..1
  bool include_zero_y = true;
  std::vector<PlotSeries> series;  // total, data, reg, accuracy: in drawing order
};

// `steps[i]` is the step of `records[i]` (same length, or empty for 0, 1, 2, ...).
LossPlotFigure describe_loss_plot(const std::vector<long>& steps,
                                  const std::vector<LossRecord>& records, const Style& style);

}  // namespace ll::figure
