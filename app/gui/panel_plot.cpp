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
  // The series colours are the Style's, the same as the exported loss plot's.
  const palette::PlotColors& pc = st.options.style().plot();
  const ImU32 c_total = pack_rgba(pc.total), c_data = pack_rgba(pc.data), c_reg = pack_rgba(pc.reg),
              c_acc = pack_rgba(pc.accuracy);
  if (widgets::BeginPlot("##losscurve", ImVec2(-1, height), o)) {
    const int ni = static_cast<int>(n);
    widgets::PlotLine("total", xs.data(), total.data(), ni, c_total);
    widgets::PlotLine("data", xs.data(), data.data(), ni, c_data);
    widgets::PlotLine("reg", xs.data(), reg.data(), ni, c_reg);
    widgets::PlotLine("accuracy", xs.data(), acc.data(), ni, c_acc, widgets::Axis::Y2, 1.5f);
    if (n == 1) {  // a single record: markers instead of lines
      widgets::PlotScatter(nullptr, xs.data(), total.data(), 1, c_total);
      widgets::PlotScatter(nullptr, xs.data(), data.data(), 1, c_data);
      widgets::PlotScatter(nullptr, xs.data(), reg.data(), 1, c_reg);
      widgets::PlotScatter(nullptr, xs.data(), acc.data(), 1, c_acc, widgets::Axis::Y2);
    }
    widgets::EndPlot();
  }
}

}  // namespace ll::gui
