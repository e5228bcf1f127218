// The layer cache's marked tiles (app/gl/layer_cache.h): a composite draws the tiles a marked
// rectangle touches and leaves every other pixel as it was; unmarked, the whole layer goes over.
// Offscreen GL through EGL surfaceless, pixels read back.
#include "app/gl/layer_cache.h"

#include <glad/gl.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/gl/egl_context.h"
#include "tests/gl/gl_context.h"

namespace ll::gui {
namespace {

constexpr int kW = 100, kH = 80;  // 7 x 5 tiles, the last column and row cut short

class LayerCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ctx_ = test::make_gl_context();
    if (!ctx_) return;
    std::string err;
    fb_ = std::make_unique<Framebuffer>(kW, kH);
    ASSERT_TRUE(layer_.init(&err)) << err;
  }
  // An opaque red layer, then over a blue framebuffer: which pixels (x, y up) came out red.
  std::set<std::pair<int, int>> red_after(void (*marks)(LayerCache&)) {
    layer_.begin(kW, kH);
    glClearColor(1, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    marks(layer_);
    layer_.end();
    glViewport(0, 0, kW, kH);
    glClearColor(0, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    layer_.composite(0, 0);
    const std::vector<unsigned char> px = fb_->read();
    std::set<std::pair<int, int>> red;
    for (int row = 0; row < kH; ++row) {
      for (int x = 0; x < kW; ++x) {
        const unsigned char* p = &px[(static_cast<std::size_t>(row) * kW + x) * 4];
        if (p[0] == 255 && p[2] == 0)
          red.insert({x, kH - 1 - row});
        else
          EXPECT_TRUE(p[0] == 0 && p[2] == 255) << x << ", " << row;  // nothing in between
      }
    }
    return red;
  }
  std::unique_ptr<EglContext> ctx_;
  std::unique_ptr<Framebuffer> fb_;
  LayerCache layer_;
};

TEST_F(LayerCacheTest, UnmarkedTheWholeLayerIsComposited) {
  EXPECT_EQ(red_after([](LayerCache&) {}).size(), static_cast<std::size_t>(kW * kH));
}

TEST_F(LayerCacheTest, OnlyTheMarkedTilesAreComposited) {
  const auto red = red_after([](LayerCache& l) {
    l.clear_marks();
    l.mark(20, 20, 21, 21);      // tile (1, 1)
    l.mark(70.5f, 60, 90, 70);   // tiles (4..5, 3..4), the top row cut at y = 80
    l.mark(-50, -50, -10, -10);  // outside: nothing
    l.mark(NAN, 0, 5, 5);        // not a number: nothing
    l.mark(99.5f, 10, 400, 12);  // reaches past the right edge: tile (6, 0)
  });
  std::set<std::pair<int, int>> want;
  const auto tile = [&](int tx, int ty) {
    for (int y = ty * 16; y < std::min(kH, ty * 16 + 16); ++y)
      for (int x = tx * 16; x < std::min(kW, tx * 16 + 16); ++x) want.insert({x, y});
  };
  tile(1, 1);
  for (int tx = 4; tx <= 5; ++tx)
    for (int ty = 3; ty <= 4; ++ty) tile(tx, ty);
  tile(6, 0);
  EXPECT_EQ(red, want);
}

TEST_F(LayerCacheTest, NothingMarkedDrawsNothing) {
  EXPECT_TRUE(red_after([](LayerCache& l) { l.clear_marks(); }).empty());
}

}  // namespace
}  // namespace ll::gui
