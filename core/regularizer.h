#pragma once
// Regularization of W (biases are never regularized). Gradients are the true derivatives of the
// displayed loss: L2 = lambda * sum W^2 has gradient 2 * lambda * W (not the demo's 0.5 * lambda *
// W).
#include "core/scene.h"

namespace ll {

// One definition for both shapes of W: the 2-D classifier's K x 2 WeightMatrix and the image
// classifier's K x D Eigen::MatrixXd (core/images/); both overloads run the same template.
double reg_loss(const WeightMatrix& W, const LossSettings& s);
double reg_loss(const Eigen::MatrixXd& W, const LossSettings& s);
// Adds d(reg_loss)/dW to dW. At W = 0 the |W| terms use the subgradient 0.
void add_reg_gradient(const WeightMatrix& W, const LossSettings& s, WeightMatrix& dW);
void add_reg_gradient(const Eigen::MatrixXd& W, const LossSettings& s, Eigen::MatrixXd& dW);

}  // namespace ll
