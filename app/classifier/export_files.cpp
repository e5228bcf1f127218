#include "app/classifier/export_files.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ll::gui {

namespace fs = std::filesystem;

exporter::FigureData export_figure_data(const AppState& st) {
  exporter::FigureData d;
  d.scene = st.scene;
  const std::vector<LossPoint>& c = st.trainer.curve();  // thinned: keep each record's step
  d.history.reserve(c.size() + 1);
  d.history_steps.reserve(c.size() + 1);
  for (const LossPoint& p : c) {
    d.history.push_back(p.record);
    d.history_steps.push_back(p.step);
  }
  if (d.history.empty()) {  // nothing trained yet: the starting point, as the window shows it
    const Evaluation& e = st.eval();
    d.history.push_back({e.data_loss, e.reg_loss, e.total_loss, e.accuracy});
    d.history_steps.push_back(0);
  }
  d.marks = st.trainer.marks();
  return d;
}

exporter::FigureOptions export_options(const AppState& st, const ExportRequest& req, double plot_w,
                                       double plot_h) {
  exporter::FigureOptions o;
  // The window's canvas options and Style: the export draws the figure the window shows.
  static_cast<figure::CanvasOptions&>(o) = st.options;
  o.style = st.options.style();
  o.transparent = req.transparent;
  o.legend = req.legend;
  o.axes = req.axes;
  double w = 0.0, h = 0.0;  // figure units = on-screen pixels
  if (req.target == ExportTarget::Canvas) {
    o.view = exporter::View::Canvas;
    w = st.view.rect_w();
    h = st.view.rect_h();
    const Eigen::Vector2d lo = st.view.world_min(), hi = st.view.world_max();
    o.world = Rect{lo.x(), lo.y(), hi.x(), hi.y()};
    o.score_class = std::clamp(st.options.score_class, 0, st.scene.classes() - 1);
    o.margins = st.options.margins && is_hinge(st.scene.loss.kind);
  } else {
    o.view = exporter::View::LossPlot;
    w = plot_w > 0.0 ? plot_w : 800.0;
    h = plot_h > 0.0 ? plot_h : 450.0;
  }
  if (!(w >= 1.0 && h >= 1.0)) throw std::invalid_argument("the view has no size on screen");
  if (req.format == exporter::Format::Png && req.width > 0 && req.height > 0) {
    // Keep the on-screen figure width (so lines and text keep their proportions) and take the
    // height from the requested aspect; the scale maps it to exactly width x height pixels.
    o.scale = req.width / w;
    o.width = w;
    o.height = w * req.height / req.width;
  } else {
    o.scale = req.format == exporter::Format::Png ? req.scale : 1.0;
    o.width = w;
    o.height = h;
  }
  // The exporter wants figures of at least 16 units a side: grow tiny ones (aspect kept).
  if (const double small = std::min(o.width, o.height); small < 16.0) {
    const double g = 16.0 / small;
    o.width *= g;
    o.height *= g;
    o.scale /= g;
  }
  return o;
}

ExportJob prepare_export(const AppState& st, const ExportRequest& req, double plot_w,
                         double plot_h) {
  ExportJob job;
  job.options = export_options(st, req, plot_w, plot_h);  // the palette the window shows now
  job.data = export_figure_data(st);
  job.format = req.format;
  job.folder = req.folder.empty() ? default_export_folder() : req.folder;
  return job;
}

ExportResult run_export(const ExportJob& job, JobControl* control) {
  return exporter::export_to_file(job.data, job.options, job.format, {{}, job.folder}, control);
}

ExportResult export_view(const AppState& st, const ExportRequest& req, double plot_w,
                         double plot_h) {
  ExportJob job;
  try {
    job = prepare_export(st, req, plot_w, plot_h);
  } catch (const std::exception& e) {
    ExportResult r;
    r.message = std::string("Export failed: ") + e.what();
    return r;
  }
  return run_export(job);
}

}  // namespace ll::gui
