#include "app/figure/embedding_plot.h"

namespace ll::figure {

PlotFigure embedding_loss_plot(const std::vector<metric::StepRecord>& history,
                               metric::MetricLoss loss, const Style& style) {
  const bool triplet = loss == metric::MetricLoss::Triplet;
  std::vector<double> step, mined, all, active;
  for (const metric::StepRecord& r : history) {
    step.push_back(r.step);
    mined.push_back(r.loss);
    all.push_back(r.full_loss);
    active.push_back(r.all_active);
  }
  PlotFigure p;
  p.title = "loss over steps";
  p.x_label = "step";
  p.y_label = "loss";
  p.y2_label = triplet ? "active triplets (all)" : "active pairs (all)";
  p.x_integer = true;
  p.series.push_back(line("loss (mined)", style.plot().data, step, mined));
  p.series.push_back(line("loss (all)", style.plot().total, step, all, 1.5));
  PlotSeries a = line("active (all)", style.plot().accuracy, step, active, 1.5);
  a.right_axis = true;
  p.series.push_back(std::move(a));
  fit_x(p);
  fit_y(p, true);
  fit_y2(p);
  if (p.y2_min > 0.0) p.y2_min = 0.0;  // a count, from 0
  return p;
}

}  // namespace ll::figure
