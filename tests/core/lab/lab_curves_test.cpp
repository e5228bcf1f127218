// The lecture's worked numbers and derivative checks for every function in core/curves.h.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "core/curves.h"

namespace ll::curves {
namespace {

TEST(LectureNumbers, ResidualTableWithoutOutlier) {
  const std::vector<double> r{-10, -5, 0, 5, 10};
  EXPECT_DOUBLE_EQ(mae(r), 6.0);
  EXPECT_NEAR(rmse(r), 7.07, 0.005);
  EXPECT_DOUBLE_EQ(mse(r), 50.0);
}

TEST(LectureNumbers, ResidualTableWithOutlier) {
  const std::vector<double> r{-10, -5, 0, 5, 100};
  EXPECT_DOUBLE_EQ(mae(r), 24.0);
  EXPECT_NEAR(rmse(r), 45.06, 0.005);
}

TEST(LectureNumbers, SquaredErrorAndCrossEntropyAtYZeroPrediction09) {
  const double y = 0.0, y_hat = 0.9;
  const ValueGrad se = squared(y - y_hat);
  EXPECT_NEAR(se.value, 0.81, 1e-12);
  EXPECT_NEAR(-se.grad, 1.8, 1e-12);  // d/dy_hat = -d/dr
  const ValueGrad ce = binary_cross_entropy(y, y_hat);
  EXPECT_NEAR(ce.value, 2.30, 0.005);
  EXPECT_NEAR(ce.grad, 10.0, 1e-9);
}

TEST(Huber, ContinuousWithContinuousDerivativeAtDelta) {
  for (double delta : {0.05, 0.5, 1.0, 3.0, 20.0}) {
    for (double sign : {-1.0, 1.0}) {
      const double eps = 1e-9 * delta;
      const ValueGrad in = huber(sign * (delta - eps), delta);
      const ValueGrad out = huber(sign * (delta + eps), delta);
      EXPECT_NEAR(in.value, out.value, 1e-8 * delta * delta) << "delta " << delta;
      EXPECT_NEAR(in.grad, out.grad, 1e-8 * delta) << "delta " << delta;
      EXPECT_NEAR(out.grad, sign * delta, 1e-12);
    }
  }
}

struct Named {
  const char* name;
  std::function<ValueGrad(double)> f;
  std::vector<double> at;  // points away from kinks
};

TEST(Curves, DerivativesMatchCentralFiniteDifferences) {
  const std::vector<double> reals{-2.7, -1.3, -0.4, 0.3, 0.8, 1.6, 2.9};
  const std::vector<double> probs{0.03, 0.2, 0.45, 0.7, 0.93};
  const std::vector<double> margins{-1.7, -0.6, 0.25, 0.7, 1.4, 2.2};
  std::vector<Named> all{
      {"squared", squared, reals},
      {"absolute", absolute, reals},
      {"huber(0.5)", [](double r) { return huber(r, 0.5); }, reals},
      {"huber(2)", [](double r) { return huber(r, 2.0); }, reals},
      {"log_cosh", log_cosh, reals},
      {"cross_entropy", [](double p) { return cross_entropy(p); }, probs},
      {"cross_entropy bits", [](double p) { return cross_entropy(p, true); }, probs},
      {"bce y=1", [](double p) { return binary_cross_entropy(1.0, p); }, probs},
      {"bce y=0", [](double p) { return binary_cross_entropy(0.0, p); }, probs},
      {"bce y=0.3", [](double p) { return binary_cross_entropy(0.3, p); }, probs},
      {"focal g0", [](double p) { return focal(p, 0.0); }, probs},
      {"focal g0.5", [](double p) { return focal(p, 0.5); }, probs},
      {"focal g2 a0.25", [](double p) { return focal(p, 2.0, 0.25); }, probs},
      {"focal g5", [](double p) { return focal(p, 5.0); }, probs},
      {"binary_entropy_bits", binary_entropy_bits, probs},
      {"zero_one", zero_one, margins},
      {"hinge", [](double m) { return hinge(m); }, margins},
      {"hinge margin 0.5", [](double m) { return hinge(m, 0.5); }, margins},
      {"square", square, margins},
      {"binary_entropy nats", [](double p) { return binary_entropy(p); }, probs},
      {"binary_entropy bits", [](double p) { return binary_entropy(p, true); }, probs},
      {"squared_error y=0", [](double p) { return squared_error(0.0, p); }, probs},
      {"squared_error y=1", [](double p) { return squared_error(1.0, p); }, probs},
      {"squared_hinge", squared_hinge, margins},
      {"logistic", logistic, margins},
      {"exponential", exponential, margins},
  };
  for (const Named& c : all) {
    for (double x : c.at) {
      const double h = 1e-6;
      const double fd = (c.f(x + h).value - c.f(x - h).value) / (2 * h);
      const double g = c.f(x).grad;
      EXPECT_NEAR(g, fd, 1e-5 * std::max(1.0, std::abs(fd))) << c.name << " at " << x;
    }
  }
}

TEST(Curves, FocalWithGammaZeroIsCrossEntropy) {
  for (double p : {0.05, 0.5, 0.95}) {
    EXPECT_NEAR(focal(p, 0.0).value, cross_entropy(p).value, 1e-12);
    EXPECT_NEAR(focal(p, 2.0).value, (1 - p) * (1 - p) * cross_entropy(p).value, 1e-12);
  }
}

// Regression: at p = 1 with 0 < gamma < 1 the gradient was inf * 0 = NaN; the limit is 0.
TEST(Curves, FocalGradientAtCertaintyIsItsLimit) {
  for (double g : {0.25, 0.5, 1.0, 2.0}) {
    EXPECT_EQ(focal(1.0, g).value, 0.0) << g;
    EXPECT_EQ(focal(1.0, g).grad, 0.0) << g;
    EXPECT_NEAR(focal(1.0 - 1e-9, g).grad, 0.0, 1e-2) << g;  // tends to it from below
  }
  EXPECT_EQ(focal(1.0, 0.0).grad, -1.0);  // cross-entropy's -1/p
  EXPECT_EQ(focal(1.0, 0.5, 0.25).grad, 0.0);
}

TEST(Curves, EntropyInBits) {
  const std::vector<double> fair{0.5, 0.5}, four{0.25, 0.25, 0.25, 0.25};
  EXPECT_DOUBLE_EQ(entropy_bits(fair), 1.0);
  EXPECT_DOUBLE_EQ(entropy_bits(four), 2.0);
  EXPECT_DOUBLE_EQ(binary_entropy_bits(0.5).value, 1.0);
  EXPECT_DOUBLE_EQ(binary_entropy_bits(1.0).value, 0.0);
}

// The lecture's example: a sigmoid output y_hat = 0.9 for target y = 0.
TEST(Curves, MseVersusCrossEntropyLectureNumbers) {
  const ValueGrad se = squared_error(0.0, 0.9), ce = binary_cross_entropy(0.0, 0.9);
  EXPECT_NEAR(se.value, 0.81, 1e-12);
  EXPECT_NEAR(ce.value, 2.30, 0.005);
  EXPECT_NEAR(ce.value, std::log(10.0), 1e-12);
  EXPECT_NEAR(se.grad, 1.8, 1e-12);
  EXPECT_NEAR(ce.grad, 10.0, 1e-12);
  EXPECT_NEAR(squared_error_dlogit(0.0, 0.9), 0.162, 1e-12);
  EXPECT_NEAR(bce_dlogit(0.0, 0.9), 0.9, 1e-12);
  // The chain rule: d/dz = d/dy_hat * y_hat (1 - y_hat), for both targets.
  for (double y : {0.0, 1.0}) {
    for (double yh : {0.01, 0.3, 0.9, 0.999}) {
      const double slope = yh * (1.0 - yh);
      EXPECT_NEAR(squared_error_dlogit(y, yh), squared_error(y, yh).grad * slope, 1e-12);
      EXPECT_NEAR(bce_dlogit(y, yh), binary_cross_entropy(y, yh).grad * slope, 1e-9);
    }
  }
  // Saturated and wrong (y = 0, y_hat -> 1): squared error's pull vanishes, BCE's does not.
  EXPECT_LT(squared_error_dlogit(0.0, 0.999), 0.002);
  EXPECT_GT(bce_dlogit(0.0, 0.999), 0.99);
}

TEST(Curves, BinarySquareLossAndHingeMargin) {
  EXPECT_EQ(square(1.0).value, 0.0);
  EXPECT_EQ(square(-1.0).value, 4.0);
  EXPECT_EQ(square(3.0).value, 4.0);  // unlike the hinge, it punishes being too right
  EXPECT_EQ(hinge(0.5).value, 0.5);
  EXPECT_EQ(hinge(0.5, 2.0).value, 1.5);
  EXPECT_EQ(hinge(2.5, 2.0).value, 0.0);
  EXPECT_EQ(hinge(-1.0, 0.0).value, 1.0);  // margin 0: the perceptron loss max(0, -m)
  EXPECT_EQ(hinge(1.0, 0.0).grad, 0.0);
}

TEST(Curves, BinaryEntropyInNatsAndBits) {
  EXPECT_NEAR(binary_entropy(0.5).value, std::log(2.0), 1e-15);
  EXPECT_NEAR(binary_entropy(0.5, true).value, 1.0, 1e-15);
  EXPECT_NEAR(binary_entropy(0.2, true).value, binary_entropy_bits(0.2).value, 1e-15);
  EXPECT_EQ(binary_entropy(1.0).value, 0.0);
}

}  // namespace
}  // namespace ll::curves
