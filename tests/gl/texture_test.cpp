// The landscape map's texture (HeatTexture over upload_rgba_texture), read back from GL: texel
// row 0 is the map's top row, every node's colour is exact, the same map keeps its texture and
// new colours replace them in place.
#include <glad/gl.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "app/gl/heat_texture.h"
#include "tests/gl/gl_context.h"

namespace ll::gui {
namespace {

std::vector<std::uint8_t> read_texture(unsigned tex, int w, int h) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(w) * h * 4);
  glBindTexture(GL_TEXTURE_2D, tex);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, out.data());
  glBindTexture(GL_TEXTURE_2D, 0);
  return out;
}

TEST(HeatTexture, NodesReadBackTopRowFirst) {
  const auto ctx = test::make_gl_context();
  if (!ctx) return;
  figure::PlotHeat h;
  h.cols = 3, h.rows = 2;
  // Node (i, j) at colors[j * cols + i], j up the y axis.
  for (int j = 0; j < 2; ++j)
    for (int i = 0; i < 3; ++i)
      h.colors.push_back({static_cast<std::uint8_t>(10 + i), static_cast<std::uint8_t>(100 + j),
                          static_cast<std::uint8_t>(7 * i + j)});
  HeatTexture heat;
  EXPECT_EQ(heat.update(figure::PlotHeat{}), 0u);  // an empty map has no texture
  const unsigned tex = heat.update(h);
  ASSERT_NE(tex, 0u);
  std::vector<std::uint8_t> px = read_texture(tex, 3, 2);
  for (int row = 0; row < 2; ++row)
    for (int i = 0; i < 3; ++i) {
      const palette::Rgb& c = h.colors[static_cast<std::size_t>(1 - row) * 3 + i];
      const std::uint8_t* p = &px[(static_cast<std::size_t>(row) * 3 + i) * 4];
      EXPECT_EQ(p[0], c.r) << row << "," << i;
      EXPECT_EQ(p[1], c.g) << row << "," << i;
      EXPECT_EQ(p[2], c.b) << row << "," << i;
      EXPECT_EQ(p[3], 255);
    }
  EXPECT_EQ(heat.update(h), tex);  // unchanged: the same texture
  h.colors[0] = {200, 201, 202};   // node (0, 0): the bottom-left texel
  EXPECT_EQ(heat.update(h), tex);  // changed: uploaded into the same texture
  px = read_texture(tex, 3, 2);
  EXPECT_EQ(px[(3 + 0) * 4 + 0], 200);
  EXPECT_EQ(px[(3 + 0) * 4 + 2], 202);
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

}  // namespace
}  // namespace ll::gui
