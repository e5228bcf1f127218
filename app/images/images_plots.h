#pragma once
// The Images tab's curves as app/figure PlotFigures (drawn by the plot widget, exported through
// the loss lab's figure export): the accuracy of the training and test sets over steps, and
// the loss (the logged minibatch data loss, and the train and test data loss of each
// evaluation). No ImGui.
#include "app/figure/plot_figure.h"
#include "app/style/style.h"
#include "core/images/trainer.h"

namespace ll::imagestab {

figure::PlotFigure accuracy_figure(const images::TrainSnapshot& s, const Style& style);
figure::PlotFigure loss_figure(const images::TrainSnapshot& s, const Style& style);

}  // namespace ll::imagestab
