#pragma once
// One small canvas of the race view: app/figure's CanvasFigure (the scene at a run's
// parameters) drawn with ImDrawList, in the exporter's order: argmax regions, axes, points,
// margin and class lines, weight arrows and their labels. The race's canvases are small and
// show argmax regions only, so no GL layer is needed: a few hundred triangles each.
#include <imgui.h>

#include "app/figure/canvas_figure.h"

namespace ll::race {

// Draws `f` with its top-left corner at `origin` (screen pixels), clipped to its mapping's size.
void draw_canvas_figure(ImDrawList* dl, ImVec2 origin, const figure::CanvasFigure& f);

// The bold twin of the current font (DejaVu Sans Bold at the same size), or the current font.
ImFont* bold_font();

}  // namespace ll::race
