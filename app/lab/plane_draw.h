#pragma once
// The window's drawing of an embedding plane: figure::layout_plane (app/figure/plane_layout.h)
// computed with the current ImGui font and drawn with ImDrawList. The cairo exporter draws the
// same layout (app/export/plane_view.h); nothing here decides a position or a colour.
#include <imgui.h>

#include "app/figure/plane_layout.h"
#include "app/style/style.h"

namespace ll::lab {

// The layout of `f` in a size.x x size.y figure, text measured with the current font.
figure::PlaneLayout imgui_plane_layout(const metric::PlaneFigure& f, ImVec2 size,
                                       const Style& style);

// Draws `l` with its top-left corner at `origin`, clipped to its rectangle.
void draw_plane_layout(ImDrawList* dl, ImVec2 origin, const figure::PlaneLayout& l);

// Both, returning the plane -> screen mapping used (the layout's, moved to `origin`).
metric::PlaneMapping draw_plane(ImDrawList* dl, ImVec2 origin, ImVec2 size,
                                const metric::PlaneFigure& f, const Style& style);

}  // namespace ll::lab
