#include "app/classifier/export_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "app/video/encoder.h"
#include "app/video/training_frames.h"

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

RecordJob prepare_record(const AppState& st, const RecordRequest& req) {
  video::VideoOptions vopt{req.format, req.width, req.height, req.fps};
  if (req.steps < 1 || req.every < 1) throw std::invalid_argument("steps and every must be >= 1");
  const long frames = video::frame_count(req.steps, req.every);
  if (frames > video::kMaxFrames)
    throw std::invalid_argument(std::to_string(frames) + " frames: at most " +
                                std::to_string(video::kMaxFrames) + " (more steps per frame)");
  if (const std::string why = video::check_options(vopt, static_cast<int>(frames)); !why.empty())
    throw std::invalid_argument(why);
  RecordJob job;
  ExportRequest still;  // the window's figure options, as a still export takes them
  still.target = req.target;
  still.legend = req.legend;
  still.axes = req.axes;
  job.figure = export_options(st, still, req.width, req.height);
  job.scene = st.scene;
  job.request = req;
  if (job.request.folder.empty()) job.request.folder = default_export_folder();
  return job;
}

ExportResult run_record(const RecordJob& job, JobControl* control) {
  ExportResult r;
  const auto t0 = std::chrono::steady_clock::now();
  const RecordRequest& req = job.request;
  fs::path path;
  try {
    std::error_code ec;
    if (!fs::is_directory(req.folder, ec))
      throw std::runtime_error(req.folder.string() + ": no such folder");
    // Training: a tenth of the progress bar (the frames take the rest).
    video::TrainingRun run = video::run_training(job.scene, req.steps, req.every, control, 0.1);
    const bool diverged = run.status == StepStatus::Diverged;
    const long done = run.steps_done;
    video::TrainingFrames frames(job.scene, std::move(run), job.figure);
    // Reserve the next free name (O_EXCL): the encoder's atomic rename then replaces only our
    // own empty placeholder, never a file someone else made meanwhile.
    for (int attempt = 0;; ++attempt) {
      path = next_export_name(req.folder, video::to_string(req.format));
      const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd >= 0) {
        ::close(fd);
        break;
      }
      if (errno != EEXIST || attempt > 100)
        throw std::runtime_error(req.folder.string() + ": cannot create a file here (" +
                                 std::strerror(errno) + ")");
    }
    const video::EncodeResult e =
        video::encode(frames, {req.format, req.width, req.height, req.fps}, path, control, 0.1);
    r.ok = true;
    r.path = path;
    r.pixels_w = req.width;
    r.pixels_h = req.height;
    char what[160];
    std::snprintf(what, sizeof what, "Saved %d frames (%.1f s at %d fps, %.1f MB) of %d x %d ",
                  e.frames, static_cast<double>(e.frames) / req.fps, req.fps,
                  static_cast<double>(e.bytes) / 1e6, req.width, req.height);
    std::string fmt = video::to_string(req.format);
    for (char& c : fmt) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    r.message = what + fmt + " to " + path.string();
    if (diverged)
      r.message += " (training diverged after " + std::to_string(done) +
                   " steps: the last frames hold its last finite state)";
  } catch (const JobCancelled&) {
    r.cancelled = true;
    r.message = "Recording cancelled: nothing was written";
  } catch (const std::exception& e) {
    r.message = std::string("Recording failed: ") + e.what();
  }
  if (!r.ok && !path.empty()) {
    std::error_code ec;
    fs::remove(path, ec);  // our empty placeholder
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace ll::gui
