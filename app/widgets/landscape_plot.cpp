#include "app/widgets/landscape_plot.h"

#include <algorithm>
#include <cmath>

namespace ll::widgets {

namespace {

ImU32 bar_rgba(palette::Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

}  // namespace

FigureHover LandscapePlot(const char* id, const figure::LandscapeFigure& f, ImVec2 size,
                          const Style& style, ImTextureID heat_texture, ImVec2* origin_out) {
  const figure::LandscapeLayout l =
      figure::layout_landscape(f, size.x, size.y, style, imgui_measure());
  FigurePlotOptions po;
  po.readout = false;
  po.heat_texture = heat_texture;
  ImVec2 origin;
  const FigureHover h =
      FigurePlot(id, f.plot, ImVec2(float(l.plot_width), size.y), style, po, nullptr, &origin);
  if (origin_out) *origin_out = origin;
  if (!l.bar) return h;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto at = [&](const figure::Vec& v) {
    return ImVec2(origin.x + float(v.x()), origin.y + float(v.y()));
  };
  for (const figure::LandscapeLayout::Cell& c : l.bar_cells)
    dl->AddRectFilled(at(c.top_left), at(c.bottom_right), bar_rgba(c.color));
  const float s = std::max(1.0f, std::round(style.scale));
  const ImU32 axis = bar_rgba(style.colors().axis);
  dl->AddRect(at(l.bar_top_left), at(l.bar_bottom_right), axis, 0.0f, 0, s);
  for (double y : l.bar_tick_y)
    dl->AddLine(
        ImVec2(origin.x + float(l.bar_bottom_right.x()), origin.y + float(y)),
        ImVec2(origin.x + float(l.bar_bottom_right.x()) + 3.0f * style.scale, origin.y + float(y)),
        axis, s);
  for (const figure::Text& t : l.bar_texts)
    dl->AddText(ImGui::GetFont(), float(t.size), at(t.top_left), bar_rgba(t.color), t.text.c_str());
  return h;
}

}  // namespace ll::widgets
