#include "app/shell/screenshot.h"

#include <glad/gl.h>
#include <stb_image_write.h>

#include <cstring>
#include <vector>

namespace ll::gui {

bool save_framebuffer_png(int width, int height, const std::string& path, std::string* error) {
  if (width <= 0 || height <= 0) {
    *error = "empty framebuffer";
    return false;
  }
  const std::size_t row = static_cast<std::size_t>(width) * 4;
  std::vector<unsigned char> px(row * static_cast<std::size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  std::vector<unsigned char> flipped(px.size());
  for (int y = 0; y < height; ++y)
    std::memcpy(&flipped[static_cast<std::size_t>(y) * row],
                &px[static_cast<std::size_t>(height - 1 - y) * row], row);
  for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
  if (!stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(row))) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace ll::gui
