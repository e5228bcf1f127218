#include "core/images/linear_model.h"

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

BatchLoss loss_gradient(const Eigen::Ref<const BatchMatrix>& X, std::span<const int> labels,
                        const LinearModel& m, const LossSettings& s, BatchWork* work) {
  check(X, labels, m, s);
  BatchWork local;
  BatchWork& w = work != nullptr ? *work : local;
  const int K = m.classes();
  const Eigen::Index n = X.rows();
  scores(X, m, w.S);
  w.dS.resize(n, K);
  // Per example: the one definition of the loss (core/losses.h), weighted by its class.
  double loss = 0.0, wsum = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int y = labels[static_cast<std::size_t>(i)];
    const double wy = s.class_weights.empty() ? 1.0 : s.class_weights[static_cast<std::size_t>(y)];
    const double Li = point_loss(s, w.S.row(i).data(), K, y, w.dS.row(i).data());
    loss += wy * Li;
    wsum += wy;
    if (wy != 1.0) w.dS.row(i) *= wy;
  }
  const double inv = wsum > 0.0 ? 1.0 / wsum : 0.0;
  BatchLoss out;
  out.data_loss = loss * inv;
  out.dW.resize(K, X.cols());
  out.dW.noalias() = w.dS.transpose() * X;
  out.dW *= inv;
  out.db = w.dS.colwise().sum().transpose() * inv;
  out.reg_loss = reg_loss(m.W, s);
  out.total_loss = out.data_loss + out.reg_loss;
  add_reg_gradient(m.W, s, out.dW);
  return out;
}

}  // namespace ll::images
