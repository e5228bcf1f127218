// Loss over training steps: data, regularization and total loss on the left axis, accuracy on
// the right (app/figure's loss plot and its layout, the same as the export's), drawn by the
// ll::widgets figure plot.
#include <imgui.h>

#include <vector>

#include "app/classifier/panels.h"
#include "app/figure/loss_plot.h"
#include "app/widgets/figure_plot.h"

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
  // The one description and layout of the loss plot (the exported figure draws the same).
  const Style style = st.options.style();
  figure::PlotFigure fig = figure::describe_loss_plot(steps, records, style, st.trainer.marks());
  // Presenter mode names the plot with its "Loss plot" button: the title's row goes to the data.
  if (st.presenter) fig.title.clear();
  widgets::FigurePlot("##losscurve", fig, ImVec2(-1, height), style);
}

}  // namespace ll::gui
