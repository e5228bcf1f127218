#include "core/curves.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ll::curves {

ValueGrad squared(double r) { return {r * r, 2.0 * r}; }

ValueGrad absolute(double r) { return {std::abs(r), r > 0 ? 1.0 : (r < 0 ? -1.0 : 0.0)}; }

ValueGrad huber(double r, double delta) {
  const double a = std::abs(r);
  if (a <= delta) return {0.5 * r * r, r};
  return {delta * (a - 0.5 * delta), r > 0 ? delta : -delta};
}

ValueGrad log_cosh(double r) {
  // ln cosh r = |r| + ln(1 + e^{-2|r|}) - ln 2
  const double a = std::abs(r);
  return {a + std::log1p(std::exp(-2.0 * a)) - std::numbers::ln2, std::tanh(r)};
}

double mae(std::span<const double> r) {
  if (r.empty()) return 0.0;
  double s = 0.0;
  for (double v : r) s += std::abs(v);
  return s / static_cast<double>(r.size());
}

double mse(std::span<const double> r) {
  if (r.empty()) return 0.0;
  double s = 0.0;
  for (double v : r) s += v * v;
  return s / static_cast<double>(r.size());
}

double rmse(std::span<const double> r) { return std::sqrt(mse(r)); }

double mean_huber(std::span<const double> r, double delta) {
  if (r.empty()) return 0.0;
  double s = 0.0;
  for (double v : r) s += huber(v, delta).value;
  return s / static_cast<double>(r.size());
}

ValueGrad cross_entropy(double p, bool bits) {
  const double scale = bits ? 1.0 / std::numbers::ln2 : 1.0;
  return {-std::log(p) * scale, -scale / p};
}

ValueGrad binary_cross_entropy(double y, double yh) {
  double v = 0.0, g = 0.0;
  if (y != 0.0) {
    v -= y * std::log(yh);
    g -= y / yh;
  }
  if (y != 1.0) {
    v -= (1.0 - y) * std::log1p(-yh);
    g += (1.0 - y) / (1.0 - yh);
  }
  return {v, g};
}

ValueGrad focal(double p, double gamma, double alpha) {
  const double q = 1.0 - p;
  const double lp = std::log(p);
  const double qg = std::pow(q, gamma);
  // d/dp [-(1-p)^g ln p] = g (1-p)^(g-1) ln p - (1-p)^g / p
  const double dqg = gamma == 0.0 ? 0.0 : gamma * std::pow(q, gamma - 1.0);
  // At p = 1 (ln p = 0) the first term's limit is 0 even where (1-p)^(g-1) is inf (g < 1).
  const double first = lp == 0.0 ? 0.0 : dqg * lp;
  return {-alpha * qg * lp, alpha * (first - qg / p)};
}

double entropy_bits(std::span<const double> p) {
  double h = 0.0;
  for (double v : p) {
    if (v > 0.0) h -= v * std::log2(v);
  }
  return h;
}

ValueGrad binary_entropy_bits(double p) {
  const double q = 1.0 - p;
  double h = 0.0;
  if (p > 0.0) h -= p * std::log2(p);
  if (q > 0.0) h -= q * std::log2(q);
  return {h, std::log2(q) - std::log2(p)};
}

ValueGrad binary_entropy(double p, bool bits) {
  const double scale = bits ? 1.0 / std::numbers::ln2 : 1.0;
  const double q = 1.0 - p;
  double h = 0.0;
  if (p > 0.0) h -= p * std::log(p);
  if (q > 0.0) h -= q * std::log(q);
  return {h * scale, (std::log(q) - std::log(p)) * scale};
}

ValueGrad squared_error(double y, double yh) { return {(y - yh) * (y - yh), 2.0 * (yh - y)}; }

double squared_error_dlogit(double y, double yh) { return 2.0 * (yh - y) * yh * (1.0 - yh); }

double bce_dlogit(double y, double yh) { return yh - y; }

ValueGrad zero_one(double m) { return {m <= 0.0 ? 1.0 : 0.0, 0.0}; }

ValueGrad hinge(double m, double margin) {
  return m < margin ? ValueGrad{margin - m, -1.0} : ValueGrad{0.0, 0.0};
}

ValueGrad square(double m) { return {(1.0 - m) * (1.0 - m), -2.0 * (1.0 - m)}; }

ValueGrad squared_hinge(double m) {
  return m < 1.0 ? ValueGrad{(1.0 - m) * (1.0 - m), -2.0 * (1.0 - m)} : ValueGrad{0.0, 0.0};
}

ValueGrad logistic(double m) {
  // ln(1 + e^-m) = max(-m, 0) + ln(1 + e^{-|m|}); derivative -sigmoid(-m)
  const double v = std::max(-m, 0.0) + std::log1p(std::exp(-std::abs(m)));
  const double sig = m >= 0 ? std::exp(-m) / (1.0 + std::exp(-m)) : 1.0 / (1.0 + std::exp(m));
  return {v, -sig};
}

ValueGrad exponential(double m) {
  const double e = std::exp(-m);
  return {e, -e};
}

}  // namespace ll::curves
