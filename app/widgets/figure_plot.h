#pragma once
// Draws an app/figure PlotFigure with ImDrawList at the layout figure::layout_plot computes
// (the cairo exporter draws the same layout, so ticks, frame and legend are on the same pixels).
//
//   const figure::PlotFigure f = panel.describe(style);
//   const widgets::FigureHover h = widgets::FigurePlot("##curves", f, ImVec2(600, 400), style);
//
// FigurePlot reserves a size-sized frame at the cursor and makes its plot area one ImGui item
// (IsItemHovered/IsItemActive/IsItemActivated work on it afterwards, unless the hover readout
// opened its tooltip). Interactive extras of the window only: the hover readout (crosshair and
// every named line's value at the mouse x), the marker under the mouse, and legend rows that
// hide or show their series on click (kept in ImGui's state storage).
#include <imgui.h>

#include <cstdint>
#include <vector>

#include "app/figure/plot_figure.h"

namespace ll::widgets {

struct FigureHover {
  bool hovered = false;     // mouse inside the plot area
  double x = 0.0, y = 0.0;  // the mouse in plot units (left axis)
  int series = -1;          // index in PlotFigure::series of the marker under the mouse
  int index = -1;           // that marker's index in its series
  bool over_legend = false;
};

struct FigurePlotOptions {
  bool readout = true;  // crosshair and values on hover
  // The heat map as one image: a texture of PlotHeat's cols x rows colours (row 0 the map's top
  // row, node row rows - 1), linearly filtered; drawn node to node in place of one quad per cell.
  ImTextureID heat_texture = nullptr;
};

// ImGui's handle of a GL texture name (0: none), e.g. of gui::HeatTexture.
inline ImTextureID gl_texture(unsigned name) {
  return name ? reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(name)) : nullptr;
}

// Text widths in `font` (the current font when null), for figure::layout_plot.
figure::MeasureText imgui_measure(ImFont* font = nullptr);

// The layout FigurePlot uses for a figure of this size (the current font measures text).
figure::PlotLayout figure_layout(const figure::PlotFigure& f, ImVec2 size, const Style& style);

// size: <= 0 fills the available width/height (as ImGui items do). `layout_out`: the layout it
// drew (plot <-> pixel mapping relative to the frame's top-left corner `origin_out`).
FigureHover FigurePlot(const char* id, const figure::PlotFigure& f, ImVec2 size, const Style& style,
                       const FigurePlotOptions& options = {},
                       figure::PlotLayout* layout_out = nullptr, ImVec2* origin_out = nullptr);

// Draws the figure's layout at `origin` into `dl` (no item, no interaction). `hidden`: per
// series, drawn faded in the legend and not plotted.
void DrawFigure(ImDrawList* dl, ImVec2 origin, const figure::PlotFigure& f,
                const figure::PlotLayout& l, const Style& style,
                const std::vector<bool>* hidden = nullptr, ImTextureID heat_texture = nullptr);

}  // namespace ll::widgets
