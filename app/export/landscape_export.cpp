#include "app/export/landscape_export.h"

#include <stdexcept>

#include "app/export/draw.h"
#include "app/export/plot_frame.h"
#include "core/atomic_file.h"

namespace ll::exporter {

namespace {}  // namespace

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
  return render_drawing(
      width, height, scale, format,
      [&](cairo_t* cr) { draw_landscape(cr, f, width, height, style); }, "LossLab loss landscape");
}

void export_landscape(const std::filesystem::path& path, const figure::LandscapeFigure& f,
                      double width, double height, double scale, const Style& style) {
  Format format;
  if (!format_from_path(path, format))
    throw std::invalid_argument(path.string() + ": unknown format (use .png, .svg or .pdf)");
  write_file_atomic(path, render_landscape(f, width, height, scale, format, style));
}

}  // namespace ll::exporter
