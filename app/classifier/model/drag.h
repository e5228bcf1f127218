#pragma once
// What dragging a class's line or arrow does to (W, b). GL-free, exact, tested.
#include "app/classifier/model/view.h"
#include "core/scene.h"

namespace ll::gui {

// Translating the line of class k by `delta` (world): s'(x) = s(x - delta), so only b_k moves:
// b_k = b_k(start) - W_k . delta. W is untouched.
void drag_line(const Params& start, int k, const Eigen::Vector2d& delta, Params& out);

// Dragging the arrow head of class k to `head` (world) with the line turning about `pivot`
// (the arrow's base, on the line): W_k = (head - pivot) / kArrowScale, then b_k = -W_k . pivot
// so the line still passes through the pivot. With rotation_only, |W_k| keeps its start value.
// A head on the pivot leaves the parameters unchanged.
void drag_arrow(const Params& start, int k, const Eigen::Vector2d& pivot,
                const Eigen::Vector2d& head, bool rotation_only, Params& out);

}  // namespace ll::gui
