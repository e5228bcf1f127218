#include "app/export/export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <thread>

#include "app/export/draw.h"
#include "core/atomic_file.h"

namespace ll::exporter {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
}

// A context on `surface` scaled by `scale`, with unhinted text (glyphs keep their shapes and
// advances at every scale, so a 2x export is the 1x one, only sharper), painted by `draw`.
void paint(cairo_surface_t* surface, double scale, const Drawing& draw) {
  ContextPtr cr(cairo_create(surface));
  check(cairo_status(cr.get()), "cairo");
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr.get(), fo);
  cairo_font_options_destroy(fo);
  cairo_scale(cr.get(), scale, scale);
  draw(cr.get());
  check(cairo_status(cr.get()), "drawing the figure");
}

SurfacePtr image_surface(const FigureOptions& size, const Drawing& draw) {
  SurfacePtr s(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, raster_width(size), raster_height(size)));
  check(cairo_surface_status(s.get()), "creating the image");
  paint(s.get(), size.scale, draw);
  cairo_surface_flush(s.get());
  return s;
}

}  // namespace

bool format_from_path(const std::filesystem::path& path, Format& out) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".png")
    out = Format::Png;
  else if (ext == ".svg")
    out = Format::Svg;
  else if (ext == ".pdf")
    out = Format::Pdf;
  else
    return false;
  return true;
}

const char* to_string(Format f) {
  switch (f) {
    case Format::Png:
      return "png";
    case Format::Svg:
      return "svg";
    case Format::Pdf:
      return "pdf";
  }
  return "?";
}

int raster_width(const FigureOptions& opt) {
  return static_cast<int>(std::lround(opt.width * opt.scale));
}
int raster_height(const FigureOptions& opt) {
  return static_cast<int>(std::lround(opt.height * opt.scale));
}

std::string check_size(const FigureOptions& opt, Format format) {
  auto in = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
  if (!in(opt.width, 16.0, 16384.0) || !in(opt.height, 16.0, 16384.0))
    return "width and height must be between 16 and 16384";
  if (format != Format::Png) return {};
  if (!in(opt.scale, 0.05, 64.0)) return "scale must be between 0.05 and 64";
  const double w = raster_width(opt), h = raster_height(opt);
  if (w < 1 || h < 1 || w > 16384 || h > 16384 || w * h > double(1 << 28))
    return "the image would be " + std::to_string(static_cast<long long>(w)) + " x " +
           std::to_string(static_cast<long long>(h)) +
           " pixels; at most 16384 a side and 268 million in all";
  return {};
}

void vector_shading_pixels(const FigureOptions& opt, int& px, int& py) {
  const double per_unit =
      std::max(kVectorShadingPpi / 72.0, std::isfinite(opt.scale) ? opt.scale : 1.0);
  double w = opt.width * per_unit, h = opt.height * per_unit;
  if (w * h > kMaxVectorShadingPixels) {
    const double shrink = std::sqrt(kMaxVectorShadingPixels / (w * h));
    w *= shrink;
    h *= shrink;
  }
  px = opt.shading_pixels_x > 0 ? opt.shading_pixels_x
                                : std::clamp(static_cast<int>(std::lround(w)), 1, 16384);
  py = opt.shading_pixels_y > 0 ? opt.shading_pixels_y
                                : std::clamp(static_cast<int>(std::lround(h)), 1, 16384);
}

SurfacePtr render_image(const FigureData& data, const FigureOptions& opt, JobControl* control) {
  if (const std::string why = check_size(opt, Format::Png); !why.empty())
    throw std::invalid_argument(why);
  return image_surface(opt, [&](cairo_t* cr) { draw_figure(cr, data, opt, control); });
}

SurfacePtr render_drawing_image(double width, double height, double scale, const Drawing& draw) {
  FigureOptions size;
  size.width = width;
  size.height = height;
  size.scale = scale;
  if (const std::string why = check_size(size, Format::Png); !why.empty())
    throw std::invalid_argument(why);
  return image_surface(size, draw);
}

std::string render_drawing(double width, double height, double scale, Format format,
                           const Drawing& draw, const char* title) {
  FigureOptions size;
  size.width = width;
  size.height = height;
  size.scale = scale;
  if (const std::string why = check_size(size, format); !why.empty())
    throw std::invalid_argument(why);
  std::string bytes;
  switch (format) {
    case Format::Png: {
      SurfacePtr s = image_surface(size, draw);
      check(cairo_surface_write_to_png_stream(s.get(), append, &bytes), "encoding the PNG");
      break;
    }
    case Format::Svg: {
      SurfacePtr s(cairo_svg_surface_create_for_stream(append, &bytes, width, height));
      check(cairo_surface_status(s.get()), "creating the SVG");
      cairo_svg_surface_set_document_unit(s.get(), CAIRO_SVG_UNIT_PX);
      paint(s.get(), 1.0, draw);
      cairo_surface_finish(s.get());
      check(cairo_surface_status(s.get()), "writing the SVG");
      break;
    }
    case Format::Pdf: {
      SurfacePtr s(cairo_pdf_surface_create_for_stream(append, &bytes, width, height));
      check(cairo_surface_status(s.get()), "creating the PDF");
      cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_CREATOR, "LossLab");
      paint(s.get(), 1.0, draw);
      cairo_surface_finish(s.get());
      check(cairo_surface_status(s.get()), "writing the PDF");
      break;
    }
  }
  return bytes;
}

std::string render_figure(const FigureData& data, const FigureOptions& options, Format format,
                          JobControl* control) {
  if (const std::string why = check_size(options, format); !why.empty())
    throw std::invalid_argument(why);
  if (options.view == View::Curves)
    if (const std::string why = lab::validate(options.family, options.curves); !why.empty())
      throw std::invalid_argument(why);
  FigureOptions opt = options;
  // Vectors: figure units are the document's units, and smooth shading is embedded at print
  // resolution, not one pixel per point (72 ppi).
  if (format != Format::Png) {
    vector_shading_pixels(options, opt.shading_pixels_x, opt.shading_pixels_y);
    opt.scale = 1.0;
  }
  std::string bytes = render_drawing(opt.width, opt.height, options.scale, format,
                                     [&](cairo_t* cr) { draw_figure(cr, data, opt, control); });
  if (control) {
    control->check();
    control->set_progress(1.0);
  }
  return bytes;
}

void export_figure(const std::filesystem::path& path, const FigureData& data,
                   const FigureOptions& opt) {
  Format format;
  if (!format_from_path(path, format))
    throw std::invalid_argument(path.string() + ": unknown format (use .png, .svg or .pdf)");
  write_file_atomic(path, render_figure(data, opt, format));
}

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

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

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

}  // namespace

fs::path default_export_folder() {
  if (const char* x = std::getenv("XDG_PICTURES_DIR"); x && is_folder(x)) return x;
  if (const char* home = std::getenv("HOME"); home && *home) {
    if (fs::path xdg = xdg_user_pictures(home); is_folder(xdg)) return xdg;
    fs::path pictures = fs::path(home) / "Pictures";
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
    fs::path p = folder / name;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(p, ec))) return p;
  }
}

ExportResult export_to_file(const FigureData& data, const FigureOptions& opt, Format format,
                            const ExportDestination& target, JobControl* control) {
  ExportResult r;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    const fs::path folder = target.path.empty() ? target.folder : target.path.parent_path();
    if (!folder.empty() && !is_folder(folder))
      throw std::runtime_error(folder.string() + ": no such folder");
    if (target.path.empty() && folder.empty()) throw std::runtime_error("no file name given");
    const std::string bytes = render_figure(data, opt, format, control);
    if (control) control->check();  // the last moment to cancel: nothing is on disk yet
    fs::path path = target.path;
    if (path.empty()) {
      for (int attempt = 0;; ++attempt) {  // another writer may take a name between the calls
        path = next_export_name(folder, to_string(format));
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
    } else {
      write_file_atomic(path, bytes);
    }
    r.ok = true;
    r.path = path;
    const bool png = format == Format::Png;
    r.pixels_w = png ? raster_width(opt) : static_cast<int>(std::lround(opt.width));
    r.pixels_h = png ? raster_height(opt) : static_cast<int>(std::lround(opt.height));
    r.message = "Saved " + std::to_string(r.pixels_w) + " x " + std::to_string(r.pixels_h) + " " +
                upper(to_string(format)) + " to " + path.string();
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

ExportResult write_rendered(const std::filesystem::path& path, const std::string& what,
                            JobControl& control, const std::function<std::string()>& render) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string bytes = render();
  control.check();
  write_file_atomic(path, bytes);
  ExportResult r;
  r.ok = true;
  r.path = path;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.message = "Saved " + what + " to " + path.string();
  return r;
}

Job<ExportResult> start_export_job(std::string label, std::function<ExportResult(JobControl&)> work,
                                   std::function<void()> wake) {
  return Job<ExportResult>::start(
      std::move(label), [work = std::move(work), wake = std::move(wake)](JobControl& control) {
        // The window may be idle (waiting for events): wake it a few times a second for the
        // progress bar, and once at the end for the result.
        std::atomic<bool> done{false};
        std::thread ticker;
        if (wake)
          ticker = std::thread([&done, &wake] {
            while (!done.load()) {
              std::this_thread::sleep_for(std::chrono::milliseconds(100));
              wake();
            }
          });
        ExportResult r;
        try {
          r = work(control);
        } catch (const JobCancelled&) {
          r = ExportResult{};
          r.cancelled = true;
          r.message = "Cancelled: nothing written";
        } catch (const std::exception& e) {
          r = ExportResult{};
          r.message = std::string("Export failed: ") + e.what();
        }
        done = true;
        if (ticker.joinable()) ticker.join();
        if (wake) wake();
        return r;
      });
}

}  // namespace ll::exporter
