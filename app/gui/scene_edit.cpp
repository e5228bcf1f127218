#include "app/gui/scene_edit.h"

#include <algorithm>

namespace ll::gui {

int add_point(Scene& scene, double x0, double x1, int label) {
  scene.points.push_back({x0, x1, std::clamp(label, 0, scene.classes() - 1)});
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

}  // namespace ll::gui
