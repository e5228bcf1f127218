#pragma once
// Everything drawn over the GL layers of the canvas with ImDrawList: class lines, margin lines,
// weight arrows, hover/selection rings, pull arrows, tick labels and the cursor readout.
#include "app/gui/app_state.h"
#include "app/gui/theme.h"

struct ImDrawList;

namespace ll::gui {

struct OverlayState {
  int hover_line = -1, hover_arrow = -1;  // highlighted class line / arrow head
  int active_line = -1, active_arrow = -1;
  const Vec2* anchors = nullptr;  // arrow base reference per class
  bool mouse_inside = false;
  Vec2 mouse_world{};
  Style style;  // theme, scheme and UI scale
};

void draw_overlay(ImDrawList* dl, const AppState& st, const OverlayState& o, const Fonts& fonts);

}  // namespace ll::gui
