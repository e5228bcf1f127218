#include "app/figure/loss_plot.h"

namespace ll::figure {

LossPlotFigure describe_loss_plot(const std::vector<long>& steps,
                                  const std::vector<LossRecord>& records, const Style& style) {
  LossPlotFigure f;
  const palette::PlotColors& c = style.plot();
  PlotSeries total{"total loss", c.total, {}, {}};
  PlotSeries data{"data loss", c.data, {}, {}};
  PlotSeries reg{"regularization", c.reg, {}, {}};
  PlotSeries acc{"accuracy", c.accuracy, {}, {}, true, 1.5};
  const std::size_t n = records.size();
  for (PlotSeries* s : {&total, &data, &reg, &acc}) {
    s->x.resize(n);
    s->y.resize(n);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double x = steps.size() == n ? static_cast<double>(steps[i]) : static_cast<double>(i);
    const LossRecord& r = records[i];
    for (PlotSeries* s : {&total, &data, &reg, &acc}) s->x[i] = x;
    total.y[i] = r.total_loss;
    data.y[i] = r.data_loss;
    reg.y[i] = r.reg_loss;
    acc.y[i] = r.accuracy;
  }
  if (n >= 2) {
    f.x_min = total.x.front();
    f.x_max = total.x.back() > f.x_min ? total.x.back() : f.x_min + 1.0;
  } else {  // nothing trained yet: a fixed range from the current step
    f.x_min = n == 1 ? total.x.front() : 0.0;
    f.x_max = f.x_min + 10.0;
  }
  f.series = {std::move(total), std::move(data), std::move(reg), std::move(acc)};
  return f;
}

}  // namespace ll::figure
