#include "core/lab/gd_demo.h"

#include "core/curves.h"

namespace ll::lab {

const char* display_name(GdObjective f) { return f == GdObjective::Square ? "x²" : "|x|"; }

double gd_value(GdObjective f, double x) {
  return f == GdObjective::Square ? curves::squared(x).value : curves::absolute(x).value;
}

double gd_derivative(GdObjective f, double x) {
  return f == GdObjective::Square ? curves::squared(x).grad : curves::absolute(x).grad;
}

std::vector<GdStep> gd_table(GdObjective f, double x0, double rate, int steps) {
  std::vector<GdStep> rows;
  if (steps <= 0) return rows;
  rows.reserve(static_cast<std::size_t>(steps));
  double x = x0;
  for (int t = 0; t < steps; ++t) {
    const double g = gd_derivative(f, x);
    const double next = x - rate * g;
    rows.push_back({t, x, g, next});
    x = next;
  }
  return rows;
}

}  // namespace ll::lab
