#include "app/export/race_export.h"

#include <stdexcept>

#include "app/export/draw.h"
#include "app/export/landscape_export.h"
#include "app/export/plot_frame.h"
#include "core/atomic_file.h"

namespace ll::exporter {

namespace {

void show(cairo_t* cr, const figure::Text& t) {
  set_color(cr, t.color, t.alpha);
  draw_text_at_top(cr, t.text, t.top_left.x(), t.top_left.y(), t.size, t.bold);
}

}  // namespace

void draw_race(cairo_t* cr, const figure::RaceFigureData& data, const FigureOptions& opt) {
  const Style& style = opt.style;
  if (!opt.transparent) {
    cairo_rectangle(cr, 0, 0, opt.width, opt.height);
    set_color(cr, style.colors().background);
    cairo_fill(cr);
  }
  const figure::RaceLayout l =
      figure::layout_race(data, opt.width, opt.height, style, cairo_measure(cr));
  for (const figure::RaceCell& c : l.cells) {
    const figure::RaceRunView& v = data.runs[static_cast<std::size_t>(c.run)];
    FigureOptions cell = opt;
    static_cast<figure::CanvasOptions&>(cell) = figure::race_canvas_options();
    cell.view = View::Canvas;
    cell.width = cell.height = c.side;
    cell.world = c.world;
    cell.style = figure::race_canvas_style(style, c.side);
    cell.transparent = false;
    cairo_save(cr);
    cairo_translate(cr, c.top_left.x(), c.top_left.y());
    cairo_rectangle(cr, 0, 0, c.side, c.side);
    cairo_clip(cr);
    draw_canvas(cr, v.scene, cell);
    cairo_restore(cr);
    cairo_rectangle(cr, c.top_left.x() - 0.5 * c.frame, c.top_left.y() - 0.5 * c.frame,
                    c.side + c.frame, c.side + c.frame);
    set_color(cr, c.color);
    cairo_set_line_width(cr, c.frame);
    cairo_stroke(cr);
    show(cr, c.title);
    show(cr, c.status);
  }
  if (!l.empty_hint.text.empty()) show(cr, l.empty_hint);
  if (l.plot_width >= 16 && l.plot_height >= 16) {
    cairo_save(cr);
    cairo_translate(cr, l.plot_top_left.x(), l.plot_top_left.y());
    FigureOptions plot = opt;
    plot.width = l.plot_width;
    plot.height = l.plot_height;
    draw_plot_figure(cr, figure::describe_race_plot(data, style), l.plot_width, l.plot_height,
                     plot);
    cairo_restore(cr);
  }
  if (data.landscape.grid && l.landscape_width >= 16 && l.landscape_height >= 16) {
    cairo_save(cr);
    cairo_translate(cr, l.landscape_top_left.x(), l.landscape_top_left.y());
    draw_landscape(cr, figure::describe_race_landscape(data, style), l.landscape_width,
                   l.landscape_height, style, true);
    cairo_restore(cr);
  }
}

std::string render_race(const figure::RaceFigureData& data, const FigureOptions& opt,
                        Format format) {
  if (const std::string why = check_size(opt, format); !why.empty())
    throw std::invalid_argument(why);
  return render_drawing(
      opt.width, opt.height, opt.scale, format, [&](cairo_t* cr) { draw_race(cr, data, opt); },
      "LossLab race");
}

void export_race(const std::filesystem::path& path, const figure::RaceFigureData& data,
                 const FigureOptions& opt) {
  Format format;
  if (!format_from_path(path, format))
    throw std::invalid_argument(path.string() + ": unknown format (use .png, .svg or .pdf)");
  write_file_atomic(path, render_race(data, opt, format));
}

}  // namespace ll::exporter
