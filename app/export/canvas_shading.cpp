// The canvas background: exact region polygons (argmax) or a CPU-computed image (confidence of
// the softmax probabilities, or one class's score) for the smooth shadings.
#include "app/export/canvas_shading.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

#include "app/export/draw.h"
#include "core/losses.h"

namespace ll::exporter {

namespace {

void draw_argmax_regions(cairo_t* cr, const figure::CanvasFigure& f) {
  for (std::size_t k = 0; k < f.regions.size(); ++k) {
    const std::vector<figure::Vec>& poly = f.regions[k];
    if (poly.empty()) continue;
    for (std::size_t i = 0; i < poly.size(); ++i) {
      if (i == 0)
        cairo_move_to(cr, poly[i].x(), poly[i].y());
      else
        cairo_line_to(cr, poly[i].x(), poly[i].y());
    }
    cairo_close_path(cr);
    set_color(cr, f.style.class_region(static_cast<int>(k)));
    // Stroking in the fill colour overlaps the neighbour by half a unit, so anti-aliased shared
    // edges show no background seam (raster and vector viewers alike).
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, 1.0);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_stroke(cr);
  }
}

std::uint32_t pack(palette::Rgb c) {
  return 0xFF000000u | (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
}

// The window's shader per pixel (figure::region_color), with its iso-score lines at every
// integer score in score mode.
struct Shader {
  const figure::CanvasFigure& f;
  double world_per_px = 1.0;  // of the image

  palette::Rgb operator()(double x0, double x1) const {
    const palette::Rgb c = figure::region_color(f.params, f.options, f.style, {x0, x1});
    if (f.options.regions != figure::RegionMode::Score) return c;
    const int k = f.options.score_class;
    const double v = f.params.W(k, 0) * x0 + f.params.W(k, 1) * x1 + f.params.b(k);
    const double per_px = std::hypot(f.params.W(k, 0), f.params.W(k, 1)) * world_per_px;
    const double d = std::abs(v - std::floor(v + 0.5)) / std::max(per_px, 1e-6);
    const double hw = 0.5 * f.style.scale / (world_per_px * f.map.ppu);  // in image pixels
    const double cover = std::clamp(hw + 0.5 - d, 0.0, 1.0) * 0.8;
    const palette::Rgb dark{static_cast<std::uint8_t>(c.r * 0.7),
                            static_cast<std::uint8_t>(c.g * 0.7),
                            static_cast<std::uint8_t>(c.b * 0.7)};
    return palette::mix(c, dark, cover);
  }
};

void draw_image_shading(cairo_t* cr, const figure::CanvasFigure& f, const FigureOptions& opt,
                        JobControl* control) {
  int px = opt.shading_pixels_x, py = opt.shading_pixels_y;
  if (px <= 0) px = static_cast<int>(std::lround(opt.width * opt.scale));
  if (py <= 0) py = static_cast<int>(std::lround(opt.height * opt.scale));
  px = std::clamp(px, 1, 16384);
  py = std::clamp(py, 1, 16384);
  const Shader shade{f, opt.width / px / f.map.ppu};

  cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, px, py);
  if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(img);
    throw std::runtime_error("cannot allocate the shading image");
  }
  cairo_surface_flush(img);
  unsigned char* data = cairo_image_surface_get_data(img);
  const int stride = cairo_image_surface_get_stride(img);
  auto fill_rows = [&](int j0, int j1) {
    for (int j = j0; j < j1; ++j) {
      if (control && control->cancelled()) return;  // never throw on a worker thread
      auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(j) * stride);
      const double x1 = f.map.to_world({0.0, (j + 0.5) * opt.height / py}).y();
      for (int i = 0; i < px; ++i)
        row[i] = pack(shade(f.map.to_world({(i + 0.5) * opt.width / px, 0.0}).x(), x1));
    }
  };
  // Rows are independent: split large images over the cores (a 4K image is 8 million pixels).
  const int threads = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1,
                                 std::max(1, std::min(8, py / 64)));
  std::vector<std::thread> pool;
  for (int k = 1; k < threads; ++k)
    pool.emplace_back(fill_rows, py * k / threads, py * (k + 1) / threads);
  fill_rows(0, py / threads);
  for (std::thread& th : pool) th.join();
  if (control && control->cancelled()) {
    cairo_surface_destroy(img);
    control->check();
  }
  cairo_surface_mark_dirty(img);

  cairo_save(cr);
  cairo_rectangle(cr, 0.0, 0.0, opt.width, opt.height);
  cairo_clip(cr);
  cairo_scale(cr, opt.width / px, opt.height / py);
  cairo_set_source_surface(cr, img, 0.0, 0.0);
  cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(img);
}

}  // namespace

void draw_canvas_shading(cairo_t* cr, const figure::CanvasFigure& f, const FigureOptions& opt,
                         JobControl* control) {
  if (f.params.classes() < 1) return;
  if (f.options.regions == figure::RegionMode::Argmax)
    draw_argmax_regions(cr, f);
  else
    draw_image_shading(cr, f, opt, control);
}

}  // namespace ll::exporter
