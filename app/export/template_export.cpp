#include "app/export/template_export.h"

#include <stdexcept>

namespace ll::exporter {

void draw_template_figure(cairo_t*, const figure::TemplateFigure&) {}
std::string render_templates(const Eigen::MatrixXd&, int, int, const std::vector<std::string>&,
                             const TemplateExport&, Format) {
  throw std::logic_error("template export is not written yet");
}
void export_templates(const std::filesystem::path& path, const Eigen::MatrixXd&, int, int,
                      const std::vector<std::string>&, const TemplateExport&) {
  throw std::runtime_error(path.string() + ": template export is not written yet");
}

}  // namespace ll::exporter
