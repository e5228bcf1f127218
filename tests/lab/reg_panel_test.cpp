// The "Which W?" tab's model: the lecture's question and the edits (no window).
#include "app/lab/reg_panel.h"

#include <gtest/gtest.h>

namespace ll::lab {
namespace {

TEST(RegModel, TheLecturesQuestionL2PrefersTheSpreadWeights) {
  RegModel m;
  const std::vector<RegRow> r = m.rows();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_DOUBLE_EQ(r[0].dot, 1.0);
  EXPECT_DOUBLE_EQ(r[1].dot, 1.0);
  EXPECT_DOUBLE_EQ(r[0].l2, 1.0);
  EXPECT_DOUBLE_EQ(r[1].l2, 0.25);
  EXPECT_DOUBLE_EQ(r[0].l1, 1.0);
  EXPECT_DOUBLE_EQ(r[1].l1, 1.0);
  EXPECT_EQ(preferred(r, RegKind::L2), 1);
  EXPECT_EQ(preferred(r, RegKind::L1), -1);  // a tie
}

TEST(RegModel, DimensionsAndWeightsCanBeEditedWithinLimits) {
  RegModel m;
  m.set_dims(6);
  ASSERT_EQ(m.x.size(), 6);
  EXPECT_DOUBLE_EQ(m.x[5], 1.0);  // new inputs are 1, new weights 0: the scores stay
  for (const auto& w : m.ws) EXPECT_DOUBLE_EQ(w[5], 0.0);
  EXPECT_DOUBLE_EQ(m.rows()[1].dot, 1.0);
  m.set_dims(100);
  EXPECT_EQ(m.x.size(), RegModel::kMaxDims);
  m.set_dims(0);
  EXPECT_EQ(m.x.size(), 1);
  for (int i = 0; i < 10; ++i) m.add_weight();
  EXPECT_EQ(static_cast<int>(m.ws.size()), RegModel::kMaxWeights);
  for (int i = 0; i < 10; ++i) m.remove_weight();
  EXPECT_EQ(m.ws.size(), 2u);
  m.ws[0][0] = 3.0;  // w1 = [3]: L2 9 vs w2 = [0.25]: 0.0625
  EXPECT_EQ(preferred(m.rows(), RegKind::L2), 1);
  m.reset();
  EXPECT_EQ(m.x.size(), 4);
  EXPECT_DOUBLE_EQ(m.rows()[0].l2, 1.0);
}

}  // namespace
}  // namespace ll::lab
