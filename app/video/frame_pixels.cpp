#include "app/video/frame_pixels.h"

#include <stdexcept>

namespace ll::video {

void copy_rgba(cairo_surface_t* surface, int width, int height, std::span<std::uint8_t> rgba) {
  const std::size_t w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
  if (rgba.size() < 4 * w * h) throw std::invalid_argument("frame buffer too small");
  if (cairo_image_surface_get_width(surface) < width ||
      cairo_image_surface_get_height(surface) < height)
    throw std::invalid_argument("frame image too small");
  cairo_surface_flush(surface);
  // cairo's ARGB32: native-endian 32-bit words, premultiplied alpha.
  const unsigned char* base = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (std::size_t y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(base + y * stride);
    std::uint8_t* out = rgba.data() + 4 * w * y;
    for (std::size_t x = 0; x < w; ++x, out += 4) {
      const std::uint32_t p = row[x];
      const unsigned a = p >> 24;
      unsigned r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
      if (a != 255 && a != 0) {
        r = (r * 255 + a / 2) / a;
        g = (g * 255 + a / 2) / a;
        b = (b * 255 + a / 2) / a;
      }
      out[0] = static_cast<std::uint8_t>(r);
      out[1] = static_cast<std::uint8_t>(g);
      out[2] = static_cast<std::uint8_t>(b);
      out[3] = static_cast<std::uint8_t>(a);
    }
  }
}

exporter::FigureOptions frame_options(const exporter::FigureOptions& base, int width, int height) {
  exporter::FigureOptions o = base;
  o.width = width;
  o.height = height;
  o.scale = 1.0;
  o.style.scale = exporter::render_scale(o.width, o.height);
  o.transparent = false;
  return o;
}

}  // namespace ll::video
