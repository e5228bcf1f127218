#include "app/figure/plot_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

#include "core/ticks.h"

namespace ll::figure {

PlotSeries line(std::string name, palette::Rgb color, std::vector<double> x, std::vector<double> y,
                double width) {
  PlotSeries s;
  s.name = std::move(name);
  s.color = color;
  s.x = std::move(x);
  s.y = std::move(y);
  s.width = width;
  return s;
}

PlotSeries markers(std::string name, palette::Rgb color, std::vector<double> x,
                   std::vector<double> y, double radius) {
  PlotSeries s = line(std::move(name), color, std::move(x), std::move(y), radius);
  s.kind = SeriesKind::Markers;
  return s;
}

namespace {

struct Span {
  double lo = std::numeric_limits<double>::infinity(),
         hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool empty() const { return !(lo <= hi); }
};

// lo..hi padded by `pad` of the span (computed on halves: spans beyond DBL_MAX do not overflow).
void padded(Span s, double pad, double& lo, double& hi) {
  if (s.empty()) {
    lo = 0.0, hi = 1.0;
    return;
  }
  if (s.hi - s.lo < 1e-12) {
    const double p = std::max(std::abs(s.lo) * 0.1, 0.5);
    lo = s.lo - p, hi = s.hi + p;
    return;
  }
  const double p = pad * (0.5 * s.hi - 0.5 * s.lo) * 2.0;
  lo = s.lo - p, hi = s.hi + p;
}

// (v - lo) / (hi - lo) on halves, so that spans beyond DBL_MAX do not overflow.
double fraction(double v, double lo, double hi) {
  return (0.5 * v - 0.5 * lo) / (0.5 * hi - 0.5 * lo);
}
// Far off values stay drawable (1e5 px off the figure); NaN stays NaN.
double clamp_px(double p) { return std::isnan(p) ? p : std::clamp(p, -1e5, 1e5); }

void sane(double& lo, double& hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0.0, hi = 1.0;
  if (!(hi > lo)) hi = lo + 1.0;
}

}  // namespace

void fit_x(PlotFigure& f) {
  Span s;
  bool has_markers = false;
  for (const PlotSeries& p : f.series) {
    for (double v : p.x) s.add(v);
    has_markers = has_markers || p.kind == SeriesKind::Markers;
  }
  padded(s, has_markers ? 0.05 : 0.0, f.x_min, f.x_max);
}

void fit_y(PlotFigure& f, bool include_zero, double pad) {
  Span s;
  for (const PlotSeries& p : f.series) {
    if (p.right_axis) continue;
    for (double v : p.y) s.add(v);
    for (double v : p.y_hi) s.add(v);
  }
  if (include_zero) s.add(0.0);
  padded(s, pad, f.y_min, f.y_max);
}

void fit_y2(PlotFigure& f, double pad) {
  Span s;
  for (const PlotSeries& p : f.series)
    if (p.right_axis)
      for (double v : p.y) s.add(v);
  padded(s, pad, f.y2_min, f.y2_max);
}

std::string plot_tick_text(double v, double step) {
  std::string s = ll::tick_label(v, step);
  if (s.size() > 1 && s[0] == '-') s.replace(0, 1, "\u2212");
  return s;
}

double PlotLayout::px_x(double x) const {
  return clamp_px(left + fraction(x, x_min, x_max) * (right - left));
}
double PlotLayout::px_y(double y, bool right_axis) const {
  const double lo = right_axis ? y2_min : y_min, hi = right_axis ? y2_max : y_max;
  return clamp_px(bottom - fraction(y, lo, hi) * (bottom - top));
}
double PlotLayout::x_at(double px) const {
  const double t = (px - left) / (right - left);
  return x_min * (1.0 - t) + x_max * t;  // no hi - lo: it may overflow
}
double PlotLayout::y_at(double py) const {
  const double t = (bottom - py) / (bottom - top);
  return y_min * (1.0 - t) + y_max * t;
}

namespace {

Ticks axis_ticks(double lo, double hi, int target, bool integer) {
  Ticks t = nice_ticks(lo, hi, target);
  if (integer && t.step > 0.0 && t.step < 1.0) {  // never 0.5 steps on a step axis
    t.step = 1.0;
    t.values = ticks_with_step(lo, hi, 1.0);
  }
  return t;
}

// Legend candidates: how many data samples (line vertices, every few pixels along segments,
// markers, band edges) fall inside the box.
int covered(const PlotFigure& f, const PlotLayout& l, double x0, double y0, double x1, double y1) {
  int n = 0;
  const double step = 4.0 * l.scale;
  for (const PlotSeries& s : f.series) {
    const std::size_t m = std::min(s.x.size(), s.y.size());
    double px = NAN, py = NAN;
    for (std::size_t i = 0; i < m; ++i) {
      const double qx = l.px_x(s.x[i]), qy = l.px_y(s.y[i], s.right_axis);
      if (!std::isfinite(qx) || !std::isfinite(qy)) {
        px = py = NAN;
        continue;
      }
      auto hit = [&](double x, double y) { n += x >= x0 && x <= x1 && y >= y0 && y <= y1; };
      if (s.kind == SeriesKind::Line && std::isfinite(px)) {
        const double len = std::hypot(qx - px, qy - py);
        const int k = std::min(200, static_cast<int>(len / step));
        for (int j = 1; j < k; ++j) hit(px + (qx - px) * j / k, py + (qy - py) * j / k);
      }
      hit(qx, qy);
      px = qx, py = qy;
    }
  }
  return n;
}

}  // namespace

palette::Rgb PlotHeat::at(double x, double y) const {
  if (empty()) return {0, 0, 0};
  const double u = std::clamp((x - x_min) / (x_max - x_min), 0.0, 1.0) * (cols - 1);
  const double v = std::clamp((y - y_min) / (y_max - y_min), 0.0, 1.0) * (rows - 1);
  const int i = std::min(static_cast<int>(u), cols - 2),
            j = std::min(static_cast<int>(v), rows - 2);
  const double fu = u - i, fv = v - j;
  const auto c = [&](int a, int b) { return colors[static_cast<std::size_t>(b) * cols + a]; };
  const auto lerp = [](double a, double b, double t) { return a + (b - a) * t; };
  const auto ch = [&](auto get) {
    const double lo = lerp(get(c(i, j)), get(c(i + 1, j)), fu);
    const double hi = lerp(get(c(i, j + 1)), get(c(i + 1, j + 1)), fu);
    return static_cast<std::uint8_t>(std::clamp(std::lround(lerp(lo, hi, fv)), 0L, 255L));
  };
  return {ch([](palette::Rgb q) { return double(q.r); }),
          ch([](palette::Rgb q) { return double(q.g); }),
          ch([](palette::Rgb q) { return double(q.b); })};
}

namespace {

// One pass of layout_plot: the legend inside the plot (`compact` false), or compact, in rows of
// entries above the plot (`compact` true).
PlotLayout layout_pass(const PlotFigure& f, double width, double height, const Style& style,
                       const MeasureText& measure, bool compact) {
  PlotLayout l;
  l.width = width;
  l.height = height;
  // Small figures (`losslab render` of 400 x 300 draws at Style scale 0.5) keep readable text
  // and lines of at least 1.5 px.
  const double s = std::max(0.75, static_cast<double>(style.scale));
  l.scale = s;
  l.font = std::round(kPlotFontPx * s);
  const double F = l.font, pad = std::round(6.0 * s), gap = std::round(3.0 * s);
  l.tick_len = std::round(4.0 * s);
  l.x_min = f.x_min, l.x_max = f.x_max, l.y_min = f.y_min, l.y_max = f.y_max;
  l.y2_min = f.y2_min, l.y2_max = f.y2_max;
  sane(l.x_min, l.x_max);
  sane(l.y_min, l.y_max);
  sane(l.y2_min, l.y2_max);
  auto width_of = [&](const std::string& t, bool bold = false) {
    return measure ? measure(t, F, bold) : 0.55 * F * static_cast<double>(t.size());
  };
  auto text = [&](const std::string& t, double x, double y, bool bold = false) {
    Text out;
    out.text = t;
    out.top_left = {std::floor(x), std::floor(y)};  // ImGui puts text on whole pixels
    out.size = F;
    out.bold = bold;
    out.color = style.colors().text;
    return out;
  };

  // The legend's entries. Compact: at 0.8 of the font, flowed left to right in rows as wide
  // as the figure, above the plot.
  std::vector<int> rows;
  double lw = 0.0;
  for (std::size_t i = 0; i < f.series.size(); ++i)
    if (!f.series[i].name.empty() && f.series[i].in_legend) {
      rows.push_back(static_cast<int>(i));
      lw = std::max(lw, width_of(f.series[i].name));
    }
  compact = compact && f.legend && !rows.empty();
  const double swatch = std::round(18.0 * s);
  const double cf = std::round(0.8 * F);
  // A legend entry at (x0, y): its swatch centred on a line of height h, its label at `size`.
  const auto entry = [&](LegendRow& r, const PlotSeries& ps, double x0, double y, double h,
                         double size) {
    const double cy = std::floor(y + 0.5 * h) + 0.5;
    if (ps.kind == SeriesKind::Markers)
      r.swatch_a = r.swatch_b = {x0 + 0.5 * swatch, cy};
    else
      r.swatch_a = {x0, cy}, r.swatch_b = {x0 + swatch, cy};
    r.label = text(ps.name, x0 + swatch + 2.0 * gap, y + 0.5 * gap);
    r.label.size = size;
  };
  std::vector<Vec> flow;  // each entry's top-left, relative to the box
  double flow_w = 0.0, flow_h = 0.0;
  if (compact) {
    const double avail = width - 2.0 * pad - 2.0 * gap, row_h = cf + gap;
    double x = 0.0, y = 0.0;
    for (int i : rows) {
      const double w = swatch + 2.0 * gap + width_of(f.series[std::size_t(i)].name) * cf / F;
      if (x > 0.0 && x + w > avail) x = 0.0, y += row_h;
      flow.push_back({x, y});
      flow_w = std::max(flow_w, x + w);
      x += w + 3.0 * gap;
    }
    flow_h = std::ceil(y + row_h + 2.0 * gap);
    flow_w = std::ceil(flow_w + 2.0 * gap);
  }
  double legend_top = pad;

  if (!f.axes) {
    l.left = pad, l.top = compact ? pad + flow_h + gap : pad, l.right = std::floor(width - pad),
    l.bottom = std::floor(height - pad);
  } else {
    // The top rows: the title (bold, shrunk to at most 0.6 of the font to fit the width), and
    // the axis names at the corners, beside the title when it fits between them, else below it.
    double title_size = F, title_w = 0.0;
    if (!f.title.empty()) {
      title_w = width_of(f.title, true);
      if (title_w > width - 2.0 * pad) {
        title_size = std::max(0.6 * F, std::floor(F * (width - 2.0 * pad) / title_w));
        title_w *= title_size / F;
      }
    }
    const double names_lo = f.y_label.empty() ? pad : pad + width_of(f.y_label) + F;
    const double names_hi = width - pad - (f.has_y2() ? width_of(f.y2_label) + F : 0.0);
    const bool names = !f.y_label.empty() || f.has_y2();
    const bool own_row = !f.title.empty() && names && title_w > names_hi - names_lo;
    const double names_y = own_row ? pad + F + gap : pad;
    const bool top_row = !f.title.empty() || names;
    // The top tick label reaches half a line above the plot: room for it below the names.
    l.top = top_row ? names_y + 1.5 * F + gap : pad + std::round(0.5 * F);
    if (compact) {  // the legend's rows below the names, then the half line
      legend_top = top_row ? names_y + F + gap : pad;
      l.top = legend_top + flow_h + std::round(0.5 * F) + gap;
    }
    l.bottom =
        std::floor(height - pad - F - l.tick_len - gap - (f.x_label.empty() ? 0.0 : F + gap));
    if (l.bottom - l.top < 4.0) l.bottom = l.top + 4.0;
    // y ticks depend only on the height: their widths give the left edge.
    const int ny = std::max(2, static_cast<int>((l.bottom - l.top) / (45.0 * s)));
    const Ticks yt = nice_ticks(l.y_min, l.y_max, ny);
    double yw = 0.0;
    std::vector<std::string> ylab;
    for (double v : yt.values)
      ylab.push_back(plot_tick_text(v, yt.step)), yw = std::max(yw, width_of(ylab.back()));
    Ticks y2t;
    std::vector<std::string> y2lab;
    double y2w = 0.0;
    if (f.has_y2()) {
      y2t = nice_ticks(l.y2_min, l.y2_max, ny);
      for (double v : y2t.values)
        y2lab.push_back(plot_tick_text(v, y2t.step)), y2w = std::max(y2w, width_of(y2lab.back()));
    }
    l.left = std::ceil(pad + yw + gap + l.tick_len);
    // Room on the right for the right axis's labels, or half of a last x tick label.
    const double right_room =
        f.has_y2() ? l.tick_len + gap + y2w + pad : pad + 0.5 * width_of("00000");
    l.right = std::floor(width - right_room);
    if (l.right - l.left < 4.0) l.right = l.left + 4.0;
    const int nx = std::max(2, static_cast<int>((l.right - l.left) / (90.0 * s)));
    const Ticks xt = axis_ticks(l.x_min, l.x_max, nx, f.x_integer);
    for (double v : xt.values) {
      PlotTick t;
      t.value = v;
      t.at = l.px_x(v);
      const std::string label = plot_tick_text(v, xt.step);
      t.label = text(label, t.at - 0.5 * width_of(label), l.bottom + l.tick_len + gap);
      l.x_ticks.push_back(t);
    }
    for (std::size_t i = 0; i < yt.values.size(); ++i) {
      PlotTick t;
      t.value = yt.values[i];
      t.at = l.px_y(t.value);
      t.label = text(ylab[i], l.left - l.tick_len - gap - width_of(ylab[i]), t.at - 0.5 * F);
      l.y_ticks.push_back(t);
    }
    for (std::size_t i = 0; i < y2t.values.size(); ++i) {
      PlotTick t;
      t.value = y2t.values[i];
      t.at = l.px_y(t.value, true);
      t.label = text(y2lab[i], l.right + l.tick_len + gap, t.at - 0.5 * F);
      l.y2_ticks.push_back(t);
    }
    const double cx = 0.5 * (l.left + l.right);
    if (!f.x_label.empty()) {
      // Centred under the plot, inside the figure (shrunk to fit it).
      double w = width_of(f.x_label), size = F;
      if (w > width - 2.0 * pad) {
        size = std::max(0.6 * F, std::floor(F * (width - 2.0 * pad) / w));
        w *= size / F;
      }
      const double x = std::clamp(cx - 0.5 * w, pad, std::max(pad, width - pad - w));
      Text t = text(f.x_label, x, l.bottom + l.tick_len + gap + F + gap);
      t.size = size;
      l.texts.push_back(t);
    }
    if (!f.y_label.empty()) l.texts.push_back(text(f.y_label, pad, names_y));
    if (f.has_y2())
      l.texts.push_back(text(f.y2_label, width - pad - width_of(f.y2_label), names_y));
    if (!f.title.empty()) {
      // Centred over the plot, kept clear of the axis names when it shares their row.
      double x = cx - 0.5 * title_w;
      const double lo = own_row ? pad : names_lo, hi = own_row ? width - pad : names_hi;
      if (x < lo) x = lo;
      if (x + title_w > hi) x = std::max(lo, hi - title_w);
      Text t = text(f.title, x, pad, true);
      t.size = title_size;
      l.texts.push_back(t);
    }
  }

  if (compact) {
    // Centred over the plot, inside the figure; each entry takes the clicks on its own extent.
    const double cx = 0.5 * (l.left + l.right);
    l.legend = true;
    l.legend_x0 =
        std::floor(std::clamp(cx - 0.5 * flow_w, pad, std::max(pad, width - pad - flow_w)));
    l.legend_y0 = std::floor(legend_top);
    l.legend_x1 = l.legend_x0 + flow_w, l.legend_y1 = l.legend_y0 + flow_h;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const PlotSeries& ps = f.series[static_cast<std::size_t>(rows[k])];
      LegendRow r;
      r.series = rows[k];
      const double x0 = l.legend_x0 + gap + flow[k].x(), y = l.legend_y0 + gap + flow[k].y();
      r.left = x0;
      r.right = x0 + swatch + 2.0 * gap + width_of(ps.name) * cf / F;
      r.top = y;
      r.bottom = y + cf + gap;
      entry(r, ps, x0, y, cf + gap, cf);
      l.legend_rows.push_back(r);
    }
    return l;
  }
  // The legend: the candidate corner covering the fewest data samples.
  if (f.legend && !rows.empty()) {
    const double inset = pad;
    // A legend wider than the plot gets smaller text (down to 0.6 of the font) to fit it.
    const double room = (l.right - l.left) - 2.0 * inset - (swatch + 5.0 * gap);
    const double lf = lw > room && lw > 0.0 ? std::max(0.6 * F, std::floor(F * room / lw)) : F;
    lw *= lf / F;
    const double row_h = lf + gap;
    const double bw = std::ceil(gap + swatch + 2.0 * gap + lw + 2.0 * gap);
    const double bh = std::ceil(static_cast<double>(rows.size()) * row_h + 2.0 * gap);
    struct Cand {
      LegendPlace place;
      double x0, y0;
    };
    const std::vector<Cand> all = {
        {LegendPlace::TopRight, l.right - inset - bw, l.top + inset},
        {LegendPlace::TopLeft, l.left + inset, l.top + inset},
        {LegendPlace::BottomRight, l.right - inset - bw, l.bottom - inset - bh},
        {LegendPlace::BottomLeft, l.left + inset, l.bottom - inset - bh}};
    // Never left of the plot (a legend wider than the plot overflows on the right).
    std::vector<Cand> cands = all;
    for (Cand& c : cands) c.x0 = std::max(c.x0, l.left + inset);
    const Cand* best = &cands[0];
    int best_n = -1;
    for (const Cand& c : cands) {
      if (f.legend_place != LegendPlace::Auto && c.place != f.legend_place) continue;
      const int n =
          f.legend_place == LegendPlace::Auto ? covered(f, l, c.x0, c.y0, c.x0 + bw, c.y0 + bh) : 0;
      if (best_n < 0 || n < best_n) best = &c, best_n = n;
    }
    l.legend = true;
    l.legend_x0 = std::floor(best->x0), l.legend_y0 = std::floor(best->y0);
    l.legend_x1 = l.legend_x0 + bw, l.legend_y1 = l.legend_y0 + bh;
    double y = l.legend_y0 + gap;
    for (int i : rows) {
      const PlotSeries& ps = f.series[static_cast<std::size_t>(i)];
      LegendRow r;
      r.series = i;
      r.left = l.legend_x0;
      r.right = l.legend_x1;
      r.top = y;
      r.bottom = y + row_h;
      entry(r, ps, l.legend_x0 + gap, y, row_h, lf);
      l.legend_rows.push_back(r);
      y += row_h;
    }
  }
  return l;
}

}  // namespace

PlotLayout layout_plot(const PlotFigure& f, double width, double height, const Style& style,
                       const MeasureText& measure) {
  PlotLayout l = layout_pass(f, width, height, style, measure, false);
  // A legend inside the plot that would hide much of it (more than a quarter of its area or
  // 40% of its height: small figures, presenter mode at 1024 x 768), or that hides data in
  // every corner and takes more than a tenth of it, goes above it, compact.
  if (l.legend) {
    const double bw = l.legend_x1 - l.legend_x0, bh = l.legend_y1 - l.legend_y0;
    const double pw = l.right - l.left, ph = l.bottom - l.top;
    const double share = bw * bh / std::max(1.0, pw * ph);
    const bool hides =
        share > 0.1 && covered(f, l, l.legend_x0, l.legend_y0, l.legend_x1, l.legend_y1) > 0;
    if (share > kCompactLegendShare || bh > 0.4 * ph || hides)
      l = layout_pass(f, width, height, style, measure, true);
  }
  return l;
}

double series_value_at(const PlotSeries& s, double x) {
  const std::size_t n = std::min(s.x.size(), s.y.size());
  if (n == 0 || s.kind != SeriesKind::Line) return NAN;
  if (n >= 2 && s.x.front() > s.x.back()) return NAN;  // not ascending
  if (!(x >= s.x.front() && x <= s.x[n - 1])) return NAN;
  const auto it = std::lower_bound(s.x.begin(), s.x.begin() + static_cast<std::ptrdiff_t>(n), x);
  const std::size_t i = static_cast<std::size_t>(it - s.x.begin());
  if (i == 0) return s.y[0];
  const double x0 = s.x[i - 1], x1 = s.x[i];
  const double t = x1 > x0 ? (x - x0) / (x1 - x0) : 1.0;
  return s.y[i - 1] + t * (s.y[i] - s.y[i - 1]);
}

std::string x_readout(const PlotFigure& f, double x) {
  std::string name = f.x_label.empty() ? "x" : f.x_label;
  if (const std::size_t p = name.find(" ("); p != std::string::npos) name.resize(p);
  char buf[64];
  if (f.x_integer)
    std::snprintf(buf, sizeof buf, " = %.0f", std::round(x));
  else
    std::snprintf(buf, sizeof buf, " = %.4g", x);
  return name + buf;
}

}  // namespace ll::figure
