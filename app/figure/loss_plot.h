#pragma once
// The one description of the loss plot, shared by the window's plot panel and the exported
// figure: a PlotFigure (plot_figure.h) with the same series (total, data and regularization
// loss on the left axis, accuracy on a 0..1 right axis), in the same colours (the Style's plot
// colours), with the same labels and ranges; both backends draw its one layout.
// No ImGui, no cairo.
#include <string>
#include <vector>

#include "app/figure/plot_figure.h"
#include "app/style/style.h"
#include "core/optimizer.h"

namespace ll::figure {

using LossPlotFigure = PlotFigure;

// `steps[i]` is the step of `records[i]` (same length, or empty for 0, 1, 2, ...). The y range
// runs from min(0, data) to the data maximum plus 5%; x spans the steps (10 steps from the
// current one before there are two records); accuracy has its own 0..1 axis.
// `marks`: where a run's settings changed ("Softmax", "λ 0.1 → 0.01"), each a dashed vertical
// line at its step with the change as its label.
struct PlotMark {
  long step = 0;
  std::string text;
};
PlotFigure describe_loss_plot(const std::vector<long>& steps,
                              const std::vector<LossRecord>& records, const Style& style,
                              const std::vector<PlotMark>& marks = {});

}  // namespace ll::figure
