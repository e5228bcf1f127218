#pragma once
// Frames against stills: the encoder's RGBA bytes compared with a cairo export of the same step.
#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace ll::video {

// The largest channel difference between `rgba` and the ARGB32 surface `img` (opaque).
inline int worst_difference(const std::vector<std::uint8_t>& rgba, cairo_surface_t* img, int w,
                            int h) {
  const unsigned char* px = cairo_image_surface_get_data(img);
  const int stride = cairo_image_surface_get_stride(img);
  int worst = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint32_t p;
      std::memcpy(&p, px + y * stride + 4 * x, 4);
      const std::uint8_t* q = &rgba[4 * (y * w + x)];
      worst = std::max({worst, std::abs(int(q[0]) - int((p >> 16) & 255)),
                        std::abs(int(q[1]) - int((p >> 8) & 255)),
                        std::abs(int(q[2]) - int(p & 255)), std::abs(int(q[3]) - int(p >> 24))});
    }
  return worst;
}

}  // namespace ll::video
