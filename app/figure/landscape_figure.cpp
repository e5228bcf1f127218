#include "app/figure/landscape_figure.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/contour.h"
#include "core/ticks.h"

namespace ll::figure {

palette::Rgb viridis(double t) {
  t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
  // Matt Zucker's degree-6 fit of matplotlib's viridis (CC0).
  static constexpr double c[7][3] = {{0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
                                     {0.1050930431085774, 1.404613529898575, 1.384590162594685},
                                     {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
                                     {-4.634230498983486, -5.799100973351585, -19.33244095627987},
                                     {6.228269936347081, 14.17993336680509, 56.69055260068105},
                                     {4.776384997670288, -13.74514537774601, -65.35303263337234},
                                     {-5.435455855934631, 4.645852612178535, 26.3124352495832}};
  double v[3];
  for (int ch = 0; ch < 3; ++ch) {
    double acc = c[6][ch];
    for (int k = 5; k >= 0; --k) acc = c[k][ch] + t * acc;
    v[ch] = std::clamp(acc * 255.0 + 0.5, 0.0, 255.0);
  }
  return {static_cast<std::uint8_t>(v[0]), static_cast<std::uint8_t>(v[1]),
          static_cast<std::uint8_t>(v[2])};
}

namespace {

constexpr palette::Rgb kTrajectory{240, 80, 50};  // vermilion: apart from every viridis colour
constexpr palette::Rgb kWhite{255, 255, 255}, kBlack{0, 0, 0};

double luminance(palette::Rgb c) { return (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255.0; }

}  // namespace

LandscapeFigure describe_landscape(const LandscapeInput& in) {
  LandscapeFigure f;
  const LandscapeGrid& g = *in.grid;
  f.one_d = g.one_d;
  PlotFigure& p = f.plot;
  p.title = in.title;
  p.x_label = in.x_name;
  p.y_label = g.one_d ? "total loss" : in.y_name;
  p.x_min = -g.range, p.x_max = g.range;
  p.y_min = -g.range, p.y_max = g.range;
  p.legend = false;
  const palette::ThemeColors& tc = in.style.colors();
  // Where we are in the slice.
  double ca = 0.0, cb = 0.0;
  if (in.current) project_params(g.center, g.dx, g.one_d ? nullptr : &g.dy, *in.current, ca, cb);

  const int s = g.stride;
  f.computed = s > 0;
  if (!f.computed) return f;
  const int cols = (g.nx - 1) / s + 1, rows = g.one_d ? 1 : (g.ny - 1) / s + 1;
  f.shown = cols;
  std::vector<double> v(static_cast<std::size_t>(cols) * rows);
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < cols; ++i) {
      const double x = g.at(i * s, g.one_d ? 0 : j * s);
      v[static_cast<std::size_t>(j) * cols + i] = x;
      if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
    }
  if (!(lo <= hi)) lo = 0.0, hi = 1.0;
  if (hi == lo) hi = lo + 1.0;
  f.loss_min = lo, f.loss_max = hi;

  if (g.one_d) {
    std::vector<double> xs(static_cast<std::size_t>(cols));
    for (int i = 0; i < cols; ++i) xs[static_cast<std::size_t>(i)] = g.x_at(i * s);
    p.series.push_back(line("total loss", in.style.plot().total, xs, v, 2.5));
    fit_y(p, false, 0.08);
    p.x_min = -g.range, p.x_max = g.range;
    // The current point on the curve (its loss from the node nearest to it).
    const double here = landscape_value_at(g, ca, 0.0);
    if (std::isfinite(here) && std::abs(ca) <= g.range) {
      p.series.push_back(markers("current parameters", tc.text, {ca}, {here}, 6.0));
      p.series.back().in_legend = false;
    }
    return f;
  }

  // The heat map of the finest complete level.
  p.heat.cols = cols, p.heat.rows = rows;
  p.heat.x_min = p.heat.y_min = -g.range, p.heat.x_max = p.heat.y_max = g.range;
  p.heat.colors.resize(v.size());
  for (std::size_t k = 0; k < v.size(); ++k)
    p.heat.colors[k] = std::isfinite(v[k]) ? viridis((v[k] - lo) / (hi - lo)) : tc.background;

  // Contours at nice levels strictly inside the range, each dark over bright and bright over
  // dark colours.
  const Ticks levels = nice_ticks(lo, hi, std::max(2, in.contours));
  const auto to_x = [&](double gi) { return -g.range + 2.0 * g.range * gi / (cols - 1); };
  const auto to_y = [&](double gj) { return -g.range + 2.0 * g.range * gj / (rows - 1); };
  for (double c : levels.values) {
    if (c <= lo || c >= hi) continue;
    const std::vector<ContourSegment> segs = contour_segments(v, cols, rows, c);
    if (segs.empty()) continue;
    const bool bright = luminance(viridis((c - lo) / (hi - lo))) < 0.45;
    PlotSeries ser = line("", bright ? kWhite : kBlack, {}, {}, 1.0);
    ser.alpha = 0.55;
    ser.in_legend = false;
    for (const ContourSegment& sg : segs) {
      ser.x.insert(ser.x.end(), {to_x(sg.x0), to_x(sg.x1), std::nan("")});
      ser.y.insert(ser.y.end(), {to_y(sg.y0), to_y(sg.y1), std::nan("")});
    }
    p.series.push_back(std::move(ser));
  }
  f.bar_step = levels.step;
  f.bar_ticks = levels.values;

  // The trajectory, then the current point on top.
  if (in.trajectory && !in.trajectory->empty()) {
    PlotSeries path = line("trajectory", kTrajectory, {}, {}, 2.0);
    path.in_legend = false;
    for (const TrajectoryPoint& t : *in.trajectory) {
      double a = 0.0, b = 0.0;
      project_params(g.center, g.dx, &g.dy, t.params, a, b);
      path.x.push_back(a);
      path.y.push_back(b);
    }
    p.series.push_back(std::move(path));
  }
  for (const LandscapePath& lp : in.paths) {
    if (!lp.params || lp.params->empty()) continue;
    PlotSeries halo = line("", kBlack, {}, {}, 4.5);
    halo.alpha = 0.55;
    halo.in_legend = false;
    for (const Params& q : *lp.params) {
      double a = 0.0, b = 0.0;
      project_params(g.center, g.dx, &g.dy, q, a, b);
      halo.x.push_back(a);
      halo.y.push_back(b);
    }
    PlotSeries path = line(lp.name, lp.color, halo.x, halo.y, 2.5);
    path.in_legend = false;
    PlotSeries end = markers("", lp.color, {halo.x.back()}, {halo.y.back()}, 4.5);
    end.in_legend = false;
    p.series.push_back(std::move(halo));
    p.series.push_back(std::move(path));
    p.series.push_back(std::move(end));
  }
  PlotSeries here = markers("current parameters", kWhite, {ca}, {cb}, 6.0);
  here.in_legend = false;
  p.series.push_back(std::move(here));
  return f;
}

LandscapeLayout layout_landscape(const LandscapeFigure& f, double width, double height,
                                 const Style& style, const MeasureText& measure) {
  LandscapeLayout out;
  const double s = std::max(0.75, static_cast<double>(style.scale));
  const double font = std::round(kPlotFontPx * s);
  out.bar = !f.one_d && f.computed;
  double strip = 0.0;
  std::vector<std::string> labels;
  if (out.bar) {
    double widest = measure ? measure(f.bar_title, font, false) : 0.55 * font * 4;
    for (double t : f.bar_ticks) {
      labels.push_back(plot_tick_text(t, f.bar_step));
      widest = std::max(widest, measure ? measure(labels.back(), font, false)
                                        : 0.55 * font * double(labels.back().size()));
    }
    strip = std::round(std::min(width * 0.3, 14.0 * s + 6.0 * s + widest + 8.0 * s));
  }
  out.plot_width = std::max(1.0, width - strip);
  out.plot = layout_plot(f.plot, out.plot_width, height, style, measure);
  if (!out.bar) return out;
  const PlotLayout& l = out.plot;
  const double x0 = std::round(out.plot_width + 4.0 * s), x1 = x0 + std::round(14.0 * s);
  const double top = l.top + std::round(font + 4.0 * s), bottom = l.bottom;
  out.bar_top_left = {x0, top};
  out.bar_bottom_right = {x1, bottom};
  const int n = std::max(2, static_cast<int>(bottom - top) / 2);
  for (int k = 0; k < n; ++k) {
    const double y1 = bottom - (bottom - top) * k / n, y0 = bottom - (bottom - top) * (k + 1) / n;
    out.bar_cells.push_back({{x0, y0}, {x1, y1}, viridis((k + 0.5) / n)});
  }
  const auto at_y = [&](double v) {
    return bottom - (bottom - top) * (v - f.loss_min) / (f.loss_max - f.loss_min);
  };
  // Labels a line apart at least: on a short bar (presenter mode, small windows) every
  // `every`-th tick only, so the numbers never overlap.
  std::size_t every = 1;
  if (f.bar_ticks.size() > 1) {
    const double gap = std::abs(at_y(f.bar_ticks[1]) - at_y(f.bar_ticks[0]));
    while (gap * static_cast<double>(every) < 1.15 * font && every < f.bar_ticks.size()) ++every;
  }
  for (std::size_t k = 0; k < f.bar_ticks.size(); ++k) {
    const double y = std::round(at_y(f.bar_ticks[k]));
    if (y < top - 0.5 || y > bottom + 0.5 || k % every != 0) continue;
    Text t;
    t.text = labels[k];
    t.size = font;
    t.color = style.colors().text;
    t.top_left = {x1 + std::round(4.0 * s), std::floor(y - font / 2)};
    out.bar_texts.push_back(t);
    out.bar_tick_y.push_back(y);
  }
  Text title;
  title.text = f.bar_title;
  title.size = font;
  title.color = style.colors().text;
  title.top_left = {x0, std::floor(top - font - 2.0 * s)};
  out.bar_texts.push_back(title);
  return out;
}

double landscape_value_at(const LandscapeGrid& g, double a, double b) {
  if (g.stride <= 0 || !(std::abs(a) <= g.range) || !(g.one_d || std::abs(b) <= g.range))
    return std::nan("");
  const int s = g.stride;
  const auto node = [&](double off, int n) {
    const double u = (off + g.range) / (2.0 * g.range) * (n - 1);
    return std::clamp(static_cast<int>(std::lround(u / s)) * s, 0, n - 1);
  };
  return g.at(node(a, g.nx), g.one_d ? 0 : node(b, g.ny));
}

}  // namespace ll::figure
