#include "app/text/typeset.h"

#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "app/text/formulas.h"

namespace ll::text {

namespace {

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

// A layout of `markup` for `cr` in the style's font, size and wrap width.
LayoutPtr tset_layout(cairo_t* cr, std::string_view markup, const TextStyle& style) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  // Grey antialiasing, slight hinting, unhinted metrics: sharp stems, widths as ImGui's.
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  PangoContext* pc = pango_layout_get_context(layout.get());
  pango_cairo_context_set_font_options(pc, fo);
  cairo_font_options_destroy(fo);
  pango_layout_context_changed(layout.get());

  PangoFontDescription* fd = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(fd, text_em_px(style.px) * PANGO_SCALE);
  pango_font_description_set_weight(fd, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), fd);
  pango_font_description_free(fd);
  if (style.wrap_width > 0) {
    pango_layout_set_width(layout.get(), style.wrap_width * PANGO_SCALE);
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  const std::string m(markup);
  if (markup_valid(m))
    pango_layout_set_markup(layout.get(), m.c_str(), static_cast<int>(m.size()));
  else {
    const std::string plain = plain_text(m);
    pango_layout_set_text(layout.get(), plain.c_str(), static_cast<int>(plain.size()));
  }
  return layout;
}

TextMetrics tset_metrics(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  TextMetrics m;
  m.width = static_cast<double>(logical.width) / PANGO_SCALE;
  m.height = static_cast<double>(logical.height) / PANGO_SCALE;
  m.baseline = static_cast<double>(pango_layout_get_baseline(layout) - logical.y) / PANGO_SCALE;
  m.lines = pango_layout_get_line_count(layout);
  m.unknown_glyphs = pango_layout_get_unknown_glyphs_count(layout);
  return m;
}

void tset_set_colour(cairo_t* cr, std::uint32_t rgba) {
  cairo_set_source_rgba(cr, ((rgba >> 24) & 0xff) / 255.0, ((rgba >> 16) & 0xff) / 255.0,
                        ((rgba >> 8) & 0xff) / 255.0, (rgba & 0xff) / 255.0);
}

}  // namespace

std::vector<std::uint8_t> TextImage::straight_rgba() const {
  std::vector<std::uint8_t> out(argb.size() * 4);
  for (std::size_t i = 0; i < argb.size(); ++i) {
    const std::uint32_t p = argb[i];
    const unsigned a = p >> 24;
    std::uint8_t* o = &out[4 * i];
    o[3] = static_cast<std::uint8_t>(a);
    if (a == 0) {
      o[0] = o[1] = o[2] = 0;
      continue;
    }
    for (int c = 0; c < 3; ++c) {  // r, g, b from bits 16, 8, 0
      const unsigned v = (p >> (16 - 8 * c)) & 0xff;
      o[c] = static_cast<std::uint8_t>(std::min(255u, (v * 255u + a / 2) / a));
    }
  }
  return out;
}

bool markup_valid(std::string_view markup, std::string* error) {
  const std::string m(markup);
  GError* err = nullptr;
  const gboolean ok =
      pango_parse_markup(m.c_str(), static_cast<int>(m.size()), 0, nullptr, nullptr, nullptr, &err);
  if (!ok && error) *error = err ? err->message : "invalid markup";
  if (err) g_error_free(err);
  return ok != 0;
}

TextImage typeset(std::string_view markup, const TextStyle& style) {
  // Lay out against a scratch image surface (same font options as the final one).
  cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t* scr = cairo_create(scratch);
  LayoutPtr layout = tset_layout(scr, markup, style);
  PangoRectangle ink, logical;
  pango_layout_get_pixel_extents(layout.get(), &ink, &logical);
  const int x0 = std::min(ink.width > 0 ? ink.x : logical.x, logical.x);
  const int y0 = std::min(ink.height > 0 ? ink.y : logical.y, logical.y);
  const int x1 = std::max(ink.x + ink.width, logical.x + logical.width);
  const int y1 = std::max(ink.y + ink.height, logical.y + logical.height);
  TextImage img;
  img.width = std::max(1, x1 - x0);
  img.height = std::max(1, y1 - y0);
  img.origin_x = logical.x - x0;
  img.origin_y = logical.y - y0;
  img.metrics = tset_metrics(layout.get());

  cairo_surface_t* surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height);
  cairo_t* cr = cairo_create(surf);
  tset_set_colour(cr, style.rgba);
  cairo_move_to(cr, -x0, -y0);
  pango_cairo_update_layout(cr, layout.get());
  pango_cairo_show_layout(cr, layout.get());
  cairo_surface_flush(surf);
  const int stride = cairo_image_surface_get_stride(surf);
  const unsigned char* data = cairo_image_surface_get_data(surf);
  img.argb.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height));
  for (int y = 0; y < img.height; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    std::copy(row, row + img.width, img.argb.begin() + static_cast<std::ptrdiff_t>(y) * img.width);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surf);
  layout.reset();
  cairo_destroy(scr);
  cairo_surface_destroy(scratch);
  return img;
}

TextMetrics draw_markup(cairo_t* cr, std::string_view markup, const TextStyle& style, double x,
                        double y) {
  LayoutPtr layout = tset_layout(cr, markup, style);
  const TextMetrics m = tset_metrics(layout.get());
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  cairo_save(cr);
  tset_set_colour(cr, style.rgba);
  cairo_move_to(cr, x - static_cast<double>(logical.x) / PANGO_SCALE,
                y - static_cast<double>(logical.y) / PANGO_SCALE);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
  return m;
}

TextMetrics measure_markup(cairo_t* cr, std::string_view markup, const TextStyle& style) {
  LayoutPtr layout = tset_layout(cr, markup, style);
  return tset_metrics(layout.get());
}

}  // namespace ll::text
