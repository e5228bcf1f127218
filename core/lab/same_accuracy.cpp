#include "core/lab/same_accuracy.h"

#include <stdexcept>
#include <string>

#include "core/curves.h"

namespace ll::lab {

TableScore score(const ProbabilityTable& t) {
  const Eigen::Index n = t.probs.rows(), k = t.probs.cols();
  if (t.labels.size() != n)
    throw std::invalid_argument("probability table: " + std::to_string(t.labels.size()) +
                                " labels for " + std::to_string(n) + " rows (need one per row)");
  if (n > 0 && k < 1) throw std::invalid_argument("probability table: rows have no classes");
  TableScore s;
  s.p_correct.resize(n);
  s.cross_entropy.resize(n);
  s.predictions.resize(n);
  int wrong = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double sum = t.probs.row(i).sum();
    int best = 0;
    for (Eigen::Index j = 1; j < k; ++j)
      if (t.probs(i, j) > t.probs(i, best)) best = static_cast<int>(j);
    s.predictions(i) = best;
    const int y = t.labels(i);
    const bool valid = y >= 0 && y < k;
    double p = 0.0;
    if (valid) p = sum > 0.0 ? t.probs(i, y) / sum : 1.0 / static_cast<double>(k);
    s.p_correct(i) = p;
    s.cross_entropy(i) = curves::cross_entropy(p).value;
    if (best != y) ++wrong;
  }
  if (n > 0) {
    s.error_rate = static_cast<double>(wrong) / static_cast<double>(n);
    s.mean_cross_entropy = s.cross_entropy.mean();
  }
  return s;
}

namespace {
ProbabilityTable table(std::initializer_list<double> p) {
  ProbabilityTable t;
  t.probs = Eigen::Map<const Eigen::Matrix<double, 4, 3, Eigen::RowMajor>>(p.begin());
  t.labels = Eigen::Vector4i(2, 1, 0, 0);
  return t;
}
}  // namespace

ProbabilityTable same_accuracy_model_a() {
  return table({0.3, 0.3, 0.4,  //
                0.3, 0.4, 0.3,  //
                0.1, 0.2, 0.7,  //
                0.4, 0.35, 0.25});
}

ProbabilityTable same_accuracy_model_b() {
  return table({0.1, 0.2, 0.7,  //
                0.1, 0.7, 0.2,  //
                0.3, 0.4, 0.3,  //
                0.8, 0.1, 0.1});
}

}  // namespace ll::lab
