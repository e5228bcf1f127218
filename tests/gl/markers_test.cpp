// Dense scenes in the canvas renderer (app/gl/canvas_renderer.h): which misclassified points
// get an outline (every one while the discs are big enough to tell apart, an even sample in
// dense scenes), and a points layer of many sprites that fills in over several frames and ends
// as the same picture as one drawn in one go (offscreen GL through EGL, pixels read back).
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/gl/canvas_renderer.h"
#include "app/gl/egl_context.h"
#include "tests/gl/gl_context.h"

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

TEST(LayerFill, ManySpritesFillInOverFramesAndEndAsOneDrawing) {
  const std::unique_ptr<EglContext> ctx = test::make_gl_context();
  if (!ctx) return;
  std::string err;
  constexpr int kFillSize = 300;
  Framebuffer fb(kFillSize, kFillSize);
  ViewTransform v;
  v.set_rect(0, 0, kFillSize, kFillSize);
  const CanvasFrame f = make_canvas_frame(v, 1.0, kFillSize);
  // 3 x kSpritesPerFrame points on a jittered lattice over the view, three classes.
  const std::size_t n = 3 * CanvasRenderer::kSpritesPerFrame;
  std::vector<PointInstance> pts(n);
  for (std::size_t i = 0; i < n; ++i) {
    pts[i].x = -0.95f + 1.9f * static_cast<float>((i * 7919) % 1000) / 1000.0f;
    pts[i].y = -0.95f + 1.9f * static_cast<float>((i * 104729) % 997) / 997.0f;
    pts[i].label = static_cast<float>(i % 3);
  }
  Params p = default_params(3);
  auto frame = [&](CanvasRenderer& r) {
    r.draw(f, p, pts, {1, 1});
    return fb.read();
  };
  CanvasRenderer once;
  ASSERT_TRUE(once.init(&err)) << err;
  once.set_sprites_per_frame(0);
  const std::vector<unsigned char> whole = frame(once);
  EXPECT_FALSE(once.filling());

  CanvasRenderer filling;
  ASSERT_TRUE(filling.init(&err)) << err;
  const std::vector<unsigned char> first = frame(filling);
  EXPECT_TRUE(filling.filling());
  EXPECT_NE(first, whole);  // a third of the points so far
  frame(filling);
  EXPECT_TRUE(filling.filling());
  const std::vector<unsigned char> done = frame(filling);
  EXPECT_FALSE(filling.filling());
  EXPECT_EQ(done, whole);
  EXPECT_EQ(frame(filling), whole);  // from the cache from now on
}

}  // namespace
}  // namespace ll::gui

namespace ll::gui {
namespace {

// The window keeps its cached points layer while look_digest holds: the digest must move with
// any point's label, flags or loss level, and only with them.
TEST(Markers, LookDigestMovesWithEveryPointsLook) {
  std::vector<PointInstance> pts(500);
  for (std::size_t i = 0; i < pts.size(); ++i)
    pts[i] = {0.01f * float(i), -0.02f * float(i), float(i % 3), float(i % 2), 0.5f};
  const std::uint64_t d = look_digest(pts);
  EXPECT_EQ(look_digest(pts), d);
  std::vector<PointInstance> moved = pts;
  moved[7].x += 1.0f;  // positions are the points key's, not the look's
  EXPECT_EQ(look_digest(moved), d);
  for (int field = 0; field < 3; ++field) {
    std::vector<PointInstance> changed = pts;
    PointInstance& p = changed[321];
    (field == 0 ? p.label : field == 1 ? p.flags : p.loss) += 1.0f;
    EXPECT_NE(look_digest(changed), d) << field;
  }
  std::vector<PointInstance> swapped = pts;
  std::swap(swapped[1].flags, swapped[2].flags);  // the same flags on other points
  EXPECT_NE(look_digest(swapped), d);
  EXPECT_NE(look_digest({}), d);
}

}  // namespace
}  // namespace ll::gui
