#include "app/lab/template_view.h"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "app/export/draw.h"
#include "app/export/template_export.h"
#include "app/widgets/flow.h"

namespace ll::lab {

namespace {

ImU32 u32(palette::Rgb c, double alpha = 1.0) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::lround(255.0 * alpha)));
}

void text(ImDrawList* dl, ImVec2 o, const figure::Text& t) {
  if (t.text.empty()) return;
  dl->AddText(
      ImGui::GetFont(), static_cast<float>(t.size),
      ImVec2(o.x + static_cast<float>(t.top_left.x()), o.y + static_cast<float>(t.top_left.y())),
      u32(t.color, t.alpha), t.text.c_str());
}

ImVec2 at(ImVec2 o, double x, double y) {
  return ImVec2(o.x + static_cast<float>(x), o.y + static_cast<float>(y));
}

}  // namespace

void draw_tile_figure(ImDrawList* dl, ImVec2 o, const figure::TemplateFigure& f) {
  dl->AddRectFilled(o, at(o, f.width, f.height), u32(f.background));
  for (const figure::TemplateTile& t : f.tiles) {
    if (t.rows > 0 && t.cols > 0 && t.pixels.size() == std::size_t(t.rows) * t.cols) {
      const double pw = t.w / t.cols, ph = t.h / t.rows;
      for (int r = 0; r < t.rows; ++r) {
        // Runs of one colour along a row are one rectangle (flat backgrounds cost little).
        int c0 = 0;
        for (int c = 1; c <= t.cols; ++c) {
          const palette::Rgb a = t.pixels[std::size_t(r) * t.cols + c0];
          if (c < t.cols) {
            const palette::Rgb b = t.pixels[std::size_t(r) * t.cols + c];
            if (a.r == b.r && a.g == b.g && a.b == b.b) continue;
          }
          dl->AddRectFilled(at(o, std::floor(t.x + c0 * pw), std::floor(t.y + r * ph)),
                            at(o, std::floor(t.x + c * pw), std::floor(t.y + (r + 1) * ph)),
                            u32(a));
          c0 = c;
        }
      }
    }
    dl->AddRect(at(o, std::floor(t.x) - 0.5, std::floor(t.y) - 0.5),
                at(o, std::floor(t.x + t.w) + 0.5, std::floor(t.y + t.h) + 0.5), u32(f.frame));
    text(dl, o, t.caption);
  }
  const figure::ColourScale& s = f.scale;
  if (!s.colours.empty() && s.w > 0) {
    const double cw = s.w / static_cast<double>(s.colours.size());
    for (std::size_t i = 0; i < s.colours.size(); ++i)
      dl->AddRectFilled(at(o, s.x + i * cw, s.y), at(o, s.x + (i + 1) * cw, s.y + s.h),
                        u32(s.colours[i]));
    dl->AddRect(at(o, s.x, s.y), at(o, s.x + s.w, s.y + s.h), u32(f.frame));
    for (const figure::ColourScale::Tick& t : s.ticks) {
      dl->AddLine(at(o, t.x, s.y + s.h), at(o, t.x, s.y + s.h + 4), u32(f.frame));
      text(dl, o, t.label);
    }
    text(dl, o, s.title);
  }
  text(dl, o, f.title);
}

ImVec2 TileFigure(const char* id, const figure::TemplateFigure& f) {
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const ImVec2 size(std::max(1.0f, static_cast<float>(f.width)),
                    std::max(1.0f, static_cast<float>(f.height)));
  ImGui::InvisibleButton(id, size);
  draw_tile_figure(ImGui::GetWindowDrawList(), o, f);
  return o;
}

std::string render_tile_figure(const figure::TemplateFigure& f, exporter::Format format,
                               double scale) {
  return exporter::render_drawing(
      f.width, f.height, scale, format, [&](cairo_t* cr) { exporter::draw_template_figure(cr, f); },
      "LossLab tiles");
}

void TileExport::button(const Describe& describe, ImVec2 on_screen) {
  if (job_.ready()) {
    const exporter::ExportResult r = job_.take();
    ok_ = r.ok || r.cancelled;
    message_ = r.message;
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
    exporter::Format format = exporter::Format::Png;
    const bool known = exporter::format_from_path(path_, format);
    if (job_.active()) {
      if (widgets::progress_with_cancel(job_.progress(), job_.cancel_requested(), fs * 14))
        job_.cancel();
    } else {
      ImGui::BeginDisabled(!known || width_ < 16 || height_ < 16);
      if (ImGui::Button("Export", ImVec2(fs * 6, 0))) {
        // Laid out at the on-screen size (text keeps its proportions), scaled to the pixels.
        const double w = std::max(16.0f, on_screen.x), h = w * height_ / std::max(1, width_);
        figure::TemplateFigure fig = describe(w, std::max(16.0, h));
        const double scale = width_ / w;
        const std::string path = path_;
        job_ = exporter::start_export_job(
            "Exporting " + stem_,
            [fig = std::move(fig), format, scale, path](JobControl& control) {
              return exporter::write_rendered(path, exporter::to_string(format), control, [&] {
                return render_tile_figure(fig, format, scale);
              });
            },
            [] { glfwPostEmptyEvent(); });
        message_.clear();
      }
      ImGui::EndDisabled();
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
