#include "app/export/template_export.h"

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "app/export/draw.h"
#include "app/export/plot_frame.h"  // cairo_measure
#include "core/atomic_file.h"

namespace ll::exporter {

namespace {

void check_tile(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
}

// A w x h image of `pixels` (row-major) painted into the rectangle, each pixel a sharp square.
void paint_pixels(cairo_t* cr, const std::vector<palette::Rgb>& pixels, int w, int h, double x,
                  double y, double rw, double rh) {
  SurfacePtr img(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  check_tile(cairo_surface_status(img.get()), "creating a tile");
  cairo_surface_flush(img.get());
  unsigned char* data = cairo_image_surface_get_data(img.get());
  const int stride = cairo_image_surface_get_stride(img.get());
  for (int r = 0; r < h; ++r) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
    for (int c = 0; c < w; ++c) {
      const palette::Rgb p = pixels[static_cast<std::size_t>(r) * static_cast<std::size_t>(w) +
                                    static_cast<std::size_t>(c)];
      row[c] = 0xFF000000u | (std::uint32_t{p.r} << 16) | (std::uint32_t{p.g} << 8) | p.b;
    }
  }
  cairo_surface_mark_dirty(img.get());
  cairo_save(cr);
  cairo_rectangle(cr, x, y, rw, rh);
  cairo_clip(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, rw / w, rh / h);
  cairo_set_source_surface(cr, img.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
  cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
  cairo_paint(cr);
  cairo_restore(cr);
}

void draw_text(cairo_t* cr, const figure::Text& t) {
  if (t.text.empty()) return;
  set_color(cr, t.color, t.alpha);
  draw_text_at_top(cr, t.text, t.top_left.x(), t.top_left.y(), t.size, t.bold);
}

}  // namespace

void draw_template_figure(cairo_t* cr, const figure::TemplateFigure& f) {
  set_color(cr, f.background);
  cairo_rectangle(cr, 0, 0, f.width, f.height);
  cairo_fill(cr);
  draw_text(cr, f.title);
  for (const figure::TemplateTile& t : f.tiles) {
    paint_pixels(cr, t.pixels, t.cols, t.rows, t.x, t.y, t.w, t.h);
    set_color(cr, f.frame);
    cairo_set_line_width(cr, 1.0);
    cairo_rectangle(cr, t.x - 0.5, t.y - 0.5, t.w + 1.0, t.h + 1.0);
    cairo_stroke(cr);
    draw_text(cr, t.caption);
  }
  const figure::ColourScale& c = f.scale;
  if (!c.colours.empty()) {
    paint_pixels(cr, c.colours, static_cast<int>(c.colours.size()), 1, c.x, c.y, c.w, c.h);
    set_color(cr, f.frame);
    cairo_set_line_width(cr, 1.0);
    cairo_rectangle(cr, c.x - 0.5, c.y - 0.5, c.w + 1.0, c.h + 1.0);
    cairo_stroke(cr);
    for (const figure::ColourScale::Tick& t : c.ticks) {
      cairo_move_to(cr, std::round(t.x) + 0.5, c.y + c.h);
      cairo_line_to(cr, std::round(t.x) + 0.5, t.label.top_left.y() - 2.0);
      cairo_stroke(cr);
      draw_text(cr, t.label);
    }
    draw_text(cr, c.title);
  }
}

std::string render_templates(const Eigen::MatrixXd& W, int rows, int cols,
                             const std::vector<std::string>& names, const TemplateExport& opt,
                             Format format) {
  return render_drawing(
      opt.width, opt.height, opt.scale, format,
      [&](cairo_t* cr) {
        draw_template_figure(
            cr, figure::template_figure(W, rows, cols, names, opt.width, opt.height, opt.style,
                                        cairo_measure(cr), opt.options));
      },
      "LossLab templates");
}

void export_templates(const std::filesystem::path& path, const Eigen::MatrixXd& W, int rows,
                      int cols, const std::vector<std::string>& names, const TemplateExport& opt) {
  Format format{};
  if (!format_from_path(path, format))
    throw std::invalid_argument(path.string() + ": unknown format (use .png, .svg or .pdf)");
  write_file_atomic(path, render_templates(W, rows, cols, names, opt, format));
}

}  // namespace ll::exporter
