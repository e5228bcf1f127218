#pragma once
// Edits of the scene's data made from the canvas and the panels. GL-free.
#include "core/scene.h"

namespace ll::gui {

// Appends a point; returns its index. Labels are clamped to [0, K), coordinates to
// |x| <= kMaxCoordinate (non-finite ones become 0).
int add_point(Scene& scene, double x0, double x1, int label);
// Removes point i; false when i is out of range.
bool delete_point(Scene& scene, int i);
// Sets point i's label (clamped to [0, K)); false when i is out of range or nothing changed.
bool relabel_point(Scene& scene, int i, int label);
// Changes the number of classes to K in [kMinClasses, kMaxClasses]: existing rows of W and b
// are kept, new rows come from default_params(K), points of removed classes are removed and
// class names are trimmed.
void set_class_count(Scene& scene, int K);

// The limits the loaders enforce, applied to edits made in the window: a coordinate is kept in
// [-kMaxCoordinate, kMaxCoordinate] and a weight or bias in [-kParamBound, kParamBound]; a
// non-finite value becomes 0. Each returns true when it changed something.
double clamp_coordinate(double v);
double clamp_parameter(double v);
bool clamp_params(Params& params);
// Once a frame after the UI: the parameters and point `point` (the selected one: every drag,
// add and numeric edit selects its point; -1 for none) are brought back inside the limits.
// Constant time, so it is cheap even for a million points.
bool keep_edit_in_limits(Scene& scene, int point);

}  // namespace ll::gui
