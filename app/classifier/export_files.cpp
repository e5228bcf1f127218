#include "app/classifier/export_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "core/atomic_file.h"

namespace ll::gui {

namespace fs = std::filesystem;

namespace {

bool is_folder(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

// Creates `path` empty and exclusively (O_EXCL): the name is ours, so the atomic write that
// follows replaces only our own placeholder, never a file someone else made meanwhile.
// Returns 0, EEXIST, or another errno.
int reserve(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  ::close(fd);
  return 0;
}

const char* extension(exporter::Format f) {
  switch (f) {
    case exporter::Format::Png:
      return "png";
    case exporter::Format::Svg:
      return "svg";
    case exporter::Format::Pdf:
      return "pdf";
  }
  return "png";
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

// XDG_PICTURES_DIR from user-dirs.dirs (xdg-user-dirs: lines like
// XDG_PICTURES_DIR="$HOME/Bilder"); empty when absent.
fs::path xdg_user_pictures(const fs::path& home) {
  const char* config = std::getenv("XDG_CONFIG_HOME");
  const fs::path file =
      (config && *config ? fs::path(config) : home / ".config") / "user-dirs.dirs";
  std::ifstream in(file);
  std::string line;
  const std::string key = "XDG_PICTURES_DIR=\"";
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) != 0 || line.size() < key.size() + 1 || line.back() != '"') continue;
    std::string v = line.substr(key.size(), line.size() - key.size() - 1);
    if (v.rfind("$HOME", 0) == 0) return home.string() + v.substr(5);
    return v.empty() || v[0] != '/' ? fs::path() : fs::path(v);
  }
  return {};
}

fs::path default_export_folder() {
  if (const char* x = std::getenv("XDG_PICTURES_DIR"); x && is_folder(x)) return x;
  if (const char* home = std::getenv("HOME"); home && *home) {
    if (const fs::path xdg = xdg_user_pictures(home); is_folder(xdg)) return xdg;
    const fs::path pictures = fs::path(home) / "Pictures";
    if (is_folder(pictures)) return pictures;
  }
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  return ec ? fs::path(".") : cwd;
}

fs::path next_export_name(const fs::path& folder, const char* ext) {
  for (int n = 1;; ++n) {
    char name[64];
    std::snprintf(name, sizeof name, "losslab-%03d.%s", n, ext);
    const fs::path p = folder / name;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(p, ec))) return p;
  }
}

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
  ExportResult r;
  const auto t0 = std::chrono::steady_clock::now();
  const fs::path& folder = job.folder;
  const exporter::FigureOptions& opt = job.options;
  try {
    if (!is_folder(folder)) throw std::runtime_error(folder.string() + ": no such folder");
    const std::string bytes = exporter::render_figure(job.data, opt, job.format, control);
    if (control) control->check();  // the last moment to cancel: nothing is on disk yet
    fs::path path;
    for (int attempt = 0;; ++attempt) {  // another writer may take a name between the two calls
      path = next_export_name(folder, extension(job.format));
      const int err = reserve(path);
      if (err == 0) break;
      if (err != EEXIST || attempt > 100)
        throw std::runtime_error(folder.string() + ": cannot create a file here (" +
                                 std::strerror(err) + ")");
    }
    try {
      write_file_atomic(path, bytes);
    } catch (...) {
      std::error_code ec;
      fs::remove(path, ec);  // our empty placeholder
      throw;
    }
    r.ok = true;
    r.path = path;
    const bool png = job.format == exporter::Format::Png;
    r.pixels_w = png ? exporter::raster_width(opt) : static_cast<int>(std::lround(opt.width));
    r.pixels_h = png ? exporter::raster_height(opt) : static_cast<int>(std::lround(opt.height));
    r.message = "Saved " + std::to_string(r.pixels_w) + " x " + std::to_string(r.pixels_h) + " " +
                upper(exporter::to_string(job.format)) + " to " + path.string();
  } catch (const JobCancelled&) {
    r.ok = false;
    r.cancelled = true;
    r.message = "Export cancelled: nothing was written";
  } catch (const std::exception& e) {
    r.ok = false;
    r.message = std::string("Export failed: ") + e.what();
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
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
