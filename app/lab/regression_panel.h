#pragma once
// The "Regression" tab: 1-D points on a canvas (drag to move, click to add, right-click to
// delete), lines fitted live by gradient descent under MSE, MAE and Huber(δ) side by side,
// the least-squares reference line, and the lecture's residual table for a chosen line.
// describe() gives the playground chart as a PlotFigure (drawn, and exported by "Export...";
// the table is not exported).
#include <vector>

#include "app/figure/plot_figure.h"
#include "app/lab/lab_export.h"
#include "app/style/style.h"
#include "core/lab/regression.h"

namespace ll::lab {

class RegressionPanel {
 public:
  RegressionPanel();
  // style: the window's (null: taken from the ImGui context).
  void draw(const Style* style = nullptr);
  // The playground: least squares, the preset model, the fits, residual segments and points.
  LabFigures describe(const Style& style) const;
  const std::vector<Sample>& samples() const { return samples_; }
  const Line& fit(int k) const { return fits_[k]; }

 private:
  void load_preset(int index);
  void fit_view();
  void add_outlier();
  void reset_fits();
  void step_fits(int steps);
  void controls();
  void canvas(float w, float h, const Style& style);
  void table(float w, float h);
  Line table_line() const;

  std::vector<Sample> samples_;
  Line model_;    // the preset's own line (the lecture's model)
  Line fits_[3];  // MSE, MAE, Huber
  bool enabled_[3] = {true, true, true};
  bool show_least_squares_ = true;
  bool show_residuals_ = true;
  bool playing_ = true;
  float delta_ = 1.0f;
  float lr_ = 0.05f;
  int steps_per_frame_ = 2;
  int preset_ = 0;
  int table_for_ = 0;              // 0 preset model, 1 least squares, 2.. fits
  int dragging_ = -1;              // index of the point being dragged
  double view_[4] = {0, 1, 0, 1};  // x_min, x_max, y_min, y_max
  int hovered_ = -1;               // the point under the mouse last frame
  LabExport export_{"regression"};
  ImVec2 last_size_{700.0f, 500.0f};  // the chart's on-screen size last frame (export default)
};

}  // namespace ll::lab
