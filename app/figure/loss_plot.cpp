#include "app/figure/loss_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ll::figure {

PlotFigure describe_loss_plot(const std::vector<long>& steps,
                              const std::vector<LossRecord>& records, const Style& style,
                              const std::vector<PlotMark>& marks) {
  PlotFigure f;
  f.title = "Loss over training steps";
  f.x_label = "step";
  f.y_label = "loss";
  f.y2_label = "accuracy";
  f.x_integer = true;
  const palette::PlotColors& c = style.plot();
  PlotSeries total = line("total loss", c.total, {}, {});
  PlotSeries data = line("data loss", c.data, {}, {});
  PlotSeries reg = line("regularization", c.reg, {}, {});
  reg.dashed = true;
  PlotSeries acc = line("accuracy", c.accuracy, {}, {}, 1.5);
  acc.right_axis = true;
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
  if (n == 1)  // a single record: markers instead of lines
    for (PlotSeries* s : {&total, &data, &reg, &acc}) {
      s->kind = SeriesKind::Markers;
      s->width = 4.0;
    }
  f.series = {std::move(total), std::move(data), std::move(reg), std::move(acc)};
  // y: min(0, data) .. max + 5% (non-finite values ignored), accuracy on 0..1.
  double lo = 0.0, hi = -std::numeric_limits<double>::infinity();
  for (const PlotSeries& s : f.series)
    if (!s.right_axis)
      for (double v : s.y)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!std::isfinite(hi) || hi <= lo) hi = lo + 1.0;
  f.y_min = lo;
  f.y_max = hi + 0.05 * (hi - lo);
  f.y2_min = 0.0;
  f.y2_max = 1.0;
  for (const PlotMark& m : marks)
    f.ref_lines.push_back({m.text, style.colors().text, static_cast<double>(m.step), true, 0.6});
  return f;
}

}  // namespace ll::figure
