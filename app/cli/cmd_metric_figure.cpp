#include "app/cli/cmd_metric_figure.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "app/cli/command_registry.h"

namespace ll::cli {

void MetricFigureOut::add_to(CLI::App& cmd) {
  cmd.add_option("--out", out, "also draw the plane to this file: .png, .svg or .pdf");
  cmd.add_option("--width", width, "figure width (px at scale 1; px in SVG, pt in PDF)")
      ->check(finite_number());
  cmd.add_option("--height", height, "figure height")->check(finite_number());
  cmd.add_option("--scale", scale, "PNG pixels per figure unit (2, 4 for print)")
      ->check(finite_number());
  cmd.add_option("--theme", theme, "figure theme: light or dark")
      ->check(CLI::IsMember({"light", "dark"}));
}

exporter::FigureOptions MetricFigureOut::options(double default_w, double default_h,
                                                 exporter::Format& format) const {
  namespace fs = std::filesystem;
  exporter::FigureOptions opt;
  opt.view = exporter::View::Plane;
  exporter::parse_theme(theme, opt.style.theme);
  opt.width = width > 0.0 ? width : default_w;
  opt.height = height > 0.0 ? height : default_h;
  opt.scale = scale;
  opt.style.scale = exporter::render_scale(opt.width, opt.height);
  const fs::path path(out);
  if (!exporter::format_from_path(path, format))
    throw UsageError(out + ": unknown output format (use .png, .svg or .pdf)");
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw UsageError(out + ": is a folder");
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw UsageError(out + ": folder " + dir.string() + " does not exist");
  if (const std::string why = exporter::check_size(opt, format); !why.empty())
    throw UsageError(why);
  return opt;
}

nlohmann::json MetricFigureOut::write(const exporter::FigureData& data,
                                      const exporter::FigureOptions& opt,
                                      exporter::Format format) const {
  std::string bytes;
  try {
    bytes = exporter::render_figure(data, opt, format);
    write_output(out, bytes);
  } catch (const std::runtime_error& e) {  // cairo, an unwritable folder, disk full
    throw UsageError(e.what());
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  const bool png = format == exporter::Format::Png;
  return {{"path", out},
          {"format", exporter::to_string(format)},
          {"width", png ? double(exporter::raster_width(opt)) : opt.width},
          {"height", png ? double(exporter::raster_height(opt)) : opt.height}};
}

}  // namespace ll::cli
