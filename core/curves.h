#pragma once
// Loss curves for the loss lab, each as a plain function returning its value and derivative.
// Regression losses take the residual r = y - y_hat; margin surrogates take m = y * f(x);
// probability losses take the predicted probability p of the true class (or y_hat).
#include <span>

namespace ll::curves {

struct ValueGrad {
  double value = 0.0;
  double grad = 0.0;  // derivative with respect to the argument
};

// Per-residual regression losses.
ValueGrad squared(double r);              // r^2
ValueGrad absolute(double r);             // |r| (subgradient 0 at 0)
ValueGrad huber(double r, double delta);  // r^2/2 if |r| <= delta else delta(|r| - delta/2)
ValueGrad log_cosh(double r);             // ln cosh r (stable for large |r|)

// Aggregates over a residual table.
double mae(std::span<const double> r);
double mse(std::span<const double> r);
double rmse(std::span<const double> r);
double mean_huber(std::span<const double> r, double delta);

// Probability losses. `bits` selects log base 2 instead of natural log.
ValueGrad cross_entropy(double p, bool bits = false);         // -log p, d/dp
ValueGrad binary_cross_entropy(double y, double y_hat);       // -(y ln yh + (1-y) ln(1-yh)), d/dyh
ValueGrad focal(double p, double gamma, double alpha = 1.0);  // -alpha (1-p)^gamma ln p, d/dp
double entropy_bits(std::span<const double> p);               // -sum p log2 p
ValueGrad binary_entropy_bits(double p);                      // H(p) in bits, d/dp
ValueGrad binary_entropy(double p, bool bits = false);        // H(p) in nats (or bits), d/dp

// A sigmoid output y_hat = sigma(z) against a target y in {0, 1} (the MSE versus cross-entropy
// comparison): the squared error and its derivatives. Binary cross-entropy is above.
ValueGrad squared_error(double y, double y_hat);  // (y - yh)^2, d/dyh = 2 (yh - y)
// Derivatives with respect to the logit z (dy_hat/dz = yh (1 - yh)):
double squared_error_dlogit(double y, double y_hat);  // 2 (yh - y) yh (1 - yh): vanishes at 0, 1
double bce_dlogit(double y, double y_hat);            // yh - y: never vanishes when wrong

// Margin surrogates of the 0-1 loss.
ValueGrad zero_one(double m);                    // 1 if m <= 0 else 0 (derivative 0)
ValueGrad hinge(double m, double margin = 1.0);  // max(0, margin - m)
ValueGrad squared_hinge(double m);               // max(0, 1 - m)^2
ValueGrad square(double m);                      // (1 - m)^2: the binary square loss on +-1 labels
ValueGrad logistic(double m);                    // ln(1 + e^-m), stable
ValueGrad exponential(double m);                 // e^-m

}  // namespace ll::curves
