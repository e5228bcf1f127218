#include "core/regularizer.h"

namespace ll {

double reg_loss(const WeightMatrix& W, const LossSettings& s) {
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

void add_reg_gradient(const WeightMatrix& W, const LossSettings& s, WeightMatrix& dW) {
  const WeightMatrix sign = W.cwiseSign();
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

}  // namespace ll
