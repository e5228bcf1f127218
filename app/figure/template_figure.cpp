#include "app/figure/template_figure.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "app/figure/plot_figure.h"  // plot_tick_text
#include "core/ticks.h"

namespace ll::figure {

namespace {

// ColorBrewer RdBu (7 classes), blue (negative) to red (positive).
constexpr std::array<palette::Rgb, 7> kStops = {{{33, 102, 172},
                                                 {103, 169, 207},
                                                 {209, 229, 240},
                                                 {247, 247, 247},
                                                 {253, 219, 199},
                                                 {239, 138, 98},
                                                 {178, 24, 43}}};

std::uint8_t mix(std::uint8_t a, std::uint8_t b, double f) {
  return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
}

}  // namespace

palette::Rgb diverging_colour(double t, const Style&) {
  if (std::isnan(t)) t = 0.0;
  const double u = (std::clamp(t, -1.0, 1.0) + 1.0) * 0.5 * (kStops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(u), kStops.size() - 2);
  const double f = u - static_cast<double>(i);
  const palette::Rgb a = kStops[i], b = kStops[i + 1];
  return {mix(a.r, b.r, f), mix(a.g, b.g, f), mix(a.b, b.b, f)};
}

TemplateFigure template_figure(const Eigen::MatrixXd& W, int rows, int cols,
                               const std::vector<std::string>& names, double width, double height,
                               const Style& style, const MeasureText& measure,
                               const TemplateOptions& options) {
  const auto K = static_cast<int>(W.rows());
  if (rows <= 0 || cols <= 0 || static_cast<Eigen::Index>(rows) * cols != W.cols())
    throw std::invalid_argument("templates: " + std::to_string(rows) + " x " +
                                std::to_string(cols) + " images do not match W's " +
                                std::to_string(W.cols()) + " columns");
  if (!names.empty() && names.size() != static_cast<std::size_t>(K))
    throw std::invalid_argument("templates: " + std::to_string(names.size()) + " class names for " +
                                std::to_string(K) + " rows of W");
  if (K < 1) throw std::invalid_argument("templates: W has no rows");
  if (!(width > 0.0) || !(height > 0.0)) throw std::invalid_argument("templates: empty figure");

  const double s = std::max(0.75, static_cast<double>(style.scale));
  const double margin = 12.0 * s, gap = 10.0 * s, caption = 16.0 * s, title = 18.0 * s;
  const double tick_font = 13.0 * s, bar_h = 14.0 * s, tick_len = 4.0 * s;
  const palette::ThemeColors& colours = style.colors();
  TemplateFigure f;
  f.width = width;
  f.height = height;
  f.background = colours.background;
  f.frame = colours.axis;

  double top = margin, bottom = height - margin;
  if (!options.title.empty()) {
    f.title.text = options.title;
    f.title.size = title;
    f.title.bold = true;
    f.title.color = colours.text;
    f.title.top_left = {(width - measure(options.title, title, true)) * 0.5, top};
    top += title + gap;
  }
  // The scale: bar, ticks and their labels at the bottom.
  double m = options.range > 0.0 ? options.range : (W.size() > 0 ? W.cwiseAbs().maxCoeff() : 0.0);
  if (!(m > 0.0) || !std::isfinite(m)) m = 1.0;
  if (options.colour_scale) {
    const double label_h = tick_font;
    const double bar_w = std::min(width - 2.0 * margin, 420.0 * s);
    ColourScale& c = f.scale;
    c.h = bar_h;
    c.w = std::max(1.0, bar_w);
    c.x = (width - c.w) * 0.5;
    c.y = bottom - label_h - tick_len - 2.0 * s - c.h;
    c.lo = -m;
    c.hi = m;
    const int n = std::max(1, static_cast<int>(std::lround(c.w)));
    c.colours.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
      c.colours[static_cast<std::size_t>(i)] = diverging_colour(-1.0 + 2.0 * (i + 0.5) / n, style);
    const Ticks t = nice_ticks(-m, m, 5);
    for (double v : t.values) {
      if (v < -m || v > m) continue;
      ColourScale::Tick tick;
      tick.value = v;
      tick.x = c.x + (v + m) / (2.0 * m) * c.w;
      tick.label.text = plot_tick_text(v, t.step);
      tick.label.size = tick_font;
      tick.label.color = colours.text;
      tick.label.top_left = {tick.x - measure(tick.label.text, tick_font, false) * 0.5,
                             c.y + c.h + tick_len + 2.0 * s};
      c.ticks.push_back(std::move(tick));
    }
    c.title.text = "weight";
    c.title.size = tick_font;
    c.title.color = colours.text;
    c.title.top_left = {c.x - gap - measure("weight", tick_font, false),
                        c.y + (c.h - tick_font) * 0.5};
    bottom = c.y - gap;
  }
  // The grid of tiles, each with its caption, as large as fits, centred.
  const int columns = std::clamp(options.columns, 1, K);
  const int grid_rows = (K + columns - 1) / columns;
  const double avail_w = width - 2.0 * margin - (columns - 1) * gap;
  const double avail_h = bottom - top - grid_rows * (caption + 2.0 * s) - (grid_rows - 1) * gap;
  const double aspect = static_cast<double>(cols) / rows;  // tile width / height
  double tile_h = std::min(avail_h / grid_rows, avail_w / columns / aspect);
  tile_h = std::max(1.0, std::floor(tile_h));
  const double tile_w = std::max(1.0, std::floor(tile_h * aspect));
  const double grid_w = columns * tile_w + (columns - 1) * gap;
  const double grid_h = grid_rows * (tile_h + caption + 2.0 * s) + (grid_rows - 1) * gap;
  const double x0 = std::round((width - grid_w) * 0.5);
  const double y0 = std::round(top + std::max(0.0, (bottom - top - grid_h) * 0.5));
  for (int k = 0; k < K; ++k) {
    TemplateTile tile;
    tile.cls = k;
    tile.rows = rows;
    tile.cols = cols;
    tile.w = tile_w;
    tile.h = tile_h;
    tile.x = x0 + (k % columns) * (tile_w + gap);
    tile.y = y0 + (k / columns) * (tile_h + caption + 2.0 * s + gap);
    tile.pixels.resize(static_cast<std::size_t>(rows) * cols);
    for (Eigen::Index d = 0; d < W.cols(); ++d)
      tile.pixels[static_cast<std::size_t>(d)] = diverging_colour(W(k, d) / m, style);
    tile.caption.text =
        names.empty() ? "class " + std::to_string(k) : names[static_cast<std::size_t>(k)];
    tile.caption.size = caption * 0.85;
    tile.caption.color = colours.text;
    tile.caption.cls = k;
    tile.caption.top_left = {
        tile.x + (tile_w - measure(tile.caption.text, tile.caption.size, false)) * 0.5,
        tile.y + tile_h + 2.0 * s};
    f.tiles.push_back(std::move(tile));
  }
  return f;
}

}  // namespace ll::figure
