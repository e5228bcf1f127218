#include "app/lab/lab_export.h"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/widgets/flow.h"

namespace ll::lab {

Style style_of_imgui() {
  Style s;
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  s.theme = 0.299f * bg.x + 0.587f * bg.y + 0.114f * bg.z < 0.5f ? palette::Theme::Dark
                                                                 : palette::Theme::Light;
  // The window's UI font is DejaVu Sans at 16 px times its scale (ImGui's own 13 px font, a
  // fallback, counts as scale 1).
  s.scale = std::max(1.0f, ImGui::GetFontSize() / static_cast<float>(figure::kPlotFontPx));
  return s;
}

exporter::FigureOptions lab_export_options(ImVec2 on_screen, int width, int height,
                                           exporter::Format format, const Style& style) {
  exporter::FigureOptions o;
  o.view = exporter::View::Plots;
  o.style = style;
  const double w = std::max(16.0, static_cast<double>(on_screen.x));
  const double h = std::max(16.0, static_cast<double>(on_screen.y));
  const double W = width > 0 ? width : w, H = height > 0 ? height : h;
  // Figure units: the on-screen width; the height follows the requested aspect.
  o.width = w;
  o.height = std::max(16.0, w * H / W);
  o.scale = format == exporter::Format::Png ? W / w : 1.0;
  if (format != exporter::Format::Png) {  // vectors: the requested size in units
    o.scale = 1.0;
    const double g = W / w;
    o.width = W;
    o.height = std::max(16.0, o.height * g);
    o.style.scale = static_cast<float>(style.scale * g);
  }
  return o;
}

void LabExport::button(const std::function<LabFigures()>& describe, ImVec2 on_screen,
                       const Style& style) {
  if (job_.ready()) {
    const exporter::ExportResult r = job_.take();  // export_to_file never throws
    ok_ = r.ok || r.cancelled;
    message_ = r.message;
    if (r.ok) {
      char t[32];
      std::snprintf(t, sizeof t, " (%.0f ms)", 1000.0 * r.seconds);
      message_ += t;
    }
  }
  const std::string popup = "Export " + stem_;
  ImGui::PushID(stem_.c_str());
  if (ImGui::Button(job_.active() ? "Exporting…" : "Export…")) {
    if (path_.empty())
      path_ = (exporter::default_export_folder() / ("losslab-" + stem_ + ".png")).string();
    width_ = static_cast<int>(std::lround(on_screen.x));
    height_ = static_cast<int>(std::lround(on_screen.y));
    ImGui::OpenPopup(popup.c_str());
  }
  if (ImGui::BeginPopup(popup.c_str())) {
    const float fs = ImGui::GetFontSize();
    ImGui::TextUnformatted("File (.png, .svg or .pdf)");
    ImGui::SetNextItemWidth(fs * 28);
    ImGui::InputText("##path", &path_);
    ImGui::TextUnformatted("Size");
    ImGui::SameLine(fs * 4);
    widgets::size_inputs(width_, height_, fs * 5);
    ImGui::SameLine();
    ImGui::TextDisabled("on screen %.0f x %.0f", on_screen.x, on_screen.y);
    exporter::Format format = exporter::Format::Png;
    const bool known = exporter::format_from_path(path_, format);
    if (job_.active()) {
      if (widgets::progress_with_cancel(job_.progress(), job_.cancel_requested(), fs * 14))
        job_.cancel();
    } else {
      ImGui::BeginDisabled(!known);
      if (ImGui::Button("Export", ImVec2(fs * 6, 0))) {
        LabFigures figs = describe();  // a copy: the job reads no panel state
        exporter::FigureData data;
        data.plots = std::move(figs.plots);
        data.plot_columns = figs.columns;
        data.planes = std::move(figs.planes);
        exporter::FigureOptions opt = lab_export_options(on_screen, width_, height_, format, style);
        if (!data.planes.empty()) opt.view = exporter::View::Plane;
        if (figs.landscape) {
          data.landscape = std::move(figs.landscape);
          opt.view = exporter::View::Landscape;
        }
        const exporter::ExportDestination dest{path_, {}};
        job_ = exporter::start_export_job(
            "Exporting " + stem_,
            [data = std::move(data), opt, format, dest](JobControl& control) {
              return exporter::export_to_file(data, opt, format, dest, &control);
            },
            [] { glfwPostEmptyEvent(); });
        message_.clear();
      }
      ImGui::EndDisabled();
      ImGui::SameLine();
      ImGui::TextDisabled(known ? "replaces the file when done" : "use .png, .svg or .pdf");
    }
    if (!message_.empty()) {
      ImGui::PushTextWrapPos(fs * 28);
      if (ok_)
        ImGui::TextUnformatted(message_.c_str());
      else
        ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1.0f), "%s", message_.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::EndPopup();
  } else if (!message_.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", message_.c_str());
  }
  ImGui::PopID();
}

}  // namespace ll::lab
