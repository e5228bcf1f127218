#include "app/export/point_density.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "app/export/draw.h"

namespace ll::exporter {

namespace {

constexpr double kMaxDiscPixels = 3.0;  // disc radius, in image pixels
constexpr double kMaxImagePixels = 4.0 * 1024 * 1024;
constexpr std::size_t kChunk = 10000;  // points between Cancel checks

struct Cell {
  std::uint32_t n = 0, r = 0, g = 0, b = 0;  // points covering the pixel, sums of their colours
};

}  // namespace

double density_alpha(unsigned n) { return 1.0 - std::pow(0.5, static_cast<double>(n)); }

void draw_point_density(cairo_t* cr, const Scene& scene, const CanvasTransform& t,
                        const FigureOptions& opt, double radius, JobControl* control,
                        double progress_from, double progress_to) {
  // Image pixels per figure unit.
  double res = opt.scale > 0.0 && std::isfinite(opt.scale) ? opt.scale : 1.0;
  if (radius * res > kMaxDiscPixels) res = kMaxDiscPixels / radius;
  if (opt.width * opt.height * res * res > kMaxImagePixels)
    res = std::sqrt(kMaxImagePixels / (opt.width * opt.height));
  const int px = std::max(1, static_cast<int>(std::ceil(opt.width * res)));
  const int py = std::max(1, static_cast<int>(std::ceil(opt.height * res)));
  const double r = radius * res;  // disc radius in image pixels
  const int reach = static_cast<int>(std::ceil(r));

  std::vector<Cell> cells(static_cast<std::size_t>(px) * static_cast<std::size_t>(py));
  palette::Rgb colors[kMaxClasses];
  for (int k = 0; k < kMaxClasses; ++k) colors[k] = opt.style.class_line(k);
  const std::size_t n = scene.points.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i % kChunk == 0 && control) {
      control->check();
      control->set_progress(progress_from + (progress_to - progress_from) * double(i) / double(n));
    }
    const Point& p = scene.points[i];
    if (!std::isfinite(p.x0) || !std::isfinite(p.x1)) continue;
    const double cx = t.to_x(p.x0) * res, cy = t.to_y(p.x1) * res;
    if (!(cx > -r - 1.0 && cx < px + r + 1.0 && cy > -r - 1.0 && cy < py + r + 1.0)) continue;
    const palette::Rgb c = colors[std::clamp(p.label, 0, kMaxClasses - 1)];
    const int ci = static_cast<int>(std::floor(cx)), cj = static_cast<int>(std::floor(cy));
    for (int j = std::max(0, cj - reach); j <= std::min(py - 1, cj + reach); ++j) {
      const double dy = j + 0.5 - cy;
      for (int k = std::max(0, ci - reach); k <= std::min(px - 1, ci + reach); ++k) {
        const double dx = k + 0.5 - cx;
        // Pixel centres inside the disc, and always the pixel holding the point itself.
        if (dx * dx + dy * dy > r * r && !(k == ci && j == cj)) continue;
        Cell& cell = cells[static_cast<std::size_t>(j) * px + k];
        ++cell.n;
        cell.r += c.r;
        cell.g += c.g;
        cell.b += c.b;
      }
    }
  }
  if (control) control->check();

  SurfacePtr img(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, px, py));
  if (cairo_surface_status(img.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cannot allocate the point density image");
  cairo_surface_flush(img.get());
  unsigned char* data = cairo_image_surface_get_data(img.get());
  const int stride = cairo_image_surface_get_stride(img.get());
  std::uint32_t alpha_of[64];  // 1 - 0.5^n in 8 bits: 255 from n = 8 on
  for (unsigned k = 0; k < 64; ++k)
    alpha_of[k] = static_cast<std::uint32_t>(std::lround(255.0 * density_alpha(k)));
  for (int j = 0; j < py; ++j) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(j) * stride);
    for (int k = 0; k < px; ++k) {
      const Cell& cell = cells[static_cast<std::size_t>(j) * px + k];
      if (cell.n == 0) {
        row[k] = 0;
        continue;
      }
      const std::uint32_t a = alpha_of[std::min<std::uint32_t>(cell.n, 63)];
      // Premultiplied: mean colour times alpha.
      auto ch = [&](std::uint32_t sum) {
        return static_cast<std::uint32_t>((static_cast<std::uint64_t>(sum) * a + cell.n * 127u) /
                                          (static_cast<std::uint64_t>(cell.n) * 255u));
      };
      row[k] = (a << 24) | (ch(cell.r) << 16) | (ch(cell.g) << 8) | ch(cell.b);
    }
  }
  cairo_surface_mark_dirty(img.get());

  cairo_save(cr);
  cairo_rectangle(cr, 0.0, 0.0, opt.width, opt.height);
  cairo_clip(cr);
  cairo_scale(cr, 1.0 / res, 1.0 / res);
  cairo_set_source_surface(cr, img.get(), 0.0, 0.0);
  // One image pixel per raster pixel: no resampling; otherwise smooth.
  cairo_pattern_set_filter(cairo_get_source(cr),
                           res == opt.scale ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
  if (control) control->set_progress(progress_to);
}

}  // namespace ll::exporter
