#pragma once
// The "Curves" tab: regression losses (with derivative overlay), cross-entropy in nats or bits,
// binary cross-entropy, the focal family, margin surrogates and binary entropy, six charts.
// Curves are resampled only when a parameter changes.
#include "core/lab/curve_sampling.h"

namespace ll::lab {

class CurvesPanel {
 public:
  CurvesPanel();
  void draw();

 private:
  bool controls();
  void resample();
  void regression_plot(float w, float h);
  void cross_entropy_plot(float w, float h);
  void binary_ce_plot(float w, float h);
  void focal_plot(float w, float h);
  void margin_plot(float w, float h);
  void entropy_plot(float w, float h);

  float delta_ = 1.0f;
  float gamma_ = 2.0f;
  float alpha_ = 1.0f;
  bool derivatives_ = true;
  bool log_cosh_ = false;
  bool bits_ = false;
  CurveTable regression_, probability_, focal_, margin_;
};

}  // namespace ll::lab
