#include "core/lab/regression.h"

#include <algorithm>
#include <cmath>

#include "core/curves.h"

namespace ll::lab {
namespace {

// True when a standard deviation `sd` of the values `s.*v` is more than rounding noise, relative
// to the values' magnitude (1e-7 * i are distinct x; 1e8 + 1e-9 are not).
bool spread(double sd, std::span<const Sample> s, double Sample::*v) {
  double scale = 0.0;
  for (const Sample& p : s) scale = std::max(scale, std::abs(p.*v));
  return sd > 1e-12 * scale;
}

struct Standardizer {
  double mx = 0.0, sx = 1.0, my = 0.0, sy = 1.0;

  explicit Standardizer(std::span<const Sample> s) {
    const double n = static_cast<double>(s.size());
    if (s.empty()) return;
    for (const Sample& p : s) mx += p.x, my += p.y;
    mx /= n, my /= n;
    double vx = 0.0, vy = 0.0;
    for (const Sample& p : s) vx += (p.x - mx) * (p.x - mx), vy += (p.y - my) * (p.y - my);
    sx = std::sqrt(vx / n), sy = std::sqrt(vy / n);
    if (!spread(sx, s, &Sample::x)) sx = 1.0;
    if (!spread(sy, s, &Sample::y)) sy = 1.0;
  }
  // y = my + sy (a' (x - mx)/sx + c')  <=>  y = a x + c
  Line to_standard(const Line& l) const { return {l.a * sx / sy, (l(mx) - my) / sy}; }
  Line from_standard(const Line& l) const {
    const double a = sy * l.a / sx;
    return {a, my + sy * l.c - a * mx};
  }
};

// d loss / d r for one residual, as used for the descent direction. Huber's is divided by
// min(delta, 1): the same minimizer, but for a small delta its steps are as long as MAE's
// instead of delta times shorter (its gradient is bounded by delta).
// Huber with delta <= 0 (or NaN) is MAE: huber(r, delta) / delta -> |r| as delta -> 0, the same
// minimizer, where dividing by delta itself would give 0 / 0.
RegressionLoss effective(RegressionLoss k, double delta) {
  return k == RegressionLoss::Huber && !(delta > 0.0) ? RegressionLoss::MAE : k;
}

double loss_grad(double r, RegressionLoss k, double delta) {
  k = effective(k, delta);
  switch (k) {
    case RegressionLoss::MSE:
      return curves::squared(r).grad;
    case RegressionLoss::MAE:
      return curves::absolute(r).grad;
    case RegressionLoss::Huber:
      return curves::huber(r, delta).grad / std::min(delta, 1.0);
  }
  return 0.0;
}

double loss_value(double r, RegressionLoss k, double delta) {
  k = effective(k, delta);
  switch (k) {
    case RegressionLoss::MSE:
      return curves::squared(r).value;
    case RegressionLoss::MAE:
      return curves::absolute(r).value;
    case RegressionLoss::Huber:
      return curves::huber(r, delta).value;
  }
  return 0.0;
}

}  // namespace

const char* display_name(RegressionLoss k) {
  switch (k) {
    case RegressionLoss::MSE:
      return "MSE";
    case RegressionLoss::MAE:
      return "MAE";
    case RegressionLoss::Huber:
      return "Huber";
  }
  return "?";
}

double regression_loss(std::span<const Sample> s, const Line& line, RegressionLoss k,
                       double delta) {
  if (s.empty()) return 0.0;
  double sum = 0.0;
  for (const Sample& p : s) sum += loss_value(p.y - line(p.x), k, delta);
  return sum / static_cast<double>(s.size());
}

Line least_squares(std::span<const Sample> s) {
  if (s.empty()) return {};
  const Standardizer st(s);
  // Ordinary least squares on the centred data: a = sum dx dy / sum dx^2, c = mean y - a mean x.
  double sxy = 0.0, sxx = 0.0;
  for (const Sample& p : s) {
    const double dx = p.x - st.mx;
    sxy += dx * (p.y - st.my);
    sxx += dx * dx;
  }
  // "Fewer than two distinct x" is judged relative to the size of x, not in absolute units.
  if (!spread(std::sqrt(sxx / static_cast<double>(s.size())), s, &Sample::x)) return {0.0, st.my};
  const double a = sxy / sxx;
  return {a, st.my - a * st.mx};
}

double gradient_step(std::span<const Sample> s, Line& line, RegressionLoss k, double delta,
                     double lr) {
  if (s.empty()) return 0.0;
  const Standardizer st(s);
  Line l = st.to_standard(line);
  const double d = delta / st.sy;
  double ga = 0.0, gc = 0.0;
  for (const Sample& p : s) {
    const double x = (p.x - st.mx) / st.sx, y = (p.y - st.my) / st.sy;
    const double g = loss_grad(y - l(x), k, d);  // r = y - (a x + c): dr/da = -x, dr/dc = -1
    ga -= g * x;
    gc -= g;
  }
  const double n = static_cast<double>(s.size());
  ga /= n, gc /= n;
  l.a -= lr * ga;
  l.c -= lr * gc;
  line = st.from_standard(l);
  return std::sqrt(ga * ga + gc * gc);
}

ResidualTable residual_table(std::span<const double> r, double delta) {
  ResidualTable t;
  t.rows.reserve(r.size());
  const bool huber = effective(RegressionLoss::Huber, delta) == RegressionLoss::Huber;
  for (double v : r)
    t.rows.push_back({v, curves::absolute(v).value, curves::squared(v).value,
                      huber ? curves::huber(v, delta).value : curves::absolute(v).value});
  t.mae = curves::mae(r);
  t.mse = curves::mse(r);
  t.rmse = curves::rmse(r);
  t.mean_huber = huber ? curves::mean_huber(r, delta) : t.mae;
  return t;
}

ResidualTable residual_table(std::span<const Sample> s, const Line& line, double delta) {
  std::vector<double> r;
  r.reserve(s.size());
  for (const Sample& p : s) r.push_back(p.y - line(p.x));
  return residual_table(r, delta);
}

}  // namespace ll::lab
