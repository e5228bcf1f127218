#pragma once
// The "MSE vs cross-entropy" tab: for a sigmoid output y_hat = sigma(z), the squared error and
// the binary cross-entropy against y_hat for targets 0 and 1, their gradients with respect to
// y_hat and with respect to the logit z, and the lecture's example (y = 0, y_hat = 0.9: squared
// error 0.81, cross-entropy 2.30; dSE/dy_hat = 1.8, dCE/dy_hat = 10; per logit 0.162 and 0.9)
// marked on every chart and editable (a y_hat slider or a click on a chart, the target 0 or 1).
// The curves are sampled once (core/lab/curve_sampling's probability family).
#include "core/lab/curve_sampling.h"

namespace ll::lab {

class MseCePanel {
 public:
  MseCePanel();
  void draw();

  // The example shown: y_hat in (0, 1) and the target 0 or 1.
  double y_hat() const { return y_hat_; }
  int target() const { return target_; }

 private:
  void controls();
  void loss_plot(float w, float h);
  void y_hat_gradient_plot(float w, float h);
  void logit_gradient_plot(float w, float h);
  void end_plot_taking_clicks();  // EndPlot; a click or drag on the chart moves y_hat there

  double y_hat_ = 0.9;
  int target_ = 0;
  CurveTable curves_;
};

}  // namespace ll::lab
