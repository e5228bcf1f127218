#include "app/export/figure.h"

#include <charconv>

#include "app/export/draw.h"
#include "app/export/landscape_export.h"
#include "app/export/plane_view.h"
#include "app/figure/presenter_layout.h"

namespace ll::exporter {

bool parse_view(const std::string& s, View& out) {
  if (s == "canvas")
    out = View::Canvas;
  else if (s == "lossplot")
    out = View::LossPlot;
  else if (s == "curves")
    out = View::Curves;
  else if (s == "presenter")
    out = View::Presenter;
  else
    return false;
  return true;
}

bool parse_shading(const std::string& s, Shading& shading, int& score_class) {
  if (s == "argmax") {
    shading = Shading::Argmax;
    return true;
  }
  if (s == "confidence") {
    shading = Shading::Confidence;
    return true;
  }
  if (s.rfind("score:", 0) != 0 || s.size() == 6) return false;
  int k = -1;
  const char* first = s.data() + 6;
  const char* last = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(first, last, k);
  if (ec != std::errc() || ptr != last || k < 0 || k >= kMaxClasses) return false;
  shading = Shading::Score;
  score_class = k;
  return true;
}

bool parse_theme(const std::string& s, palette::Theme& out) {
  if (s == "light")
    out = palette::Theme::Light;
  else if (s == "dark")
    out = palette::Theme::Dark;
  else
    return false;
  return true;
}

namespace {

// Draws `draw` with the origin at `r`'s top-left corner, clipped to `r`.
template <class Draw>
void draw_in(cairo_t* cr, const Rect& r, Draw&& draw) {
  cairo_save(cr);
  cairo_translate(cr, r.x_min, r.y_min);
  cairo_rectangle(cr, 0.0, 0.0, r.width(), r.height());
  cairo_clip(cr);
  draw();
  cairo_restore(cr);
}

// The presenter layout: the canvas and the loss plot with the figure's options at their sizes.
void draw_presenter(cairo_t* cr, const FigureData& data, const FigureOptions& opt,
                    JobControl* control) {
  const figure::PresenterLayout l =
      figure::layout_presenter(opt.width, opt.height, figure::kPlotFontPx * opt.style.scale);
  FigureOptions part = opt;
  part.view = View::Canvas;
  part.width = l.canvas.width();
  part.height = l.canvas.height();
  if (part.width >= 1.0) draw_in(cr, l.canvas, [&] { draw_canvas(cr, data.scene, part, control); });
  part.view = View::LossPlot;
  part.width = l.plot.width();
  part.height = l.plot.height();
  if (part.width >= 1.0)
    draw_in(cr, l.plot,
            [&] { draw_loss_plot(cr, data.history, data.history_steps, part, data.marks); });
}

}  // namespace

void draw_figure(cairo_t* cr, const FigureData& data, const FigureOptions& opt,
                 JobControl* control) {
  cairo_save(cr);
  if (!opt.transparent) {
    set_color(cr, opt.style.colors().background);
    cairo_rectangle(cr, 0.0, 0.0, opt.width, opt.height);
    cairo_fill(cr);
  }
  switch (opt.view) {
    case View::Canvas:
      draw_canvas(cr, data.scene, opt, control);
      break;
    case View::LossPlot:
      draw_loss_plot(cr, data.history, data.history_steps, opt, data.marks);
      break;
    case View::Curves:
      draw_curves(cr, opt);
      break;
    case View::Plots:
      draw_plots(cr, data.plots, data.plot_columns, opt);
      break;
    case View::Plane:
      draw_plane_view(cr, data, opt);
      break;
    case View::Presenter:
      draw_presenter(cr, data, opt, control);
      break;
    case View::Landscape:  // the background is drawn above
      if (data.landscape)
        draw_landscape(cr, *data.landscape, opt.width, opt.height, opt.style, true);
      break;
  }
  cairo_restore(cr);
}

}  // namespace ll::exporter
