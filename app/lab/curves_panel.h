#pragma once
// The "Curves" tab: regression losses (with derivative overlay), cross-entropy in nats or bits,
// binary cross-entropy, the focal family, margin surrogates and binary entropy, six charts.
// Curves are resampled only when a parameter changes. describe() gives the six charts as
// app/figure PlotFigures (what draw() shows, and what "Export..." writes: one file, 3 x 2).
#include <vector>

#include "app/figure/plot_figure.h"
#include "app/lab/lab_export.h"
#include "app/style/style.h"
#include "core/lab/curve_sampling.h"

namespace ll::lab {

class CurvesPanel {
 public:
  CurvesPanel();
  // style: the window's (null: taken from the ImGui context).
  void draw(const Style* style = nullptr);
  // Regression, cross-entropy, binary cross-entropy (top row), focal, margin, entropy.
  LabFigures describe(const Style& style) const;

  void set_delta(float d) {
    delta_ = d;
    resample();
  }

 private:
  bool controls();
  void resample();
  figure::PlotFigure regression_figure(const Style& style) const;
  figure::PlotFigure cross_entropy_figure(const Style& style) const;
  figure::PlotFigure binary_ce_figure(const Style& style) const;
  figure::PlotFigure focal_figure(const Style& style) const;
  figure::PlotFigure margin_figure(const Style& style) const;
  figure::PlotFigure entropy_figure(const Style& style) const;

  float delta_ = 1.0f;
  float gamma_ = 2.0f;
  float alpha_ = 1.0f;
  bool derivatives_ = true;
  bool log_cosh_ = false;
  bool bits_ = false;
  CurveTable regression_, probability_, focal_, margin_;
  LabExport export_{"curves"};
  ImVec2 last_size_{900.0f, 600.0f};  // the charts' on-screen size last frame (export default)
};

}  // namespace ll::lab
