#pragma once
// The "Classifier link" tab: every point of the current classifier scene placed on the hinge
// curve at its margin and on the cross-entropy curve at its softmax probability; hovering a
// marker highlights the same point on both curves and in the input plane.
#include <cstdint>
#include <vector>

#include "app/style/style.h"
#include "core/lab/classifier_link.h"
#include "core/scene.h"

namespace ll::lab {

class LinkPanel {
 public:
  void draw(const Style& style, const Scene* scene, std::uint64_t revision);

 private:
  void refresh(const Scene& scene, std::uint64_t revision);

  // Per-class marker arrays of one chart; `index` maps a marker back to link_.
  struct ClassSeries {
    std::vector<double> x, y;
    std::vector<int> index;
  };

  // Everything below is rebuilt only when the scene changes.
  std::uint64_t cached_revision_ = 0;  // the scene revision the link was computed for
  bool has_cache_ = false;
  std::vector<LinkedPoint> link_;
  std::vector<ClassSeries> hinge_, ce_, plane_;  // one per class
  std::vector<double> hx_, hy_, cx_, cy_;        // the hinge and -ln p curves
  int hovered_ = -1;                             // index into link_
};

}  // namespace ll::lab
