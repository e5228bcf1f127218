#pragma once
// Everything drawn over the GL layers of the canvas with ImDrawList: app/figure's description
// of the canvas (class lines, margin lines, weight arrows and their labels, tick labels: the
// same primitives the exports draw), then what only the window shows: hover/selection rings,
// pull arrows, the click hint and the cursor readout.
#include "app/classifier/model/app_state.h"
#include "app/classifier/theme.h"

struct ImDrawList;

namespace ll::gui {

struct OverlayState {
  int hover_line = -1, hover_arrow = -1;  // highlighted class line / arrow head
  int active_line = -1, active_arrow = -1;
  const Eigen::Vector2d* anchors = nullptr;  // arrow base reference per class
  bool mouse_inside = false;
  Eigen::Vector2d mouse_world = Eigen::Vector2d::Zero();
  Style style;  // theme, scheme and UI scale
};

// The figure description of the window's canvas (what draw_overlay draws; the fidelity test
// compares it with the export). Pixels from the canvas rectangle's top-left corner.
figure::CanvasFigure describe_window_canvas(const AppState& st, const OverlayState& o,
                                            const Fonts& fonts);

void draw_overlay(ImDrawList* dl, const AppState& st, const OverlayState& o, const Fonts& fonts);

}  // namespace ll::gui
