#pragma once
// The lecture's demonstration of why MAE's constant gradient makes gradient descent oscillate:
// x_{t+1} = x_t - rate * f'(x_t) on f(x) = x^2 (converges geometrically) and f(x) = |x|
// (steps of constant size `rate`, ending in a two-point oscillation around 0).
#include <vector>

namespace ll::lab {

enum class GdObjective { Square, Abs };
const char* display_name(GdObjective f);  // "x²", "|x|"

double gd_value(GdObjective f, double x);
double gd_derivative(GdObjective f, double x);  // |x| uses the subgradient 0 at 0

struct GdStep {
  int t = 0;
  double x = 0.0;     // x_t
  double grad = 0.0;  // f'(x_t)
  double next = 0.0;  // x_{t+1}
};

// `steps` rows t = 0 .. steps-1 starting from x0.
std::vector<GdStep> gd_table(GdObjective f, double x0, double rate, int steps);

}  // namespace ll::lab
