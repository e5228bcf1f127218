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

void draw_argmax_regions(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                         const FigureOptions& opt) {
  const std::vector<Polygon> regions = class_regions(scene.params, t.world);
  for (std::size_t k = 0; k < regions.size(); ++k) {
    const Polygon& poly = regions[k];
    if (poly.empty()) continue;
    for (std::size_t i = 0; i < poly.size(); ++i) {
      const double x = t.to_x(poly[i].x()), y = t.to_y(poly[i].y());
      if (i == 0)
        cairo_move_to(cr, x, y);
      else
        cairo_line_to(cr, x, y);
    }
    cairo_close_path(cr);
    set_color(cr, opt.style.class_region(static_cast<int>(k)));
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

// Colour of one world point for the smooth shadings.
struct Shader {
  const Params& p;
  const FigureOptions& opt;
  palette::Rgb bg;
  double score_range = 1.0;

  palette::Rgb operator()(double x0, double x1) const {
    const int K = p.classes();
    double s[kMaxClasses], prob[kMaxClasses];
    point_scores(p, Point{x0, x1, 0}, s);
    if (opt.shading == Shading::Confidence) {
      softmax(s, K, prob);
      const int k = argmax(prob, K);
      const double conf = (prob[k] - 1.0 / K) / (1.0 - 1.0 / K);  // 0 at a K-way tie, 1 sure
      return palette::mix(bg, opt.style.class_line(k), 0.62 * std::clamp(conf, 0.0, 1.0));
    }
    const double v = s[opt.score_class];
    const double t = std::tanh(std::abs(v) / score_range);
    return v >= 0.0 ? palette::mix(bg, opt.style.class_line(opt.score_class), 0.75 * t)
                    : palette::mix(bg, palette::Rgb{110, 110, 120}, 0.6 * t);
  }
};

void draw_image_shading(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                        const FigureOptions& opt, JobControl* control) {
  int px = opt.shading_pixels_x, py = opt.shading_pixels_y;
  if (px <= 0) px = static_cast<int>(std::lround(opt.width * opt.scale));
  if (py <= 0) py = static_cast<int>(std::lround(opt.height * opt.scale));
  px = std::clamp(px, 1, 16384);
  py = std::clamp(py, 1, 16384);

  Shader shade{scene.params, opt, opt.style.colors().background};
  if (opt.shading == Shading::Score) {
    // Scores are affine: their largest magnitude in the view is at a corner.
    double m = 0.0;
    for (const Eigen::Vector2d& c : rect_polygon(t.world)) {
      m = std::max(m, std::abs(scene.params.W.row(opt.score_class).dot(c) +
                               scene.params.b(opt.score_class)));
    }
    shade.score_range = m > 1e-12 ? 0.5 * m : 1.0;
  }

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
      const double x1 = t.to_x1((j + 0.5) * opt.height / py);
      for (int i = 0; i < px; ++i) row[i] = pack(shade(t.to_x0((i + 0.5) * opt.width / px), x1));
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

void draw_canvas_shading(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                         const FigureOptions& opt, JobControl* control) {
  if (scene.classes() < 1) return;
  if (opt.shading == Shading::Argmax)
    draw_argmax_regions(cr, scene, t, opt);
  else
    draw_image_shading(cr, scene, t, opt, control);
}

}  // namespace ll::exporter
