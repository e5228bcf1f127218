#include "core/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ll {

double nice_step(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo) || target < 1) return 0.0;
  const double raw = (hi - lo) / target;
  // hi - lo overflows for spans beyond DBL_MAX; hi/2 - lo/2 never does.
  const double lg = std::isfinite(raw)
                        ? std::log10(raw)
                        : std::log10((0.5 * hi - 0.5 * lo) / target) + std::log10(2.0);
  double e = std::floor(lg);
  const double r = std::isfinite(raw) ? raw / std::pow(10.0, e) : std::pow(10.0, lg - e);
  double m = r < 1.5 ? 1.0 : r < 3.5 ? 2.0 : r < 7.5 ? 5.0 : 10.0;
  if (m == 10.0) m = 1.0, e += 1.0;  // 10^(e+1) itself, not 10 * 10^e with its rounding
  const double step = m * std::pow(10.0, e);
  return std::isfinite(step) && step > 0.0 ? step : 0.0;
}

std::vector<double> ticks_with_step(double lo, double hi, double step, std::size_t max_count) {
  std::vector<double> out;
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi >= lo) || !std::isfinite(step) ||
      !(step > 0.0))
    return out;
  const double first = std::ceil(lo / step - 1e-9);
  const double last = std::floor(hi / step + 1e-9);
  if (!std::isfinite(first) || !std::isfinite(last) || last < first) return out;
  const double n = std::min(last - first + 1.0, static_cast<double>(max_count));
  out.reserve(static_cast<std::size_t>(n));
  for (double k = 0.0; k < n; k += 1.0) {
    const double i = first + k;
    const double v = i == 0.0 ? 0.0 : i * step;  // multiples, not sums: no drift
    if (std::isfinite(v)) out.push_back(v);
  }
  return out;
}

Ticks nice_ticks(double lo, double hi, int target) {
  Ticks t;
  t.step = nice_step(lo, hi, target);
  t.values = ticks_with_step(lo, hi, t.step);
  if (t.values.empty()) t.step = 0.0;
  return t;
}

std::string tick_label(double v, double step) {
  char buf[64];
  if (!std::isfinite(v)) {
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }
  const bool good_step = std::isfinite(step) && step > 0.0;
  if (v == 0.0 || (good_step && std::abs(v) < 1e-9 * step)) return "0";
  const double a = std::abs(v);
  if (a >= 1e6 || a < 1e-4) {
    // Significant digits: from v's leading digit down to the step's (at least 1, at most 15).
    int sig = 6;
    if (good_step)
      sig = std::clamp(
          static_cast<int>(std::floor(std::log10(a)) - std::floor(std::log10(step))) + 2, 1, 15);
    std::snprintf(buf, sizeof buf, "%.*g", sig, v);
    return buf;  // %g drops trailing zeros itself
  }
  int decimals = 6;  // enough to show the step exactly (0.25 -> 2, 0.2 -> 1, 5 -> 0)
  if (good_step) {
    // However small the step (a view zoomed in far from the origin): neighbouring ticks must
    // read differently, up to the 17 significant digits a double holds.
    const int max_decimals = std::max(0, 16 - static_cast<int>(std::floor(std::log10(a))));
    for (decimals = 0; decimals < max_decimals; ++decimals) {
      const double scaled = step * std::pow(10.0, decimals);
      if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled) break;
    }
  }
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace ll
