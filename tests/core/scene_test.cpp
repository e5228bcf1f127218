#include "core/scene.h"

#include <gtest/gtest.h>

namespace ll {
namespace {

TEST(Scene, DefaultSceneIsTheDemo) {
  const Scene s = default_scene();
  ASSERT_EQ(s.points.size(), 9u);
  EXPECT_EQ(s.classes(), 3);
  EXPECT_EQ(s.points[0], (Point{0.5, 0.4, 0}));
  EXPECT_EQ(s.points[8], (Point{-0.4, -0.5, 2}));
  EXPECT_DOUBLE_EQ(s.params.W(1, 1), -4.0);
  EXPECT_DOUBLE_EQ(s.params.b(2), -0.5);
  EXPECT_DOUBLE_EQ(s.loss.lambda, 0.1);
  EXPECT_DOUBLE_EQ(s.optimizer.lr, 0.1);
  EXPECT_EQ(s.loss.kind, LossKind::WestonWatkins);
}

TEST(Scene, NamesRoundTrip) {
  for (LossKind k :
       {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured, LossKind::Softmax}) {
    LossKind back = LossKind::Softmax;
    ASSERT_TRUE(parse(to_string(k), back));
    EXPECT_EQ(back, k);
  }
  LossKind unused;
  EXPECT_FALSE(parse("hinge", unused));
}

TEST(Scene, DefaultParamsForOtherK) {
  const Params p = default_params(4);
  ASSERT_EQ(p.classes(), 4);
  EXPECT_NEAR(p.W(1, 0), 0.0, 1e-12);
  EXPECT_NEAR(p.W(1, 1), 1.0, 1e-12);
  EXPECT_EQ(p.b, BiasVector::Zero(4));
}

}  // namespace
}  // namespace ll
