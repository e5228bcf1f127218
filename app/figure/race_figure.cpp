#include "app/figure/race_figure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ll::figure {

namespace {

// Okabe-Ito's colour-blind-safe hues (and two more), lightened for the dark theme.
constexpr palette::Rgb kLightRuns[kMaxRaceRuns] = {{0, 114, 178},   {213, 94, 0},  {0, 158, 115},
                                                   {204, 121, 167}, {230, 159, 0}, {86, 180, 233},
                                                   {110, 110, 110}, {140, 86, 75}};
constexpr palette::Rgb kDarkRuns[kMaxRaceRuns] = {{86, 170, 240},  {240, 130, 60}, {40, 200, 150},
                                                  {230, 150, 200}, {240, 190, 40}, {140, 210, 250},
                                                  {190, 190, 190}, {200, 140, 120}};

std::string fmt(const char* f, double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// The status of run `r` after `at` of its steps (at <= r.steps).
std::string status_line(const RaceRun& r, long at) {
  if (r.status == RunStatus::Refused) return "refused: multi-label points need sigmoid";
  if (r.status == RunStatus::NoData) return "no points to fit";
  // The step is the transport's (every running run is at it); a diverged run says where it
  // stopped (once the race has got there).
  const bool stopped = r.status == RunStatus::Diverged && at == r.steps;
  std::string s = stopped ? "diverged at step " + std::to_string(r.steps) : "";
  if (!r.history.empty()) {
    const LossRecord& h = r.history[static_cast<std::size_t>(at)];
    s += (s.empty() ? "loss " : " \u00b7 loss ") + fmt("%.3g", h.total_loss) + " \u00b7 acc " +
         fmt("%.0f%%", 100.0 * h.accuracy);
  }
  return s;
}

// `text` cut (with an ellipsis) to fit `width` pixels.
std::string elide(const std::string& text, double width, double size, bool bold,
                  const MeasureText& measure) {
  if (!measure || measure(text, size, bold) <= width) return text;
  std::string s = text;
  while (!s.empty()) {
    s.pop_back();
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty()) s.pop_back();  // the lead byte of a cut multi-byte character, or one more
    if (measure(s + "\u2026", size, bold) <= width) return s + "\u2026";
  }
  return {};
}

}  // namespace

palette::Rgb race_color(int slot, const Style& style) {
  const int i = ((slot % kMaxRaceRuns) + kMaxRaceRuns) % kMaxRaceRuns;
  return style.dark() ? kDarkRuns[i] : kLightRuns[i];
}

Rect race_world(const Scene& scene) {
  double extent = 1.1;
  for (const Point& p : scene.points)
    if (std::isfinite(p.x0) && std::isfinite(p.x1))
      extent = std::max({extent, 1.15 * std::abs(p.x0), 1.15 * std::abs(p.x1)});
  extent = std::min(extent, 1e12);
  return Rect{-extent, -extent, extent, extent};
}

CanvasOptions race_canvas_options() {
  CanvasOptions o;
  o.grid = false;
  o.legend = false;
  return o;
}

Style race_canvas_style(const Style& style, double side) {
  Style s = style;
  s.scale = static_cast<float>(style.scale * std::clamp(side / 450.0, 0.55, 1.0));
  return s;
}

RaceFigureData race_figure_data(const Race& race, std::size_t max_points, std::size_t max_curve,
                                long at_step) {
  RaceFigureData d;
  d.steps = at_step < 0 ? race.steps() : std::min(at_step, race.steps());
  d.world = race_world(race.start());
  const std::vector<Point>& all = race.start().points;
  d.total_points = all.size();
  std::vector<Point> shown;
  const std::size_t stride =
      max_points > 0 && all.size() > max_points ? (all.size() + max_points - 1) / max_points : 1;
  if (stride > 1) {
    shown.reserve(all.size() / stride + 1);
    for (std::size_t i = 0; i < all.size(); i += stride) shown.push_back(all[i]);
  }
  for (const RaceRun& r : race.runs()) {
    RaceRunView v;
    v.name = r.name;
    v.color = r.color;
    // The run's steps at d.steps (a run that stopped earlier holds its last state).
    const long at = std::min(d.steps, r.steps);
    v.status = status_line(r, at);
    v.scene.params =
        r.trajectory.empty() ? r.scene.params : r.trajectory[static_cast<std::size_t>(at)];
    v.scene.loss = r.scene.loss;
    v.scene.class_names = r.scene.class_names;
    v.scene.points = stride > 1 ? shown : all;
    // Every k-th of the first n samples, the last always.
    const auto thinned = [max_curve](std::size_t n, auto&& take) {
      const std::size_t every =
          max_curve > 0 && n > max_curve ? (n + max_curve - 1) / max_curve : 1;
      for (std::size_t i = 0; i < n; i += every) take(i);
      if (n > 0 && (n - 1) % every != 0) take(n - 1);
    };
    const std::size_t upto = static_cast<std::size_t>(at) + 1;
    thinned(std::min(r.history.size(), upto), [&](std::size_t i) {
      v.steps.push_back(static_cast<double>(i));
      v.loss.push_back(r.history[i].total_loss);
    });
    thinned(std::min(r.trajectory.size(), upto),
            [&](std::size_t i) { v.path.push_back(r.trajectory[i]); });
    d.runs.push_back(std::move(v));
  }
  return d;
}

Scene race_landscape_scene(const Race& race) {
  Scene s = race.start();
  if (race.size() > 0) s.loss = race.runs().front().settings.loss;
  return s;
}

RaceLandscape race_landscape(std::shared_ptr<const LandscapeGrid> grid, const LandscapeSlice& slice,
                             LossKind loss) {
  RaceLandscape l;
  l.grid = std::move(grid);
  l.x_name = axis_name(slice, 0);
  l.y_name = axis_name(slice, 1);
  l.title = std::string("Total loss (") + display_name(loss) + ") through the start";
  return l;
}

RaceLandscape race_landscape(const Race& race, const LandscapeSlice& slice, int threads) {
  const Scene scene = race_landscape_scene(race);
  return race_landscape(std::make_shared<const LandscapeGrid>(
                            compute_landscape(scene, slice, nullptr, std::max(1, threads))),
                        slice, scene.loss.kind);
}

CanvasMapping RaceCell::map() const { return fit_mapping(world, side, side); }

RaceLayout layout_race(const RaceFigureData& data, double width, double height, const Style& style,
                       const MeasureText& measure) {
  RaceLayout l;
  const double u = std::max(0.75, static_cast<double>(style.scale));
  const double pad = 8.0 * u, font = kPlotFontPx * u, line = std::ceil(font * 1.25);
  const int n = static_cast<int>(data.runs.size());
  // The plot beside the canvases on a wide figure, under them otherwise; a landscape shares
  // the plot's part, which is then half the figure.
  const bool beside = width > 1.5 * height;
  const bool landscape = data.landscape.grid != nullptr;
  const double part = landscape ? 0.5 : 0.4;
  double cells_w = width, cells_h = height;
  if (beside) {
    l.plot_width = std::floor(std::clamp(width * part, std::min(width, 240.0 * u), width));
    l.plot_height = height;
    cells_w = width - l.plot_width;
    l.plot_top_left = Vec(cells_w, 0.0);
  } else {
    l.plot_height = std::floor(std::clamp(height * part, std::min(height, 150.0 * u), height));
    l.plot_width = width;
    cells_h = height - l.plot_height;
    l.plot_top_left = Vec(0.0, cells_h);
  }
  if (n == 0) {
    l.empty_hint.text = "Add a run to start a race";
    l.empty_hint.size = font;
    l.empty_hint.color = style.colors().text;
    l.empty_hint.top_left = Vec(pad, pad);
    return l;
  }
  int best_cols = 1;
  double best = -1.0;
  for (int cols = 1; cols <= n; ++cols) {
    const int rows = (n + cols - 1) / cols;
    const double s = std::min((cells_w - pad * (cols + 1)) / cols,
                              (cells_h - pad * (rows + 1)) / rows - 2.0 * line);
    if (s > best) best = s, best_cols = cols;
  }
  const double side = std::floor(std::max(8.0, best));
  const int cols = best_cols, rows = (n + cols - 1) / cols;
  const double used_w = cols * side + (cols - 1) * pad,
               used_h = rows * (side + 2.0 * line) + (rows - 1) * pad;
  // The cells keep to their corner of the figure; the plot takes the room they leave.
  double x0 = std::floor(std::max(pad, (cells_w - used_w) / 2.0));
  double y0 = std::floor(std::max(pad, (cells_h - used_h) / 2.0));
  if (beside) {
    x0 = pad;
    l.plot_top_left.x() = std::floor(std::min(width - 16.0, x0 + used_w + pad));
    l.plot_width = width - l.plot_top_left.x();
  } else {
    y0 = pad;
    l.plot_top_left.y() = std::floor(std::min(height - 16.0, y0 + used_h + pad));
    l.plot_height = height - l.plot_top_left.y();
  }
  if (landscape) {
    // The landscape takes the first part of the plot's rectangle: a near-square map with its
    // colour bar (up to 60% of it), the loss plot the rest.
    if (beside) {
      l.landscape_width = l.plot_width;
      l.landscape_height = std::floor(std::min(0.6 * l.plot_height, 0.85 * l.plot_width));
      l.landscape_top_left = l.plot_top_left;
      l.plot_top_left.y() += l.landscape_height;
      l.plot_height -= l.landscape_height;
    } else {
      // As wide as the row allows; no taller than keeps the map near square (the colour bar
      // and the axis labels take about a fifth of the width).
      l.landscape_width = std::floor(std::min(0.6 * l.plot_width, 1.25 * l.plot_height));
      l.landscape_height = std::floor(std::min(l.plot_height, 0.8 * l.landscape_width));
      l.landscape_top_left = l.plot_top_left;
      l.plot_top_left.x() += l.landscape_width;
      l.plot_width -= l.landscape_width;
    }
  }
  for (int i = 0; i < n; ++i) {
    const RaceRunView& v = data.runs[static_cast<std::size_t>(i)];
    RaceCell c;
    c.run = i;
    c.world = data.world;
    c.side = side;
    c.color = race_color(v.color, style);
    c.frame = std::max(1.0, 2.0 * u);
    const int col = i % cols, row = i / cols;
    const double x = x0 + col * (side + pad), y = y0 + row * (side + 2.0 * line + pad);
    c.top_left = Vec(x, y + line);
    c.title = Text{elide(v.name, side, font, true, measure), Vec(x, y), font, true, c.color};
    c.status = Text{elide(v.status, side, font, false, measure), Vec(x, y + line + side + 2.0),
                    font, false, style.colors().text};
    l.cells.push_back(std::move(c));
  }
  return l;
}

PlotFigure describe_race_plot(const RaceFigureData& data, const Style& style) {
  PlotFigure f;
  f.title = "Total loss of every run";
  f.x_label = "step";
  f.y_label = "loss";
  f.x_integer = true;
  double lo = 0.0, hi = -std::numeric_limits<double>::infinity();
  for (const RaceRunView& v : data.runs) {
    PlotSeries s = line(v.name, race_color(v.color, style), v.steps, v.loss);
    if (s.x.size() == 1) {
      s.kind = SeriesKind::Markers;
      s.width = 4.0;
    }
    for (double y : s.y)
      if (std::isfinite(y)) lo = std::min(lo, y), hi = std::max(hi, y);
    f.series.push_back(std::move(s));
  }
  f.x_min = 0.0;
  f.x_max = std::max(10.0, static_cast<double>(data.steps));
  if (!std::isfinite(hi) || hi <= lo) hi = lo + 1.0;
  f.y_min = lo;
  f.y_max = hi + 0.05 * (hi - lo);
  return f;
}

LandscapeFigure describe_race_landscape(const RaceFigureData& data, const Style& style) {
  LandscapeInput in;
  in.grid = data.landscape.grid.get();
  in.x_name = data.landscape.x_name;
  in.y_name = data.landscape.y_name;
  in.title = data.landscape.title;
  in.style = style;
  for (const RaceRunView& v : data.runs)
    in.paths.push_back(LandscapePath{&v.path, race_color(v.color, style), v.name});
  return describe_landscape(in);
}

}  // namespace ll::figure
