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

}  // namespace
}  // namespace ll::lab
