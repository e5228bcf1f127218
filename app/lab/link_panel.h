#pragma once
// The "Classifier link" tab: every point of the current classifier scene placed on the hinge
// curve at its margin and on the cross-entropy curve at its softmax probability; hovering a
// marker highlights the same point on both curves and in the input plane.
#include <vector>

#include "core/lab/classifier_link.h"
#include "core/scene.h"

namespace ll::lab {

class LinkPanel {
 public:
  void draw(const Scene* scene);

 private:
  void refresh(const Scene& scene);

  Scene cached_;                    // the scene the link was computed for
  bool has_cache_ = false;
  std::vector<LinkedPoint> link_;
  int hovered_ = -1;                // index into link_
};

}  // namespace ll::lab
