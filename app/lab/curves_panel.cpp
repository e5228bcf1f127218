#include "app/lab/curves_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/lab/lab_colors.h"
#include "app/widgets/figure_plot.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;
using figure::PlotFigure;

// A column of the table as a line (nothing when the column is absent).
void add_column(PlotFigure& f, const CurveTable& t, const char* column, const std::string& label,
                ImU32 color, bool right_axis = false, double width = 2.0) {
  const std::vector<double>* c = t.column(column);
  if (!c) return;
  figure::PlotSeries s = figure::line(label, rgb(color), t.x, *c, width);
  s.alpha = alpha_of(color);
  s.right_axis = right_axis;
  f.series.push_back(std::move(s));
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

void CurvesPanel::draw(const Style* given) {
  const Style style = given ? *given : style_of_imgui();
  const bool changed = controls();
  ImGui::SameLine(0, 30);
  // The export draws the six charts in the window's 3 x 2 arrangement, at their size.
  export_.button([this, style] { return describe(style); }, last_size_, style);
  if (changed) resample();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  const float pw = std::floor((avail.x - 2 * sp) / 3), ph = std::floor((avail.y - sp) / 2);
  last_size_ = ImVec2(3 * pw, 2 * ph);
  const LabFigures figs = describe(style);
  const char* ids[6] = {"##regression", "##ce", "##bce", "##focal", "##margin", "##entropy"};
  for (int i = 0; i < 6; ++i) {
    if (i % 3) ImGui::SameLine();
    w::FigurePlot(ids[i], figs.plots[size_t(i)], ImVec2(pw, std::max(ph, 100.0f)), style);
  }
}

LabFigures CurvesPanel::describe(const Style& style) const {
  return {{regression_figure(style), cross_entropy_figure(style), binary_ce_figure(style),
           focal_figure(style), margin_figure(style), entropy_figure(style)},
          3};
}

PlotFigure CurvesPanel::regression_figure(const Style&) const {
  PlotFigure f;
  f.title = "Regression losses";
  f.x_label = "residual r = y − ŷ";
  f.y_label = "loss";
  const double r = regression_.x.back();
  f.x_min = regression_.x.front();
  f.x_max = r;
  f.y_max = 1.1 * std::max(r, (*regression_.column("huber")).back());
  f.y_min = -0.05 * f.y_max;
  if (derivatives_) {
    f.y2_label = "derivative";
    f.y2_max = 1.3 * std::max(1.0, std::min<double>(delta_, r));
    f.y2_min = -f.y2_max;
  }
  char huber[48];
  std::snprintf(huber, sizeof huber, "Huber δ=%.2f", double(delta_));
  add_column(f, regression_, "squared", "MSE r²", colors::kMse);
  add_column(f, regression_, "absolute", "MAE |r|", colors::kMae);
  add_column(f, regression_, "huber", huber, colors::kHuber);
  if (log_cosh_) add_column(f, regression_, "log_cosh", "log-cosh", colors::kLogCosh);
  if (derivatives_) {
    add_column(f, regression_, "d_squared", "d/dr r²", colors::faded(colors::kMse, 120), true, 1.2);
    add_column(f, regression_, "d_absolute", "d/dr |r|", colors::faded(colors::kMae, 120), true,
               1.2);
    add_column(f, regression_, "d_huber", "d/dr Huber", colors::faded(colors::kHuber, 120), true,
               1.2);
    if (log_cosh_)
      add_column(f, regression_, "d_log_cosh", "d/dr log-cosh",
                 colors::faded(colors::kLogCosh, 120), true, 1.2);
  }
  f.ref_lines.push_back({"−δ", rgb(colors::kHuber), -double(delta_), true, 160 / 255.0});
  f.ref_lines.push_back({"δ", rgb(colors::kHuber), double(delta_), true, 160 / 255.0});
  return f;
}

PlotFigure CurvesPanel::cross_entropy_figure(const Style&) const {
  PlotFigure f;
  f.title = bits_ ? "Cross-entropy −log₂ p (bits)" : "Cross-entropy −ln p (nats)";
  f.x_label = "p (probability of the correct class)";
  f.y_label = bits_ ? "bits" : "nats";
  f.x_min = 0.0, f.x_max = 1.0;
  f.y_min = -0.2, f.y_max = bits_ ? 7.0 : 5.0;
  add_column(f, probability_, "cross_entropy", bits_ ? "−log₂ p" : "−ln p", colors::kCrossEntropy);
  return f;
}

PlotFigure CurvesPanel::binary_ce_figure(const Style&) const {
  PlotFigure f;
  f.title = bits_ ? "Binary cross-entropy (bits)" : "Binary cross-entropy (nats)";
  f.x_label = "ŷ (predicted probability of class 1)";
  f.y_label = "loss";
  f.x_min = 0.0, f.x_max = 1.0;
  f.y_min = -0.2, f.y_max = 5.0;
  add_column(f, probability_, "bce_y1", bits_ ? "y = 1: −log₂ ŷ" : "y = 1: −ln ŷ", colors::kBceY1);
  add_column(f, probability_, "bce_y0", bits_ ? "y = 0: −log₂(1 − ŷ)" : "y = 0: −ln(1 − ŷ)",
             colors::kBceY0);
  return f;
}

PlotFigure CurvesPanel::focal_figure(const Style& style) const {
  char title[64];
  std::snprintf(title, sizeof title, "Focal loss −α(1−p)^γ ln p, α=%.2f", double(alpha_));
  PlotFigure f;
  f.title = title;
  f.x_label = "p (probability of the correct class)";
  f.y_label = "loss";
  f.x_min = 0.0, f.x_max = 1.0;
  f.y_min = -0.1 * alpha_, f.y_max = 4.0 * alpha_;
  const int n = int(focal_.names.size());
  for (int i = 0; i < n && i < 8; ++i) {
    const std::string& name = focal_.names[size_t(i)];
    const double g = focal_.gammas[size_t(i)];  // the value itself, not parsed from the name
    const bool chosen = g == double(gamma_);
    char label[32];
    std::snprintf(label, sizeof label, "γ = %g%s", g, g == 0 ? " (CE)" : "");
    // The chosen curve in the theme's ink: black on light, white on dark.
    if (chosen) {
      add_column(f, focal_, name.c_str(), label, colors::kMse, false, 3.0);
      f.series.back().color = style.colors().text;
    } else {
      add_column(f, focal_, name.c_str(), label, colors::ramp(i, std::min(n, 5)), false, 1.8);
    }
  }
  return f;
}

PlotFigure CurvesPanel::margin_figure(const Style& style) const {
  PlotFigure f;
  f.title = "Margin surrogates of the 0-1 loss";
  f.x_label = "margin m = y·f(x)";
  f.y_label = "loss";
  f.x_min = margin_.x.front(), f.x_max = margin_.x.back();
  f.y_min = -0.2, f.y_max = 4.0;
  add_column(f, margin_, "zero_one", "0-1", colors::kMse);
  f.series.back().color = style.colors().text;
  f.series.back().alpha = 0.75;
  add_column(f, margin_, "hinge", "hinge max(0, 1−m)", colors::kHinge);
  add_column(f, margin_, "squared_hinge", "squared hinge", colors::kSquaredHinge);
  add_column(f, margin_, "logistic", "logistic ln(1+e^−m)", colors::kLogistic);
  add_column(f, margin_, "exponential", "exponential e^−m", colors::kExponential);
  return f;
}

PlotFigure CurvesPanel::entropy_figure(const Style&) const {
  PlotFigure f;
  f.title = "Binary entropy H(p)";
  f.x_label = "p";
  f.y_label = bits_ ? "bits" : "nats";  // the unit of the nats/bits switch, like its neighbours
  f.x_min = 0.0, f.x_max = 1.0;
  f.y_min = 0.0, f.y_max = bits_ ? 1.1 : 0.77;
  add_column(f, probability_, "binary_entropy",
             bits_ ? "H(p) = −p log₂ p − (1−p) log₂(1−p)" : "H(p) = −p ln p − (1−p) ln(1−p)",
             colors::kEntropy);
  return f;
}

}  // namespace ll::lab
