#include "core/images/evaluation.h"

#include <algorithm>

#include "core/losses.h"

namespace ll::images {

namespace {

constexpr std::size_t kBlock = 1024;

double class_weight(const LossSettings& s, int y) {
  return s.class_weights.empty() ? 1.0 : s.class_weights[static_cast<std::size_t>(y)];
}

}  // namespace

SetEvaluation evaluate(const LinearModel& m, const ImageSet& set, const LossSettings& s,
                       JobControl* control) {
  const int K = m.classes();
  const std::size_t N = set.size();
  SetEvaluation e;
  e.scores.resize(static_cast<Eigen::Index>(N), K);
  e.predictions.resize(static_cast<Eigen::Index>(N));
  e.confusion = Eigen::MatrixXi::Zero(K, K);
  BatchMatrix X, S;
  std::vector<int> labels;
  double ds[kMaxClasses];
  double loss = 0.0, wsum = 0.0;
  std::size_t correct = 0;
  for (std::size_t begin = 0; begin < N; begin += kBlock) {
    if (control != nullptr) {
      control->check();
      control->set_progress(static_cast<double>(begin) / static_cast<double>(N));
    }
    const std::size_t end = std::min(N, begin + kBlock);
    gather_range(set, begin, end, X, labels);
    scores(X, m, S);
    for (Eigen::Index r = 0; r < S.rows(); ++r) {
      const auto i = static_cast<Eigen::Index>(begin) + r;
      const int y = labels[static_cast<std::size_t>(r)];
      const double w = class_weight(s, y);
      loss += w * point_loss(s, S.row(r).data(), K, y, ds);
      wsum += w;
      const int p = argmax(S.row(r).data(), K);
      e.predictions(i) = p;
      e.confusion(y, p) += 1;
      correct += p == y ? 1 : 0;
    }
    e.scores.middleRows(static_cast<Eigen::Index>(begin), S.rows()) = S;
  }
  e.data_loss = wsum > 0.0 ? loss / wsum : 0.0;
  e.accuracy = N > 0 ? static_cast<double>(correct) / static_cast<double>(N) : 0.0;
  if (control != nullptr) control->set_progress(1.0);
  return e;
}

Summary summarize(const LinearModel& m, const ImageSet& set, const LossSettings& s,
                  std::size_t limit) {
  const int K = m.classes();
  const std::size_t N = limit > 0 ? std::min(limit, set.size()) : set.size();
  BatchMatrix X, S;
  std::vector<int> labels;
  double ds[kMaxClasses];
  double loss = 0.0, wsum = 0.0;
  std::size_t correct = 0;
  for (std::size_t begin = 0; begin < N; begin += kBlock) {
    gather_range(set, begin, std::min(N, begin + kBlock), X, labels);
    scores(X, m, S);
    for (Eigen::Index r = 0; r < S.rows(); ++r) {
      const int y = labels[static_cast<std::size_t>(r)];
      const double w = class_weight(s, y);
      loss += w * point_loss(s, S.row(r).data(), K, y, ds);
      wsum += w;
      correct += argmax(S.row(r).data(), K) == y ? 1 : 0;
    }
  }
  Summary out;
  out.data_loss = wsum > 0.0 ? loss / wsum : 0.0;
  out.accuracy = N > 0 ? static_cast<double>(correct) / static_cast<double>(N) : 0.0;
  return out;
}

std::vector<Mistake> top_misclassified(const SetEvaluation& e, const ImageSet& set, std::size_t n) {
  std::vector<Mistake> out;
  for (Eigen::Index i = 0; i < e.predictions.size(); ++i) {
    const int y = set.labels[static_cast<std::size_t>(i)], p = e.predictions(i);
    if (p != y) out.push_back({static_cast<int>(i), y, p, e.scores(i, p) - e.scores(i, y)});
  }
  const std::size_t keep = std::min(n, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(),
                    [](const Mistake& a, const Mistake& b) {
                      return a.margin != b.margin ? a.margin > b.margin : a.index < b.index;
                    });
  out.resize(keep);
  return out;
}

}  // namespace ll::images
