#include "app/gl/heat_texture.h"

#include <glad/gl.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "app/gl/texture.h"

namespace ll::gui {

HeatTexture::~HeatTexture() {
  if (tex_) {
    const GLuint t = tex_;
    glDeleteTextures(1, &t);
  }
}

unsigned HeatTexture::update(const figure::PlotHeat& h) {
  if (h.empty() || h.cols < 2 || h.rows < 2) return 0;
  const bool same = tex_ && h.cols == cols_ && h.rows == rows_ &&
                    h.colors.size() == colors_.size() &&
                    std::equal(h.colors.begin(), h.colors.end(), colors_.begin(),
                               [](const palette::Rgb& a, const palette::Rgb& b) {
                                 return a.r == b.r && a.g == b.g && a.b == b.b;
                               });
  if (same) return tex_;
  // Texture row 0 is the top row of the map on screen (node row rows - 1).
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(h.cols) * h.rows * 4);
  for (int j = 0; j < h.rows; ++j)
    for (int i = 0; i < h.cols; ++i) {
      const palette::Rgb& c = h.colors[static_cast<std::size_t>(j) * h.cols + i];
      std::uint8_t* p = &rgba[(static_cast<std::size_t>(h.rows - 1 - j) * h.cols + i) * 4];
      p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = 255;
    }
  tex_ = upload_rgba_texture(tex_, h.cols, h.rows, rgba.data(), false);
  cols_ = h.cols;
  rows_ = h.rows;
  colors_ = h.colors;
  return tex_;
}

}  // namespace ll::gui
