#pragma once
// A cairo image (app/export's render_drawing_image / render_image) as a frame's RGBA bytes:
// every FrameSource hands its figure to the encoder through here, drawn with the options of
// frame_options.
#include <cairo.h>

#include <cstdint>
#include <span>

#include "app/export/export.h"

namespace ll::video {

// Copies `surface` (ARGB32, at least width x height) into `rgba` (4 * width * height bytes,
// rows top to bottom, R, G, B, A, not premultiplied). Throws std::invalid_argument when either
// is too small.
void copy_rgba(cairo_surface_t* surface, int width, int height, std::span<std::uint8_t> rgba);

// The figure options a frame of width x height is drawn with: `base` at that size, one pixel per
// unit, the style scaled as `losslab render` scales that size, opaque (video has no alpha).
exporter::FigureOptions frame_options(const exporter::FigureOptions& base, int width, int height);

}  // namespace ll::video
