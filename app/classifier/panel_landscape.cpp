// The Landscape tab: the total loss over a slice of parameter space through the current W, b
// (core/landscape.h), computed coarse to fine in the background (model/landscape_view.h), drawn
// from the one landscape figure (app/figure/landscape_figure.h) as the exports draw it, with the
// optimizer's path and the current parameters on it. Presenter mode shows the same figure.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/classifier/panels.h"
#include "app/figure/landscape_figure.h"
#include "app/gl/heat_texture.h"
#include "app/widgets/landscape_plot.h"

namespace ll::gui {

namespace {

bool param_field(const char* id, std::string& text, ParamRef& out, int classes, float width,
                 std::string& error) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s", text.c_str());
  ImGui::SetNextItemWidth(width);
  if (!ImGui::InputText(id, buf, sizeof buf)) return false;
  text = buf;
  ParamRef p;
  error = parse_param(text, classes, p);
  if (!error.empty()) return false;
  out = p;
  return true;
}

// The figure of the map on screen, its path and the current parameters (`in` keeps the axis
// names for the hover readout).
figure::LandscapeFigure describe(const AppState& st, const LandscapeGrid& g,
                                 figure::LandscapeInput& in) {
  in.grid = &g;
  in.x_name = axis_name(st.landscape.shown_slice(), 0);
  in.y_name = axis_name(st.landscape.shown_slice(), 1);
  in.current = &st.scene.params;
  in.trajectory = &st.trainer.trajectory().points();
  in.style = st.options.style();
  // Presenter mode: no title (the Landscape button and the loss combo name it), the map gets
  // its line.
  in.title = st.presenter ? std::string()
                          : std::string("Total loss (") + display_name(st.scene.loss.kind) + ")";
  return figure::describe_landscape(in);
}

}  // namespace

ImVec2 draw_landscape_figure(AppState& st, ImVec2 size, const Fonts& fonts) {
  LandscapeView& lv = st.landscape;
  lv.update(st.scene, st.revision(), st.new_point_class);
  const LandscapeGrid* g = lv.grid();
  const Style style = st.options.style();
  if (!lv.error().empty()) {
    ImGui::TextWrapped("%s", lv.error().c_str());
    return {};
  }
  if (!g) {
    ImGui::TextDisabled("Computing the landscape…");
    return {};
  }
  figure::LandscapeInput in;
  const figure::LandscapeFigure f = describe(st, *g, in);
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  if (size.y <= 0) size.y = ImGui::GetContentRegionAvail().y;
  size = ImVec2(std::floor(std::max(size.x, 120.0f)), std::floor(std::max(size.y, 100.0f)));
  const ImTextureID heat = fonts.landscape_heat
                               ? widgets::gl_texture(fonts.landscape_heat->update(f.plot.heat))
                               : nullptr;
  const widgets::FigureHover h = widgets::LandscapePlot("##landscape", f, size, style, heat);
  if (h.hovered) {
    const double v = figure::landscape_value_at(*g, h.x, g->one_d ? 0.0 : h.y);
    ImGui::BeginTooltip();
    ImGui::Text("%s %+.4g", in.x_name.c_str(), h.x);
    if (!g->one_d) ImGui::Text("%s %+.4g", in.y_name.c_str(), h.y);
    if (std::isfinite(v)) ImGui::Text("total loss %.5g", v);
    ImGui::EndTooltip();
  }
  return size;
}

void LandscapePanel::draw(AppState& st, const Fonts& fonts) {
  LandscapeView& lv = st.landscape;
  LandscapeSlice& s = lv.slice;
  const float fs = ImGui::GetFontSize();
  const int K = st.scene.classes();
  int mode = s.random ? 2 : lv.follow_class ? 0 : 1;
  const std::string own = "W of class " + std::to_string(std::clamp(st.new_point_class, 0, K - 1));
  const char* modes[] = {own.c_str(), "Two parameters", "Random directions"};
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("Random directions").x + fs * 2.2f);
  if (ImGui::Combo("##slice", &mode, modes, 3)) {
    s.random = mode == 2;
    lv.follow_class = mode == 0;
    if (mode == 1) {
      x_text_ = to_string(s.x);
      y_text_ = to_string(s.y);
    }
    s.range = s.random ? 1.0 : 2.0;
  }
  ImGui::SameLine();
  ImGui::Checkbox("1-D", &s.one_d);
  ImGui::SameLine();
  int grid_choice = s.grid <= 33 ? 0 : s.grid <= 65 ? 1 : s.grid <= 129 ? 2 : 3;
  const char* grids[] = {"33", "65", "129", "257"};
  const int grid_values[] = {33, 65, 129, 257};
  ImGui::SetNextItemWidth(fs * 4.5f);
  if (ImGui::Combo("grid", &grid_choice, grids, 4)) s.grid = grid_values[grid_choice];

  if (mode == 1) {
    if (x_text_.empty()) x_text_ = to_string(s.x);
    if (y_text_.empty()) y_text_ = to_string(s.y);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("x");
    ImGui::SameLine();
    param_field("##px", x_text_, s.x, K, fs * 5, field_error_);
    if (!s.one_d) {
      ImGui::SameLine();
      ImGui::TextUnformatted("y");
      ImGui::SameLine();
      param_field("##py", y_text_, s.y, K, fs * 5, field_error_);
    }
    ImGui::SameLine();
  } else if (mode == 2) {
    int seed = static_cast<int>(s.seed % 1000000);
    ImGui::SetNextItemWidth(fs * 6);
    if (ImGui::InputInt("seed", &seed)) s.seed = static_cast<std::uint64_t>(std::max(0, seed));
    ImGui::SameLine();
  }
  float range = static_cast<float>(s.range);
  ImGui::SetNextItemWidth(fs * 7);
  if (ImGui::SliderFloat("range ±", &range, 0.05f, 20.0f, "%.3g", ImGuiSliderFlags_Logarithmic))
    s.range = std::clamp(static_cast<double>(range), 0.01, 1e6);
  if (mode == 1 && !field_error_.empty())
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.1f, 1), "%s", field_error_.c_str());
  const LandscapeGrid* g = lv.grid();
  if (lv.busy() || (g && !g->complete())) {
    ImGui::ProgressBar(static_cast<float>(lv.progress()), ImVec2(fs * 8, 0));
    ImGui::SameLine();
  }
  if (g) {
    const int shown = g->stride > 0 ? (g->nx - 1) / g->stride + 1 : 0;
    if (g->one_d)
      ImGui::TextDisabled("%d points, exact total loss at each", shown);
    else
      ImGui::TextDisabled("%d × %d nodes, exact total loss at each", shown, shown);
    // The map on screen as a file (PNG, SVG or PDF), drawn by the shared figure path in a
    // background job (lab::LabExport: progress, Cancel, an atomic write).
    ImGui::SameLine();
    export_.button(
        [&st, g] {
          lab::LabFigures figs;
          figure::LandscapeInput in;
          figs.landscape = describe(st, *g, in);  // a copy: the job reads no window state
          return figs;
        },
        figure_size_, st.options.style());
  } else {
    ImGui::NewLine();
  }
  const ImVec2 drawn = draw_landscape_figure(
      st, ImVec2(0, std::max(fs * 8, ImGui::GetContentRegionAvail().y)), fonts);
  if (drawn.x > 0) figure_size_ = drawn;
}

}  // namespace ll::gui
