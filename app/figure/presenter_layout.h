#pragma once
// Where presenter mode puts its two figures, for the window and for a headless "presenter"
// figure (an export or an animation of the presenter layout): the canvas on the left, a column
// on the right whose lower part holds the loss plot (or the landscape). The window fills the
// column's top with its controls; a figure gives that space to nothing and the plot takes the
// whole column. No ImGui, no cairo.
#include "core/regions.h"

namespace ll::figure {

// The canvas is never more than this many times as wide as it is tall: on a wide screen
// (16:9) the column takes the rest, so the loss plot and the landscape map get the width the
// canvas could only spend on empty plane left and right of the data.
inline constexpr double kPresenterCanvasAspect = 1.15;

// The column's width for a layout `width` x `height` pixels whose UI font is `font_px` tall:
// 30% of the width, at least 15 and at most 18 lines of text wide (15: the transport buttons
// share a row, the landscape map is not squeezed by its colour bar), raised so that the canvas
// (the rest) is at most kPresenterCanvasAspect times as wide as tall, and never more than half
// the width.
double presenter_column_width(double width, double height, double font_px);

// The column's two controls side by side (lambda and the step size) when each of the halves
// (`column` pixels wide, minus `spacing` between them) holds at least 5 lines of text; else
// one above the other.
bool presenter_pair_fits(double column, double spacing, double font_px);

struct PresenterLayout {
  Rect canvas;  // x_min, y_min = top-left; pixels, y down
  Rect plot;
};

// The presenter figure of width x height pixels with a UI font of `font_px`: the canvas and the
// plot side by side, separated by half a line of text.
PresenterLayout layout_presenter(double width, double height, double font_px);

}  // namespace ll::figure
