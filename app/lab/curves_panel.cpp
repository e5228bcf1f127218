#include "app/lab/curves_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/lab/lab_colors.h"
#include "app/widgets/plot.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;

void line(const CurveTable& t, const char* column, const char* label, ImU32 color,
          w::Axis axis = w::Axis::Y1, float thickness = 2.0f) {
  if (const std::vector<double>* c = t.column(column))
    w::PlotLine(label, t.x.data(), c->data(), int(t.x.size()), color, axis, thickness);
}

}  // namespace

CurvesPanel::CurvesPanel() { resample(); }

void CurvesPanel::resample() {
  CurveParams p;
  p.delta = delta_;
  p.gamma = gamma_;
  p.alpha = alpha_;
  p.bits = bits_;
  p.derivatives = true;
  p.samples = 801;
  // The default ranges follow the parameters (core/lab/curve_sampling.h default_range).
  regression_ = sample_curves(CurveFamily::Regression, p);
  p.derivatives = false;
  focal_ = sample_curves(CurveFamily::Focal, p);
  margin_ = sample_curves(CurveFamily::Margin, p);
  p.min = 0.001;
  p.max = 0.999;
  probability_ = sample_curves(CurveFamily::CrossEntropy, p);
}

bool CurvesPanel::controls() {
  bool changed = false;
  ImGui::SetNextItemWidth(180);
  changed |= ImGui::SliderFloat("Huber δ", &delta_, 0.05f, 20.0f, "%.2f",
                                ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::Checkbox("derivatives", &derivatives_);
  ImGui::SameLine();
  ImGui::Checkbox("log-cosh", &log_cosh_);
  ImGui::SameLine(0, 30);
  int unit = bits_ ? 1 : 0;
  changed |= ImGui::RadioButton("nats", &unit, 0);
  ImGui::SameLine();
  changed |= ImGui::RadioButton("bits", &unit, 1);
  bits_ = unit == 1;
  ImGui::SameLine(0, 30);
  ImGui::SetNextItemWidth(140);
  changed |=
      ImGui::SliderFloat("focal γ", &gamma_, 0.0f, 5.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140);
  changed |= ImGui::SliderFloat("α", &alpha_, 0.05f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  return changed;
}

void CurvesPanel::draw() {
  if (controls()) resample();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  const float pw = std::floor((avail.x - 2 * sp) / 3), ph = std::floor((avail.y - sp) / 2);
  regression_plot(pw, ph);
  ImGui::SameLine();
  cross_entropy_plot(pw, ph);
  ImGui::SameLine();
  binary_ce_plot(pw, ph);
  focal_plot(pw, ph);
  ImGui::SameLine();
  margin_plot(pw, ph);
  ImGui::SameLine();
  entropy_plot(pw, ph);
}

void CurvesPanel::regression_plot(float pw, float ph) {
  w::PlotOptions o;
  o.title = "Regression losses";
  o.x_label = "residual r = y − ŷ";
  o.y_label = "loss";
  const double r = regression_.x.back();
  o.fit_y = false;
  o.y_max = 1.1 * std::max(r, (*regression_.column("huber")).back());
  o.y_min = -0.05 * o.y_max;
  if (derivatives_) {
    o.y2_label = "derivative";
    o.y2_fit = false;
    o.y2_max = 1.3 * std::max(1.0, std::min<double>(delta_, r));
    o.y2_min = -o.y2_max;
  }
  o.legend_pos = w::PlotOptions::LegendPos::BottomRight;
  if (!w::BeginPlot("##regression", ImVec2(pw, ph), o)) return;
  char huber[48];
  std::snprintf(huber, sizeof huber, "Huber δ=%.2f", double(delta_));
  line(regression_, "squared", "MSE r²", colors::kMse);
  line(regression_, "absolute", "MAE |r|", colors::kMae);
  line(regression_, "huber", huber, colors::kHuber);
  if (log_cosh_) line(regression_, "log_cosh", "log-cosh", colors::kLogCosh);
  if (derivatives_) {
    line(regression_, "d_squared", "d/dr r²", colors::faded(colors::kMse, 120), w::Axis::Y2, 1.2f);
    line(regression_, "d_absolute", "d/dr |r|", colors::faded(colors::kMae, 120), w::Axis::Y2,
         1.2f);
    line(regression_, "d_huber", "d/dr Huber", colors::faded(colors::kHuber, 120), w::Axis::Y2,
         1.2f);
    if (log_cosh_)
      line(regression_, "d_log_cosh", "d/dr log-cosh", colors::faded(colors::kLogCosh, 120),
           w::Axis::Y2, 1.2f);
  }
  w::PlotVLine("−δ", -delta_, colors::faded(colors::kHuber, 160));
  w::PlotVLine("δ", delta_, colors::faded(colors::kHuber, 160));
  w::EndPlot();
}

void CurvesPanel::cross_entropy_plot(float pw, float ph) {
  w::PlotOptions o;
  o.title = bits_ ? "Cross-entropy −log₂ p (bits)" : "Cross-entropy −ln p (nats)";
  o.x_label = "p (probability of the correct class)";
  o.y_label = bits_ ? "bits" : "nats";
  o.fixed_x(0.0, 1.0);
  o.fixed_y(-0.2, bits_ ? 7.0 : 5.0);
  if (!w::BeginPlot("##ce", ImVec2(pw, ph), o)) return;
  line(probability_, "cross_entropy", bits_ ? "−log₂ p" : "−ln p", colors::kCrossEntropy);
  w::EndPlot();
}

void CurvesPanel::binary_ce_plot(float pw, float ph) {
  w::PlotOptions o;
  o.title = bits_ ? "Binary cross-entropy (bits)" : "Binary cross-entropy (nats)";
  o.x_label = "ŷ (predicted probability of class 1)";
  o.y_label = "loss";
  o.fixed_x(0.0, 1.0);
  o.fixed_y(-0.2, 5.0);
  o.legend_pos = w::PlotOptions::LegendPos::TopLeft;
  if (!w::BeginPlot("##bce", ImVec2(pw, ph), o)) return;
  line(probability_, "bce_y1", bits_ ? "y = 1: −log₂ ŷ" : "y = 1: −ln ŷ", colors::kBceY1);
  line(probability_, "bce_y0", bits_ ? "y = 0: −log₂(1 − ŷ)" : "y = 0: −ln(1 − ŷ)", colors::kBceY0);
  w::EndPlot();
}

void CurvesPanel::focal_plot(float pw, float ph) {
  char title[64];
  std::snprintf(title, sizeof title, "Focal loss −α(1−p)^γ ln p, α=%.2f", double(alpha_));
  w::PlotOptions o;
  o.title = title;
  o.x_label = "p (probability of the correct class)";
  o.y_label = "loss";
  o.fixed_x(0.0, 1.0);
  o.fixed_y(-0.1 * alpha_, 4.0 * alpha_);
  if (!w::BeginPlot("##focal", ImVec2(pw, ph), o)) return;
  const int n = int(focal_.names.size());
  char labels[8][32];  // alive until EndPlot below
  for (int i = 0; i < n && i < 8; ++i) {
    const std::string& name = focal_.names[size_t(i)];
    const double g = focal_.gammas[size_t(i)];  // the value itself, not parsed from the name
    const bool chosen = g == double(gamma_);
    std::snprintf(labels[i], sizeof labels[i], "γ = %g%s", g, g == 0 ? " (CE)" : "");
    // The chosen curve in the theme's ink: black on light, white on dark.
    line(focal_, name.c_str(), labels[i], chosen ? colors::ink() : colors::ramp(i, std::min(n, 5)),
         w::Axis::Y1, chosen ? 3.0f : 1.8f);
  }
  w::EndPlot();
}

void CurvesPanel::margin_plot(float pw, float ph) {
  w::PlotOptions o;
  o.title = "Margin surrogates of the 0-1 loss";
  o.x_label = "margin m = y·f(x)";
  o.y_label = "loss";
  o.fixed_y(-0.2, 4.0);
  if (!w::BeginPlot("##margin", ImVec2(pw, ph), o)) return;
  line(margin_, "zero_one", "0-1", colors::ink(0.75f));
  line(margin_, "hinge", "hinge max(0, 1−m)", colors::kHinge);
  line(margin_, "squared_hinge", "squared hinge", colors::kSquaredHinge);
  line(margin_, "logistic", "logistic ln(1+e^−m)", colors::kLogistic);
  line(margin_, "exponential", "exponential e^−m", colors::kExponential);
  w::EndPlot();
}

void CurvesPanel::entropy_plot(float pw, float ph) {
  w::PlotOptions o;
  o.title = "Binary entropy H(p)";
  o.x_label = "p";
  o.y_label = bits_ ? "bits" : "nats";  // the unit of the nats/bits switch, like its neighbours
  o.fixed_x(0.0, 1.0);
  o.fixed_y(0.0, bits_ ? 1.1 : 0.77);
  o.legend_pos = w::PlotOptions::LegendPos::BottomRight;
  if (!w::BeginPlot("##entropy", ImVec2(pw, ph), o)) return;
  line(probability_, "binary_entropy",
       bits_ ? "H(p) = −p log₂ p − (1−p) log₂(1−p)" : "H(p) = −p ln p − (1−p) ln(1−p)",
       colors::kEntropy);
  w::EndPlot();
}

}  // namespace ll::lab
