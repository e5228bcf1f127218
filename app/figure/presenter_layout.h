#pragma once
// Where presenter mode puts its two figures, for the window and for a headless "presenter"
// figure (an export or an animation of the presenter layout): the canvas on the left, a column
// on the right whose lower part holds the loss plot (or the landscape). The window fills the
// column's top with its controls; a figure gives that space to nothing and the plot takes the
// whole column. No ImGui, no cairo.
#include "core/regions.h"

namespace ll::figure {

// The column's width for a layout `width` pixels wide whose UI font is `font_px` tall: 30% of
// the width, at least 13 and at most 18 lines of text wide, and never more than half the width.
double presenter_column_width(double width, double font_px);

struct PresenterLayout {
  Rect canvas;  // x_min, y_min = top-left; pixels, y down
  Rect plot;
};

// The presenter figure of width x height pixels with a UI font of `font_px`: the canvas and the
// plot side by side, separated by half a line of text.
PresenterLayout layout_presenter(double width, double height, double font_px);

}  // namespace ll::figure
