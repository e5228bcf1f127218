#pragma once
// The embedding training's loss over steps as a PlotFigure: the mined batch's loss, the loss
// over every pair/triplet and (right axis) how many of them are active. The window's training
// page draws it, its "Export…" and `losslab metric-train --out` write it.
#include <vector>

#include "app/figure/plot_figure.h"
#include "core/metric/embedding_training.h"

namespace ll::figure {

PlotFigure embedding_loss_plot(const std::vector<metric::StepRecord>& history,
                               metric::MetricLoss loss, const Style& style);

}  // namespace ll::figure
