// Ten classes (kMaxClasses) end to end in core: a 10-class scene file loads, round-trips,
// evaluates with every loss and trains (the loss falls); 11 classes are refused. The K = 10
// gradients are checked against central differences in losses_test.cpp (GradientCheck).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/losses.h"
#include "core/optimizer.h"
#include "core/scene_io.h"

namespace ll {
namespace {

// Ten blobs on a circle of radius 0.8, three points each, and W = 0.
std::string ten_class_json(int K) {
  std::string pts, w, b;
  for (int k = 0; k < K; ++k) {
    const double a = 2.0 * 3.14159265358979 * k / K;
    for (int i = 0; i < 3; ++i) {
      const double r = 0.7 + 0.1 * i;
      if (!pts.empty()) pts += ",";
      pts += "{\"x\": " + std::to_string(r * std::cos(a)) +
             ", \"y\": " + std::to_string(r * std::sin(a)) + ", \"label\": " + std::to_string(k) +
             "}";
    }
    w += std::string(k ? "," : "") + "[0, 0]";
    b += std::string(k ? "," : "") + "0";
  }
  return "{\"points\": [" + pts + "], \"W\": [" + w + "], \"b\": [" + b + "]}";
}

TEST(TenClasses, SceneLoadsEvaluatesAndTrains) {
  ASSERT_EQ(kMaxClasses, 10);
  LoadResult r = parse_scene_json(ten_class_json(10), "ten.json");
  Scene& s = r.scene;
  ASSERT_EQ(s.classes(), 10);
  ASSERT_EQ(s.points.size(), 30u);
  EXPECT_EQ(s.points.back().label, 9);
  // Round trip through the file format.
  EXPECT_EQ(parse_scene_json(scene_to_json(s), "again.json").scene, s);
  // W = 0: every loss is at its zero-score value.
  for (LossKind kind : {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
                        LossKind::Softmax, LossKind::Sigmoid, LossKind::Focal}) {
    LossSettings ls;
    ls.kind = kind;
    const Evaluation e = evaluate(s.points, s.params, ls);
    ASSERT_EQ(e.losses.size(), 30);
    if (kind == LossKind::WestonWatkins) {
      EXPECT_NEAR(e.losses(0), 9.0, 1e-12);  // (K - 1) delta
    }
    if (kind == LossKind::Softmax) {
      EXPECT_NEAR(e.losses(0), std::log(10.0), 1e-12);
    }
  }
  s.loss.kind = LossKind::Softmax;
  s.loss.lambda = 1e-3;
  s.optimizer.lr = 1.0;
  const TrainResult t = train(s, 300);
  ASSERT_EQ(t.status, StepStatus::Ok);
  EXPECT_LT(t.history.back().total_loss, 0.5 * t.history.front().total_loss);
  EXPECT_GT(t.history.back().accuracy, 0.9);  // ten separable blobs
}

TEST(TenClasses, ElevenAreRefused) {
  EXPECT_THROW(parse_scene_json(ten_class_json(11), "eleven.json"), std::exception);
  Params p{WeightMatrix::Zero(11, 2), BiasVector::Zero(11)};
  EXPECT_THROW(evaluate({}, p, LossSettings{}), std::invalid_argument);
}

}  // namespace
}  // namespace ll
