#pragma once
// The regression playground's model: 1-D samples (x, y), a line y_hat = a x + c fitted by
// gradient descent under MSE, MAE or Huber(delta), the exact least-squares line, and the
// lecture's residual table. Per-residual losses come from core/curves.h.
//
// Gradient descent runs on standardized data (x' = (x - mean x)/sd x, y' likewise), which makes
// one learning rate work for any units; the loss is rescaled exactly (Huber with delta/sd y), so
// the minimizer is the same line as in the original units. Huber's step is divided by
// min(delta', 1) so that a small delta does not make it crawl (same minimizer again).
#include <span>
#include <vector>

namespace ll::lab {

struct Sample {
  double x = 0.0;
  double y = 0.0;
  bool operator==(const Sample&) const = default;
};

struct Line {
  double a = 0.0;  // slope
  double c = 0.0;  // intercept
  double operator()(double x) const { return a * x + c; }
  bool operator==(const Line&) const = default;
};

enum class RegressionLoss { MSE, MAE, Huber };
const char* display_name(RegressionLoss k);  // "MSE", "MAE", "Huber"

// Huber with delta <= 0 (or NaN) is treated as MAE everywhere below (the limit of
// huber(r, delta) / delta, same minimizer; dividing by delta = 0 would give NaN).

// Mean loss of the residuals r_i = y_i - line(x_i) (MSE: mean r^2; MAE: mean |r|; Huber: mean
// huber(r, delta)), in the data's units.
double regression_loss(std::span<const Sample> s, const Line& line, RegressionLoss k, double delta);

// Ordinary least squares. With fewer than two distinct x (spread of x below 1e-12 of its
// magnitude): the horizontal line through mean y.
Line least_squares(std::span<const Sample> s);

// One gradient-descent step of `line` on the standardized problem with learning rate `lr`.
// Returns the gradient norm in standardized units (0 for no samples).
double gradient_step(std::span<const Sample> s, Line& line, RegressionLoss k, double delta,
                     double lr);

// The residual table: one row per sample and the summary row.
struct ResidualRow {
  double r = 0.0, abs = 0.0, sq = 0.0, huber = 0.0;
};
struct ResidualTable {
  std::vector<ResidualRow> rows;
  double mae = 0.0, mse = 0.0, rmse = 0.0, mean_huber = 0.0;
};
ResidualTable residual_table(std::span<const Sample> s, const Line& line, double delta);
// The same table from residuals given directly (the lecture's tables list residuals only).
ResidualTable residual_table(std::span<const double> residuals, double delta);

}  // namespace ll::lab
