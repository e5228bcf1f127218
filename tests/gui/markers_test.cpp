// Which misclassified points get an outline (app/gui/canvas_renderer.h wrong_markers): every
// one while the discs are big enough to tell apart, an even sample in dense scenes.
#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

#include "app/gui/canvas_renderer.h"

namespace ll::gui {
namespace {

std::vector<PointInstance> instances(std::size_t n, std::size_t wrong_every) {
  std::vector<PointInstance> v(n);
  for (std::size_t i = 0; i < n; ++i) {
    v[i].x = static_cast<float>(i);
    v[i].flags = i % wrong_every == 0 ? kPointWrong : 0;
  }
  return v;
}

TEST(WrongMarkers, EveryMisclassifiedPointWhileDiscsAreLarge) {
  const auto pts = instances(20000, 2);  // 10,000 wrong, discs of full compact size
  ASSERT_GT(compact_radius(pts.size(), 1.0f), kDenseRadius);
  const auto w = wrong_markers(pts);
  ASSERT_EQ(w.size(), 10000u);
  for (std::size_t i = 0; i < w.size(); ++i) EXPECT_EQ(w[i].x, static_cast<float>(2 * i));
}

TEST(WrongMarkers, AnEvenSampleInDenseScenes) {
  const auto pts = instances(1000000, 2);  // 500,000 wrong among a million tiny discs
  ASSERT_LE(compact_radius(pts.size(), 1.0f), kDenseRadius);
  const auto w = wrong_markers(pts);
  ASSERT_EQ(w.size(), kMaxWrongMarkers);
  for (const PointInstance& p : w) EXPECT_EQ(static_cast<int>(p.flags) & kPointWrong, kPointWrong);
  // Spread over the whole index range, in order, with even gaps (100 wrong points apart).
  EXPECT_EQ(w.front().x, 0.0f);
  EXPECT_GT(w.back().x, 999000.0f);
  for (std::size_t i = 1; i < w.size(); ++i) EXPECT_EQ(w[i].x - w[i - 1].x, 200.0f);
}

TEST(WrongMarkers, FewMisclassifiedInADenseSceneAreAllShown) {
  const auto pts = instances(1000000, 1000);  // 1,000 wrong: under the cap
  EXPECT_EQ(wrong_markers(pts).size(), 1000u);
}

}  // namespace
}  // namespace ll::gui
