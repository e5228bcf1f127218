#include "core/lab/classifier_link.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/losses.h"

namespace ll::lab {
namespace {

TEST(ClassifierLink, HingeMatchesStructuredSvmAndCrossEntropyMatchesSoftmax) {
  Scene s = default_scene();
  const std::vector<LinkedPoint> link = link_classifier(s);
  ASSERT_EQ(link.size(), s.points.size());
  s.loss.kind = LossKind::Structured;
  s.loss.delta = 1.0;
  s.loss.squared = false;
  const Evaluation svm = evaluate(s.points, s.params, s.loss);
  s.loss.kind = LossKind::Softmax;
  const Evaluation soft = evaluate(s.points, s.params, s.loss);
  for (const LinkedPoint& p : link) {
    EXPECT_NEAR(p.hinge, svm.losses(p.index), 1e-12) << p.index;
    EXPECT_NEAR(p.cross_entropy, soft.losses(p.index), 1e-9) << p.index;
    EXPECT_NEAR(p.cross_entropy, -std::log(p.p_correct), 1e-12);
    EXPECT_EQ(p.margin > 0, svm.predictions(p.index) == p.label) << p.index;
  }
}

TEST(ClassifierLink, EmptySceneAndBadLabels) {
  Scene s = default_scene();
  s.points.push_back({0.0, 0.0, 7});
  EXPECT_EQ(link_classifier(s).size(), s.points.size() - 1);
  s.points.clear();
  EXPECT_TRUE(link_classifier(s).empty());
}

// Regression: -ln(softmax) gave inf where p underflows; the softmax loss is 1000 here.
TEST(ClassifierLink, CrossEntropyStaysFiniteWhenProbabilityUnderflows) {
  Scene s;
  s.params.W.resize(2, 2);
  s.params.W << 100, 0, -100, 0;
  s.params.b = BiasVector::Zero(2);
  s.points = {{5.0, 0.0, 1}};
  const std::vector<LinkedPoint> link = link_classifier(s);
  ASSERT_EQ(link.size(), 1u);
  EXPECT_DOUBLE_EQ(link[0].cross_entropy, 1000.0);
  EXPECT_EQ(link[0].p_correct, 0.0);
  EXPECT_DOUBLE_EQ(link[0].margin, -1000.0);
  EXPECT_DOUBLE_EQ(link[0].hinge, 1001.0);
}

// Regression: bad labels must be skipped before any evaluation (evaluate throws on them).
TEST(ClassifierLink, SkipsLabelsOutsideTheClassesWithoutThrowing) {
  Scene s = default_scene();
  const std::size_t n = s.points.size();
  s.points.push_back({0.5, 0.5, -1});
  s.points.push_back({0.1, 0.2, 9});
  std::vector<LinkedPoint> link;
  ASSERT_NO_THROW(link = link_classifier(s));
  ASSERT_EQ(link.size(), n);
  for (const LinkedPoint& p : link) {
    EXPECT_LT(p.index, static_cast<int>(n));
    EXPECT_TRUE(std::isfinite(p.cross_entropy));
  }
}

}  // namespace
}  // namespace ll::lab
