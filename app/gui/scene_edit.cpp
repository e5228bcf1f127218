#include "app/gui/scene_edit.h"

#include <algorithm>
#include <cmath>

namespace ll::gui {

int add_point(Scene& scene, double x0, double x1, int label) {
  scene.points.push_back(
      {clamp_coordinate(x0), clamp_coordinate(x1), std::clamp(label, 0, scene.classes() - 1)});
  return static_cast<int>(scene.points.size()) - 1;
}

bool delete_point(Scene& scene, int i) {
  if (i < 0 || i >= static_cast<int>(scene.points.size())) return false;
  scene.points.erase(scene.points.begin() + i);
  return true;
}

bool relabel_point(Scene& scene, int i, int label) {
  if (i < 0 || i >= static_cast<int>(scene.points.size())) return false;
  const int l = std::clamp(label, 0, scene.classes() - 1);
  if (scene.points[i].label == l) return false;
  scene.points[i].label = l;
  return true;
}

void set_class_count(Scene& scene, int K) {
  K = std::clamp(K, kMinClasses, kMaxClasses);
  const int old = scene.classes();
  if (K == old) return;
  Params p = default_params(K);
  const int keep = std::min(old, K);
  p.W.topRows(keep) = scene.params.W.topRows(keep);
  p.b.head(keep) = scene.params.b.head(keep);
  scene.params = std::move(p);
  std::erase_if(scene.points, [K](const Point& pt) { return pt.label >= K; });
  if (!scene.class_names.empty()) scene.class_names.resize(K);
  if (!scene.class_names.empty()) {
    for (int k = old; k < K; ++k) scene.class_names[k] = "class " + std::to_string(k);
  }
}

namespace {
double clamp_finite(double v, double bound) {
  return std::isfinite(v) ? std::clamp(v, -bound, bound) : 0.0;
}
bool clamp_in_place(double& v, double bound) {
  const double c = clamp_finite(v, bound);
  if (c == v) return false;
  v = c;
  return true;
}
}  // namespace

double clamp_coordinate(double v) { return clamp_finite(v, kMaxCoordinate); }
double clamp_parameter(double v) { return clamp_finite(v, kParamBound); }

bool clamp_params(Params& params) {
  bool changed = false;
  for (Eigen::Index i = 0; i < params.W.size(); ++i)
    changed |= clamp_in_place(params.W.data()[i], kParamBound);
  for (Eigen::Index i = 0; i < params.b.size(); ++i)
    changed |= clamp_in_place(params.b.data()[i], kParamBound);
  return changed;
}

bool keep_edit_in_limits(Scene& scene, int point) {
  bool changed = clamp_params(scene.params);
  if (point >= 0 && point < static_cast<int>(scene.points.size())) {
    Point& p = scene.points[static_cast<std::size_t>(point)];
    changed |= clamp_in_place(p.x0, kMaxCoordinate);
    changed |= clamp_in_place(p.x1, kMaxCoordinate);
  }
  return changed;
}

}  // namespace ll::gui
