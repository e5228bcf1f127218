#include "app/export/landscape_export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <stdexcept>

#include "app/export/draw.h"
#include "app/export/plot_frame.h"
#include "core/atomic_file.h"

namespace ll::exporter {

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void ok(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
}

void draw_scaled(cairo_surface_t* surface, const figure::LandscapeFigure& f, double w, double h,
                 double scale, const Style& style) {
  ContextPtr cr(cairo_create(surface));
  ok(cairo_status(cr.get()), "cairo");
  cairo_font_options_t* fo = cairo_font_options_create();  // unhinted, as every export
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr.get(), fo);
  cairo_font_options_destroy(fo);
  cairo_scale(cr.get(), scale, scale);
  draw_landscape(cr.get(), f, w, h, style);
  ok(cairo_status(cr.get()), "drawing the landscape");
}

}  // namespace

void draw_landscape(cairo_t* cr, const figure::LandscapeFigure& f, double width, double height,
                    const Style& style, bool transparent) {
  const figure::LandscapeLayout l =
      figure::layout_landscape(f, width, height, style, cairo_measure(cr));
  cairo_save(cr);
  if (!transparent) {
    set_color(cr, style.colors().background);
    cairo_rectangle(cr, 0, 0, width, height);
    cairo_fill(cr);
  }
  draw_plot_figure(cr, f.plot, l.plot, style, transparent);
  if (l.bar) {
    for (const figure::LandscapeLayout::Cell& c : l.bar_cells) {
      set_color(cr, c.color);
      // A hair of overlap so that no seam shows between cells.
      cairo_rectangle(cr, c.top_left.x(), c.top_left.y() - 0.25,
                      c.bottom_right.x() - c.top_left.x(),
                      c.bottom_right.y() - c.top_left.y() + 0.5);
      cairo_fill(cr);
    }
    const double s = std::max(0.75, static_cast<double>(style.scale));
    set_color(cr, style.colors().axis);
    cairo_set_line_width(cr, std::max(1.0, std::round(s)));
    cairo_rectangle(cr, l.bar_top_left.x() + 0.5, l.bar_top_left.y() + 0.5,
                    l.bar_bottom_right.x() - l.bar_top_left.x() - 1.0,
                    l.bar_bottom_right.y() - l.bar_top_left.y() - 1.0);
    for (double y : l.bar_tick_y) {
      cairo_move_to(cr, l.bar_bottom_right.x(), y + 0.5);
      cairo_line_to(cr, l.bar_bottom_right.x() + std::round(3.0 * s), y + 0.5);
    }
    cairo_stroke(cr);
    set_color(cr, style.colors().text);
    for (const figure::Text& t : l.bar_texts)
      draw_text_at_top(cr, t.text, t.top_left.x(), t.top_left.y(), t.size, t.bold);
  }
  cairo_restore(cr);
}

std::string render_landscape(const figure::LandscapeFigure& f, double width, double height,
                             double scale, Format format, const Style& style) {
  FigureOptions size;
  size.width = width, size.height = height, size.scale = scale;
  if (const std::string why = check_size(size, format); !why.empty())
    throw std::invalid_argument(why);
  std::string bytes;
  switch (format) {
    case Format::Png: {
      SurfacePtr s(
          cairo_image_surface_create(CAIRO_FORMAT_ARGB32, raster_width(size), raster_height(size)));
      ok(cairo_surface_status(s.get()), "creating the image");
      draw_scaled(s.get(), f, width, height, scale, style);
      cairo_surface_flush(s.get());
      ok(cairo_surface_write_to_png_stream(s.get(), append_bytes, &bytes), "encoding the PNG");
      break;
    }
    case Format::Svg: {
      SurfacePtr s(cairo_svg_surface_create_for_stream(append_bytes, &bytes, width, height));
      ok(cairo_surface_status(s.get()), "creating the SVG");
      cairo_svg_surface_set_document_unit(s.get(), CAIRO_SVG_UNIT_PX);
      draw_scaled(s.get(), f, width, height, 1.0, style);
      cairo_surface_finish(s.get());
      ok(cairo_surface_status(s.get()), "writing the SVG");
      break;
    }
    case Format::Pdf: {
      SurfacePtr s(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, width, height));
      ok(cairo_surface_status(s.get()), "creating the PDF");
      cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_TITLE, "LossLab loss landscape");
      cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_CREATOR, "LossLab");
      draw_scaled(s.get(), f, width, height, 1.0, style);
      cairo_surface_finish(s.get());
      ok(cairo_surface_status(s.get()), "writing the PDF");
      break;
    }
  }
  return bytes;
}

void export_landscape(const std::filesystem::path& path, const figure::LandscapeFigure& f,
                      double width, double height, double scale, const Style& style) {
  Format format;
  if (!format_from_path(path, format))
    throw std::invalid_argument(path.string() + ": unknown format (use .png, .svg or .pdf)");
  write_file_atomic(path, render_landscape(f, width, height, scale, format, style));
}

}  // namespace ll::exporter
