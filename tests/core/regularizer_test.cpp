#include "core/regularizer.h"

#include <gtest/gtest.h>

namespace ll {
namespace {

WeightMatrix sample_w() {
  WeightMatrix W(2, 2);
  W << 1.0, -2.0, 0.0, 0.5;
  return W;
}

TEST(Regularizer, L2ValueAndTrueGradient) {
  LossSettings s;
  s.lambda = 0.1;
  EXPECT_NEAR(reg_loss(sample_w(), s), 0.1 * 5.25, 1e-15);
  WeightMatrix dW = WeightMatrix::Zero(2, 2);
  add_reg_gradient(sample_w(), s, dW);
  // 2 * lambda * W, not the demo's 0.5 * lambda * W
  EXPECT_NEAR(dW(0, 1), 2 * 0.1 * -2.0, 1e-15);
  EXPECT_NEAR(dW(1, 1), 2 * 0.1 * 0.5, 1e-15);
}

TEST(Regularizer, L1UsesSignWithZeroAtZero) {
  LossSettings s;
  s.reg = RegKind::L1;
  s.lambda = 2.0;
  EXPECT_NEAR(reg_loss(sample_w(), s), 2.0 * 3.5, 1e-15);
  WeightMatrix dW = WeightMatrix::Zero(2, 2);
  add_reg_gradient(sample_w(), s, dW);
  EXPECT_EQ(dW(0, 0), 2.0);
  EXPECT_EQ(dW(0, 1), -2.0);
  EXPECT_EQ(dW(1, 0), 0.0);
}

TEST(Regularizer, ElasticNetCombinesBoth) {
  LossSettings s;
  s.reg = RegKind::Elastic;
  s.lambda = 0.5;
  s.elastic_beta = 0.25;
  EXPECT_NEAR(reg_loss(sample_w(), s), 0.5 * (0.25 * 5.25 + 3.5), 1e-15);
  WeightMatrix dW = WeightMatrix::Zero(2, 2);
  add_reg_gradient(sample_w(), s, dW);
  EXPECT_NEAR(dW(0, 1), 0.5 * (2 * 0.25 * -2.0 - 1.0), 1e-15);
}

TEST(Regularizer, ZeroLambdaIsAllowed) {
  LossSettings s;
  s.lambda = 0.0;
  EXPECT_EQ(reg_loss(sample_w(), s), 0.0);
}

}  // namespace
}  // namespace ll
