#include "core/images/evaluation.h"

#include <gtest/gtest.h>

#include "tests/core/images/image_data.h"

namespace ll::images {
namespace {

// Three 1 x 2 "images" per class of a 3-class set with a hand-made model: s = W x + b.
ImageSet tiny_set() {
  ImageSet s;
  s.rows = 1;
  s.cols = 2;
  s.classes = 3;
  s.class_names = {"a", "b", "c"};
  s.X.resize(5, 2);
  s.X << 1, 0,  // scores (1, 0, 0.5): predicted 0
      0, 1,     // (0, 1, 0.5): 1
      1, 1,     // (1, 1, 1): a tie, 0 wins
      0, 0,     // (0, 0, 0): 0
      0.2f, 3;  // (0.2, 3, 1.6): 1
  s.labels = {0, 2, 2, 1, 1};
  return s;
}

LinearModel tiny_model() {
  LinearModel m = zero_model(3, 2);
  m.W << 1, 0, 0, 1, 0.5, 0.5;
  return m;
}

TEST(Evaluation, ScoresPredictionsConfusionAndAccuracy) {
  const ImageSet set = tiny_set();
  LossSettings s;
  s.kind = LossKind::Softmax;
  const SetEvaluation e = evaluate(tiny_model(), set, s);
  ASSERT_EQ(e.scores.rows(), 5);
  EXPECT_DOUBLE_EQ(e.scores(4, 1), 3.0);
  EXPECT_NEAR(e.scores(4, 2), 1.6, 1e-6);
  EXPECT_EQ(e.predictions(0), 0);
  EXPECT_EQ(e.predictions(1), 1);
  EXPECT_EQ(e.predictions(2), 0);  // ties: the lower index
  EXPECT_EQ(e.predictions(3), 0);
  EXPECT_EQ(e.predictions(4), 1);
  EXPECT_DOUBLE_EQ(e.accuracy, 2.0 / 5.0);  // images 0 and 4
  EXPECT_EQ(e.confusion.sum(), 5);
  EXPECT_EQ(e.confusion(0, 0), 1);
  EXPECT_EQ(e.confusion(2, 1), 1);
  EXPECT_EQ(e.confusion(2, 0), 1);
  EXPECT_EQ(e.confusion(1, 0), 1);
  EXPECT_EQ(e.confusion(1, 1), 1);
  const Summary sum = summarize(tiny_model(), set, s);
  EXPECT_DOUBLE_EQ(sum.accuracy, e.accuracy);
  EXPECT_NEAR(sum.data_loss, e.data_loss, 1e-12);
  // The first two images only.
  EXPECT_DOUBLE_EQ(summarize(tiny_model(), set, s, 2).accuracy, 0.5);
}

TEST(Evaluation, MistakesLargestMarginFirst) {
  const ImageSet set = tiny_set();
  LossSettings s;
  const SetEvaluation e = evaluate(tiny_model(), set, s);
  const std::vector<Mistake> m = top_misclassified(e, set, 10);
  // Image 1: s_1 - s_2 = 0.5; image 2: a tie (0); image 3: 0.
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].index, 1);
  EXPECT_EQ(m[0].predicted, 1);
  EXPECT_EQ(m[0].label, 2);
  EXPECT_NEAR(m[0].margin, 0.5, 1e-7);
  EXPECT_EQ(m[1].index, 2);
  EXPECT_EQ(m[2].index, 3);
  EXPECT_EQ(top_misclassified(e, set, 1).size(), 1u);
}

TEST(Evaluation, ManyBlocksAgreeWithTheBatchLoss) {
  const ImageSet set = test::banded_set(2100, 4, 3, 4, 9);
  Rng rng(3);
  const LinearModel m = small_random_model(4, 12, rng, 0.5);
  LossSettings s;
  s.kind = LossKind::WestonWatkins;
  const SetEvaluation e = evaluate(m, set, s);
  const BatchLoss g = loss_gradient(set, {}, m, s);
  EXPECT_NEAR(e.data_loss, g.data_loss, 1e-12);
  EXPECT_EQ(e.confusion.sum(), 2100);
  EXPECT_EQ(e.scores.rows(), 2100);
}

TEST(Evaluation, CancelStopsIt) {
  const ImageSet set = test::banded_set(3000, 3, 2, 3, 9);
  JobControl c;
  c.cancel();
  EXPECT_THROW(evaluate(zero_model(3, 6), set, LossSettings{}, &c), JobCancelled);
}

}  // namespace
}  // namespace ll::images
