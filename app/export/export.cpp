#include "app/export/export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <stdexcept>

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

void draw_on(cairo_surface_t* surface, const FigureData& data, const FigureOptions& opt,
             double scale, JobControl* control) {
  ContextPtr cr(cairo_create(surface));
  check(cairo_status(cr.get()), "cairo");
  // Unhinted text: glyphs keep their shapes and advances at every scale, so a 2x export is the
  // 1x one, only sharper.
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr.get(), fo);
  cairo_font_options_destroy(fo);
  cairo_scale(cr.get(), scale, scale);
  draw_figure(cr.get(), data, opt, control);
  check(cairo_status(cr.get()), "drawing the figure");
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

std::string render_figure(const FigureData& data, const FigureOptions& options, Format format,
                          JobControl* control) {
  if (const std::string why = check_size(options, format); !why.empty())
    throw std::invalid_argument(why);
  if (options.view == View::Curves)
    if (const std::string why = lab::validate(options.family, options.curves); !why.empty())
      throw std::invalid_argument(why);
  std::string bytes;
  FigureOptions opt = options;
  switch (format) {
    case Format::Png: {
      SurfacePtr s(
          cairo_image_surface_create(CAIRO_FORMAT_ARGB32, raster_width(opt), raster_height(opt)));
      check(cairo_surface_status(s.get()), "creating the image");
      draw_on(s.get(), data, opt, opt.scale, control);
      cairo_surface_flush(s.get());
      check(cairo_surface_write_to_png_stream(s.get(), append, &bytes), "encoding the PNG");
      break;
    }
    case Format::Svg: {
      opt.scale = 1.0;  // vectors: figure units are the document's units
      SurfacePtr s(cairo_svg_surface_create_for_stream(append, &bytes, opt.width, opt.height));
      check(cairo_surface_status(s.get()), "creating the SVG");
      cairo_svg_surface_set_document_unit(s.get(), CAIRO_SVG_UNIT_PX);
      draw_on(s.get(), data, opt, 1.0, control);
      cairo_surface_finish(s.get());
      check(cairo_surface_status(s.get()), "writing the SVG");
      break;
    }
    case Format::Pdf: {
      opt.scale = 1.0;
      SurfacePtr s(cairo_pdf_surface_create_for_stream(append, &bytes, opt.width, opt.height));
      check(cairo_surface_status(s.get()), "creating the PDF");
      cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_TITLE, "LossLab figure");
      cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_CREATOR, "LossLab");
      draw_on(s.get(), data, opt, 1.0, control);
      cairo_surface_finish(s.get());
      check(cairo_surface_status(s.get()), "writing the PDF");
      break;
    }
  }
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

}  // namespace ll::exporter
