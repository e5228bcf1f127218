#pragma once
// The "x² vs |x|" tab: gradient descent from x0 with a fixed rate on both functions, the traces
// on their curves and the lecture's step tables (t, x_t, f'(x_t), x_{t+1}). describe() gives
// the two trace charts as PlotFigures (drawn and exported side by side; the tables are not
// exported).
#include "app/figure/plot_figure.h"
#include "app/lab/lab_export.h"
#include "app/style/style.h"

namespace ll::lab {

class GdPanel {
 public:
  // style: the window's (null: taken from the ImGui context).
  void draw(const Style* style = nullptr);
  // x² (left) and |x| (right): each curve, the trace and its iterates (the start highlighted).
  LabFigures describe(const Style& style) const;

 private:
  float x0_ = 2.0f;
  float rate_ = 0.3f;
  int steps_ = 10;
  LabExport export_{"gradient-descent"};
  ImVec2 last_size_{800.0f, 400.0f};  // the charts' on-screen size last frame (export default)
};

}  // namespace ll::lab
