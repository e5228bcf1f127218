#pragma once
// Edits of the scene's data made from the canvas and the panels. GL-free.
#include "core/scene.h"

namespace ll::gui {

// Appends a point; returns its index. Labels are clamped to [0, K).
int add_point(Scene& scene, double x0, double x1, int label);
// Removes point i; false when i is out of range.
bool delete_point(Scene& scene, int i);
// Sets point i's label (clamped to [0, K)); false when i is out of range or nothing changed.
bool relabel_point(Scene& scene, int i, int label);
// Changes the number of classes to K in [kMinClasses, kMaxClasses]: existing rows of W and b
// are kept, new rows come from default_params(K), points of removed classes are removed and
// class names are trimmed.
void set_class_count(Scene& scene, int K);

}  // namespace ll::gui
