#pragma once
// A cairo image (app/export's render_drawing_image / render_image) as a frame's RGBA bytes:
// every FrameSource hands its figure to the encoder through here.
#include <cairo.h>

#include <cstdint>
#include <span>

namespace ll::video {

// Copies `surface` (ARGB32, at least width x height) into `rgba` (4 * width * height bytes,
// rows top to bottom, R, G, B, A, not premultiplied). Throws std::invalid_argument when either
// is too small.
void copy_rgba(cairo_surface_t* surface, int width, int height, std::span<std::uint8_t> rgba);

}  // namespace ll::video
