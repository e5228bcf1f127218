#pragma once
// The loss landscape (app/figure/landscape_figure.h) drawn with ImDrawList at the layout
// figure::layout_landscape computes (the cairo exporter draws the same layout): the map through
// FigurePlot, then the colour bar beside it. The Landscape tab, presenter mode and the race view
// draw it this way.
#include <imgui.h>

#include "app/figure/landscape_figure.h"
#include "app/widgets/figure_plot.h"

namespace ll::widgets {

// Reserves `size` at the cursor (as FigurePlot does; its plot area is the item). `heat_texture`:
// the map as one texture (FigurePlotOptions::heat_texture), or null for a quad per cell.
// `origin_out`: the figure's top-left corner on screen.
FigureHover LandscapePlot(const char* id, const figure::LandscapeFigure& f, ImVec2 size,
                          const Style& style, ImTextureID heat_texture = nullptr,
                          ImVec2* origin_out = nullptr);

}  // namespace ll::widgets
