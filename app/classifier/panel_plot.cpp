// Loss over training steps: data, regularization and total loss on the left axis, accuracy on
// the right (app/figure's loss plot, the same as the export's), drawn with the ll::widgets plot.
#include <imgui.h>

#include <vector>

#include "app/classifier/panels.h"
#include "app/figure/loss_plot.h"
#include "app/widgets/plot.h"

namespace ll::gui {

void panel_plot(AppState& st, const Fonts&, float height) {
  // Before the first step the curve is empty: show where training starts from.
  const Evaluation& e = st.eval();
  const std::vector<LossPoint> start{
      {st.trainer.steps(), {e.data_loss, e.reg_loss, e.total_loss, e.accuracy}}};
  const std::vector<LossPoint>& c = st.trainer.curve().empty() ? start : st.trainer.curve();
  // The one description of the loss plot (the exported figure draws the same series).
  std::vector<long> steps(c.size());
  std::vector<LossRecord> records(c.size());
  for (std::size_t i = 0; i < c.size(); ++i) {
    steps[i] = c[i].step;
    records[i] = c[i].record;
  }
  const figure::LossPlotFigure fig = figure::describe_loss_plot(steps, records, st.options.style());
  widgets::PlotOptions o;
  o.x_label = fig.x_label.c_str();
  o.y_label = fig.y_label.c_str();
  o.y2_label = fig.y2_label.c_str();
  o.y2_fit = false;
  o.y2_min = fig.y2_min;
  o.y2_max = fig.y2_max;
  o.include_zero_y = fig.include_zero_y;
  if (c.size() < 2) o.fixed_x(fig.x_min, fig.x_max);  // nothing trained yet: a fixed range
  if (widgets::BeginPlot("##losscurve", ImVec2(-1, height), o)) {
    for (const figure::PlotSeries& s : fig.series) {
      const widgets::Axis axis = s.right_axis ? widgets::Axis::Y2 : widgets::Axis::Y1;
      const int n = static_cast<int>(s.x.size());
      widgets::PlotLine(s.name.c_str(), s.x.data(), s.y.data(), n, pack_rgba(s.color), axis,
                        static_cast<float>(s.width));
      if (n == 1)  // a single record: markers instead of lines
        widgets::PlotScatter(nullptr, s.x.data(), s.y.data(), 1, pack_rgba(s.color), axis);
    }
    widgets::EndPlot();
  }
}

}  // namespace ll::gui
