#pragma once
// Axis ticks, the one definition for the window's plots and the exported figures:
// "nice" steps (1, 2 or 5 times a power of ten) and labels without "-0" or float noise.
//
//   const ll::Ticks t = ll::nice_ticks(0.0, 1.0, 5);     // step 0.2: 0, 0.2, ..., 1
//   for (double v : t.values) draw(v, ll::tick_label(v, t.step));
#include <cstddef>
#include <string>
#include <vector>

namespace ll {

struct Ticks {
  double step = 0.0;           // 0 when there are no ticks
  std::vector<double> values;  // ascending multiples of step inside [lo, hi]
};

// The nice step for about `target` ticks over [lo, hi]: raw = (hi - lo) / target rounded to the
// nearest of 1, 2, 5, 10 times its power of ten. 0 when lo, hi are not finite, hi <= lo or
// target < 1. Spans that overflow a double (-1e308 .. 1e308) are handled.
double nice_step(double lo, double hi, int target);

// Every multiple of `step` in [lo, hi] (with a 1e-9 step tolerance at both ends), at most
// `max_count` of them; values near 0 are exactly 0. Empty for a bad range or step.
std::vector<double> ticks_with_step(double lo, double hi, double step,
                                    std::size_t max_count = 1000);

// nice_step and ticks_with_step together.
Ticks nice_ticks(double lo, double hi, int target);

// The label of tick v on an axis with this step: as many decimals as the step needs, trailing
// zeros dropped ("0.5", "1", "2.5"), never "-0", no float noise (0.1 + 0.2 -> "0.3"); very large
// or small magnitudes in %g style ("1e+06", "2e-05"). ASCII '-' for negatives.
std::string tick_label(double v, double step);

}  // namespace ll
