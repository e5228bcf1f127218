#pragma once
// The "Same accuracy" tab: two models' 4-sample, 3-class probability tables, editable, with
// their error rate and mean cross-entropy computed live, and each sample placed on −ln p.
// describe() gives that chart as a PlotFigure (drawn, and exported by "Export..."; the tables
// are not exported).
#include "app/figure/plot_figure.h"
#include "app/lab/lab_export.h"
#include "app/style/style.h"
#include "core/lab/same_accuracy.h"

namespace ll::lab {

class SameAccuracyPanel {
 public:
  SameAccuracyPanel();
  // style: the window's (null: taken from the ImGui context).
  void draw(const Style* style = nullptr);
  // The −ln p curve (series 0) and each model's samples on it (series 1: A, 2: B).
  LabFigures describe(const Style& style) const;

 private:
  ProbabilityTable models_[2];
  LabExport export_{"same-accuracy"};
  ImVec2 last_size_{600.0f, 420.0f};  // the chart's on-screen size last frame (export default)
};

}  // namespace ll::lab
