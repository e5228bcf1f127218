#pragma once
// The "Classifier link" tab: every point of the current classifier scene placed on the hinge
// curve at its margin and on the cross-entropy curve at its softmax probability; hovering a
// marker highlights the same point on both curves and in the input plane. describe() gives the
// three charts as PlotFigures (drawn, and exported side by side in one file by "Export...").
#include <cstdint>
#include <vector>

#include "app/figure/plot_figure.h"
#include "app/lab/lab_export.h"
#include "app/style/style.h"
#include "core/lab/classifier_link.h"
#include "core/scene.h"

namespace ll::lab {

class LinkPanel {
 public:
  void draw(const Style& style, const Scene* scene, std::uint64_t revision);
  // The hinge chart, the cross-entropy chart and the input plane of `scene` (rebuilt when
  // `revision` moves). In each curve chart series 0 is the curve and series 1 + k the markers
  // of class k; in the plane, series k.
  LabFigures describe(const Style& style, const Scene& scene, std::uint64_t revision);

 private:
  void refresh(const Scene& scene, std::uint64_t revision);
  LabFigures figures(const Style& style, const Scene& scene) const;

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
  LabExport export_{"classifier-link"};
  ImVec2 last_size_{900.0f, 400.0f};  // the charts' on-screen size last frame (export default)
};

}  // namespace ll::lab
