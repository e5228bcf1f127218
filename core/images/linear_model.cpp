#include "core/images/linear_model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/losses.h"
#include "core/regularizer.h"

namespace ll::images {

namespace {

void check(const Eigen::Ref<const BatchMatrix>& X, std::span<const int> labels,
           const LinearModel& m, const LossSettings& s) {
  const int K = m.classes();
  if (K < kMinClasses || K > kMaxClasses)
    throw std::invalid_argument("the model has " + std::to_string(K) +
                                " classes (2 to 10 are supported)");
  if (m.b.size() != K)
    throw std::invalid_argument("b has " + std::to_string(m.b.size()) + " entries for " +
                                std::to_string(K) + " classes");
  if (X.cols() != m.W.cols())
    throw std::invalid_argument("the images have " + std::to_string(X.cols()) +
                                " pixels but W has " + std::to_string(m.W.cols()) + " columns");
  if (static_cast<std::size_t>(X.rows()) != labels.size())
    throw std::invalid_argument(std::to_string(X.rows()) + " images but " +
                                std::to_string(labels.size()) + " labels");
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] >= K)
      throw std::invalid_argument("example " + std::to_string(i) + " has label " +
                                  std::to_string(labels[i]) + ", outside [0, " + std::to_string(K) +
                                  ")");
  if (!s.class_weights.empty() && s.class_weights.size() != static_cast<std::size_t>(K))
    throw std::invalid_argument("class_weights has " + std::to_string(s.class_weights.size()) +
                                " entries for " + std::to_string(K) + " classes");
  for (double w : s.class_weights)
    if (!(w > 0.0) || !std::isfinite(w))
      throw std::invalid_argument("class weights must be positive and finite");
}

}  // namespace

LinearModel zero_model(int classes, int dim) {
  return {Eigen::MatrixXd::Zero(classes, dim), Eigen::VectorXd::Zero(classes)};
}

LinearModel small_random_model(int classes, int dim, Rng& rng, double scale) {
  LinearModel m = zero_model(classes, dim);
  for (int k = 0; k < classes; ++k)
    for (int d = 0; d < dim; ++d) m.W(k, d) = scale * rng.normal();
  return m;
}

void scores(const Eigen::Ref<const BatchMatrix>& X, const LinearModel& m, BatchMatrix& S) {
  S.resize(X.rows(), m.W.rows());
  S.noalias() = X * m.W.transpose();
  S.rowwise() += m.b.transpose();
}

void accumulate(const Eigen::Ref<const BatchMatrix>& X, std::span<const int> labels,
                const LinearModel& m, const LossSettings& s, DataSums& sums, BatchWork* work) {
  check(X, labels, m, s);
  BatchWork local;
  BatchWork& w = work != nullptr ? *work : local;
  const int K = m.classes();
  const Eigen::Index n = X.rows();
  if (sums.dW.rows() != K || sums.dW.cols() != X.cols()) {
    sums.dW = Eigen::MatrixXd::Zero(K, X.cols());
    sums.db = Eigen::VectorXd::Zero(K);
  }
  scores(X, m, w.S);
  w.dS.resize(n, K);
  // Per example: the one definition of the loss (core/losses.h), weighted by its class.
  for (Eigen::Index i = 0; i < n; ++i) {
    const int y = labels[static_cast<std::size_t>(i)];
    const double wy = s.class_weights.empty() ? 1.0 : s.class_weights[static_cast<std::size_t>(y)];
    const double Li = point_loss(s, w.S.row(i).data(), K, y, w.dS.row(i).data());
    sums.loss += wy * Li;
    sums.weight += wy;
    if (wy != 1.0) w.dS.row(i) *= wy;
  }
  sums.dW.noalias() += w.dS.transpose() * X;
  sums.db += w.dS.colwise().sum().transpose();
}

BatchLoss finish(DataSums sums, const LinearModel& m, const LossSettings& s) {
  const double inv = sums.weight > 0.0 ? 1.0 / sums.weight : 0.0;
  BatchLoss out;
  if (sums.dW.rows() != m.W.rows() || sums.dW.cols() != m.W.cols()) {
    sums.dW = Eigen::MatrixXd::Zero(m.W.rows(), m.W.cols());
    sums.db = Eigen::VectorXd::Zero(m.W.rows());
  }
  out.data_loss = sums.loss * inv;
  out.dW = std::move(sums.dW);
  out.dW *= inv;
  out.db = std::move(sums.db);
  out.db *= inv;
  out.reg_loss = reg_loss(m.W, s);
  out.total_loss = out.data_loss + out.reg_loss;
  add_reg_gradient(m.W, s, out.dW);
  return out;
}

BatchLoss loss_gradient(const Eigen::Ref<const BatchMatrix>& X, std::span<const int> labels,
                        const LinearModel& m, const LossSettings& s, BatchWork* work) {
  DataSums sums;
  accumulate(X, labels, m, s, sums, work);
  return finish(std::move(sums), m, s);
}

BatchLoss loss_gradient(const ImageSet& set, std::span<const int> subset, const LinearModel& m,
                        const LossSettings& s) {
  constexpr std::size_t kBlock = 1024;
  DataSums sums;
  BatchWork work;
  BatchMatrix X;
  std::vector<int> labels;
  const std::size_t n = subset.empty() ? set.size() : subset.size();
  for (std::size_t begin = 0; begin < n; begin += kBlock) {
    const std::size_t end = std::min(n, begin + kBlock);
    if (subset.empty())
      gather_range(set, begin, end, X, labels);
    else
      gather_batch(set, subset.subspan(begin, end - begin), X, labels);
    accumulate(X, labels, m, s, sums, &work);
  }
  return finish(std::move(sums), m, s);
}

}  // namespace ll::images
