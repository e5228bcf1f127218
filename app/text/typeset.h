#pragma once
// Pango markup typeset in DejaVu Sans (the window's font) at ImGui's sizes: `px` is the line
// height in pixels (ascent + descent, as ImGui's font size; DejaVu's em is 2048/2384 of it, see
// text_em in app/figure/canvas_figure.h). Into a cairo ARGB32 image (premultiplied alpha; the
// window uploads it as a texture) or onto any cairo_t: PNG, and PDF/SVG where text stays text
// (searchable in PDF). No GL, no ImGui.
#include <cairo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ll::text {

struct TextStyle {
  double px = 13.0;                  // line height in pixels (ImGui's font size)
  std::uint32_t rgba = 0x000000ffu;  // colour, 0xRRGGBBAA
  bool bold = false;
  int wrap_width = 0;  // pixels; 0: one line (only the markup's newlines break it)
  bool operator==(const TextStyle&) const = default;
};

// DejaVu Sans's em for a line height of `px` pixels.
inline double text_em_px(double px) { return px * 2048.0 / 2384.0; }
// Where the baseline sits below the top of a line of height `px` (DejaVu's ascent 1901/2384).
inline double text_ascent_px(double px) { return px * 1901.0 / 2384.0; }

// Measures of a typeset layout, in pixels (user units on a cairo_t).
struct TextMetrics {
  double width = 0, height = 0;  // the logical box (what a line of text takes)
  double baseline = 0;           // first line's baseline below the box's top
  int lines = 0;
  int unknown_glyphs = 0;  // characters the font could not draw (missing-glyph boxes)
};

// A typeset image: ARGB32 as cairo stores it (native-endian 0xAARRGGBB, premultiplied), rows
// of `width` pixels. The image covers both the logical box and all ink (subscripts, italics
// overhang); the logical box's top-left is at (origin_x, origin_y) in the image.
struct TextImage {
  int width = 0, height = 0;
  int origin_x = 0, origin_y = 0;
  TextMetrics metrics;
  std::vector<std::uint32_t> argb;
  // The pixels as straight (not premultiplied) RGBA bytes, row by row: for a GL texture.
  std::vector<std::uint8_t> straight_rgba() const;
};

// Whether `markup` parses as Pango markup; the parser's message in `error` if not.
bool markup_valid(std::string_view markup, std::string* error = nullptr);

// Typesets `markup` (invalid markup is shown as its plain text) into a new image.
TextImage typeset(std::string_view markup, const TextStyle& style);

// Draws `markup` onto `cr` with the logical box's top-left at (x, y) in user units, in the
// style's colour and size (px in user units). Vector surfaces keep the glyphs as text.
TextMetrics draw_markup(cairo_t* cr, std::string_view markup, const TextStyle& style, double x,
                        double y);
// Measures `markup` as draw_markup would lay it out on `cr` (nothing drawn).
TextMetrics measure_markup(cairo_t* cr, std::string_view markup, const TextStyle& style);

}  // namespace ll::text
