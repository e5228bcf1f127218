// Loss over training steps: data, regularization and total loss on the left axis, accuracy on
// the right, drawn with the shared ll::widgets plot.
#include <imgui.h>

#include <vector>

#include "app/gui/panels.h"
#include "app/widgets/plot.h"

namespace ll::gui {

void panel_plot(AppState& st, const Fonts&, float height) {
  // Before the first step the curve is empty: show where training starts from.
  const Evaluation& e = st.eval();
  const std::vector<LossPoint> start{
      {st.trainer.steps(), {e.data_loss, e.reg_loss, e.total_loss, e.accuracy}}};
  const std::vector<LossPoint>& c = st.trainer.curve().empty() ? start : st.trainer.curve();
  static std::vector<double> xs, data, reg, total, acc;
  const std::size_t n = c.size();
  xs.resize(n);
  data.resize(n);
  reg.resize(n);
  total.resize(n);
  acc.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    xs[i] = static_cast<double>(c[i].step);
    data[i] = c[i].record.data_loss;
    reg[i] = c[i].record.reg_loss;
    total[i] = c[i].record.total_loss;
    acc[i] = c[i].record.accuracy;
  }
  widgets::PlotOptions o;
  o.x_label = "step";
  o.y_label = "loss";
  o.y2_label = "accuracy";
  o.y2_fit = false;
  o.y2_min = 0.0;
  o.y2_max = 1.0;
  o.include_zero_y = true;
  if (n < 2) {  // nothing trained yet: a fixed range from the current step
    o.fixed_x(static_cast<double>(c.front().step), o.x_min + 10.0);
  }
  const bool dark = st.options.theme == Theme::Dark;
  if (widgets::BeginPlot("##losscurve", ImVec2(-1, height), o)) {
    const int ni = static_cast<int>(n);
    widgets::PlotLine("total", xs.data(), total.data(), ni,
                      dark ? IM_COL32(240, 240, 240, 255) : IM_COL32(20, 20, 20, 255));
    widgets::PlotLine("data", xs.data(), data.data(), ni, IM_COL32(220, 60, 60, 255));
    widgets::PlotLine("reg", xs.data(), reg.data(), ni, IM_COL32(230, 159, 0, 255));
    widgets::PlotLine("accuracy", xs.data(), acc.data(), ni, IM_COL32(60, 110, 220, 255),
                      widgets::Axis::Y2, 1.5f);
    if (n == 1) {  // a single record: markers instead of lines
      widgets::PlotScatter(nullptr, xs.data(), total.data(), 1,
                           dark ? IM_COL32(240, 240, 240, 255) : IM_COL32(20, 20, 20, 255));
      widgets::PlotScatter(nullptr, xs.data(), data.data(), 1, IM_COL32(220, 60, 60, 255));
      widgets::PlotScatter(nullptr, xs.data(), reg.data(), 1, IM_COL32(230, 159, 0, 255));
      widgets::PlotScatter(nullptr, xs.data(), acc.data(), 1, IM_COL32(60, 110, 220, 255),
                           widgets::Axis::Y2);
    }
    widgets::EndPlot();
  }
}

}  // namespace ll::gui
