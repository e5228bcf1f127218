#include "core/regularizer.h"

namespace ll {

namespace {

template <class Mat>
double reg_loss_t(const Mat& W, const LossSettings& s) {
  switch (s.reg) {
    case RegKind::L2:
      return s.lambda * W.squaredNorm();
    case RegKind::L1:
      return s.lambda * W.cwiseAbs().sum();
    case RegKind::Elastic:
      return s.lambda * (s.elastic_beta * W.squaredNorm() + W.cwiseAbs().sum());
  }
  return 0.0;
}

template <class Mat>
void add_reg_gradient_t(const Mat& W, const LossSettings& s, Mat& dW) {
  const Mat sign = W.cwiseSign();
  switch (s.reg) {
    case RegKind::L2:
      dW += 2.0 * s.lambda * W;
      break;
    case RegKind::L1:
      dW += s.lambda * sign;
      break;
    case RegKind::Elastic:
      dW += s.lambda * (2.0 * s.elastic_beta * W + sign);
      break;
  }
}

}  // namespace

double reg_loss(const WeightMatrix& W, const LossSettings& s) { return reg_loss_t(W, s); }
double reg_loss(const Eigen::MatrixXd& W, const LossSettings& s) { return reg_loss_t(W, s); }
void add_reg_gradient(const WeightMatrix& W, const LossSettings& s, WeightMatrix& dW) {
  add_reg_gradient_t(W, s, dW);
}
void add_reg_gradient(const Eigen::MatrixXd& W, const LossSettings& s, Eigen::MatrixXd& dW) {
  add_reg_gradient_t(W, s, dW);
}

}  // namespace ll
