#include "app/lab/mse_ce_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/lab/lab_colors.h"
#include "app/widgets/plot.h"
#include "core/curves.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;

constexpr double kMinYHat = 0.001, kMaxYHat = 0.999;

// Squared error in the MSE colour, cross-entropy in the BCE one; the chosen target's curves
// solid and thick, the other target's faint.
ImU32 curve_color(bool cross_entropy, bool chosen) {
  const ImU32 c = cross_entropy ? colors::kBceY1 : colors::kMse;
  return chosen ? c : colors::faded(c, 90);
}

void mse_ce_line(const CurveTable& t, const std::string& column, const char* label,
                 bool cross_entropy, bool chosen, w::Axis axis = w::Axis::Y1) {
  if (const std::vector<double>* c = t.column(column))
    w::PlotLine(label, t.x.data(), c->data(), int(t.x.size()), curve_color(cross_entropy, chosen),
                axis, chosen ? 2.6f : 1.4f);
}

// The example's two points, squared error and cross-entropy at y_hat. The plot keeps the
// pointers until EndPlot: the caller's arrays must live until then.
void mark(const double* x, const double* y) {
  w::PlotScatter(nullptr, x, y, 1, curve_color(false, true), w::Axis::Y1, 5.5f);
  w::PlotScatter(nullptr, x, y + 1, 1, curve_color(true, true), w::Axis::Y1, 5.5f);
}

}  // namespace

MseCePanel::MseCePanel() {
  CurveParams p;
  p.derivatives = true;
  p.samples = 999;
  p.min = kMinYHat;
  p.max = kMaxYHat;
  curves_ = sample_probability_curves(p);
}

void MseCePanel::end_plot_taking_clicks() {
  const bool legend = w::IsLegendHovered();  // of the current plot: before EndPlot
  const w::PlotHover h = w::EndPlot();
  if (h.hovered && !legend && ImGui::IsMouseDown(ImGuiMouseButton_Left))
    y_hat_ = std::clamp(h.x, kMinYHat, kMaxYHat);
}

void MseCePanel::controls() {
  ImGui::TextWrapped(
      "A sigmoid output ŷ = σ(z) trained with squared error (ŷ − y)² or with binary "
      "cross-entropy −[y ln ŷ + (1 − y) ln(1 − ŷ)]. When the output is confidently wrong, the "
      "squared error's gradient through the sigmoid vanishes; cross-entropy's does not.");
  ImGui::SetNextItemWidth(260);
  float v = float(y_hat_);
  if (ImGui::SliderFloat("ŷ", &v, float(kMinYHat), float(kMaxYHat), "%.3f",
                         ImGuiSliderFlags_AlwaysClamp))
    y_hat_ = v;
  ImGui::SameLine(0, 24);
  ImGui::TextUnformatted("target y:");
  ImGui::SameLine();
  ImGui::RadioButton("0", &target_, 0);
  ImGui::SameLine();
  ImGui::RadioButton("1", &target_, 1);
  ImGui::SameLine(0, 24);
  if (ImGui::Button("Lecture example (y = 0, ŷ = 0.9)")) {
    y_hat_ = 0.9;
    target_ = 0;
  }
  // The numbers of the example, from core/curves.
  const double y = target_, yh = y_hat_;
  const curves::ValueGrad se = curves::squared_error(y, yh),
                          ce = curves::binary_cross_entropy(y, yh);
  const double se_z = curves::squared_error_dlogit(y, yh), ce_z = curves::bce_dlogit(y, yh);
  ImGui::Text(
      "y = %d, ŷ = %.3f:   squared error %.3g, cross-entropy %.3g nats;   "
      "d/dŷ: %.3g vs %.3g;   d/dz = d/dŷ · ŷ(1 − ŷ): %.3g vs %.3g",
      target_, yh, se.value, ce.value, se.grad, ce.grad, se_z, ce_z);
}

void MseCePanel::draw() {
  controls();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  const float pw = std::floor((avail.x - 2 * sp) / 3), ph = std::max(200.0f, avail.y);
  loss_plot(pw, ph);
  ImGui::SameLine();
  y_hat_gradient_plot(pw, ph);
  ImGui::SameLine();
  logit_gradient_plot(pw, ph);
}

void MseCePanel::loss_plot(float pw, float ph) {
  w::PlotOptions o;
  o.title = "Loss against ŷ (CE in nats)";
  o.x_label = "ŷ = σ(z)";
  o.y_label = "loss";
  o.fixed_x(0.0, 1.0);
  o.fixed_y(-0.1, 5.0);
  o.legend_pos =
      target_ == 0 ? w::PlotOptions::LegendPos::TopLeft : w::PlotOptions::LegendPos::TopRight;
  if (!w::BeginPlot("##mse_ce_loss", ImVec2(pw, ph), o)) return;
  const bool t0 = target_ == 0;
  mse_ce_line(curves_, "se_y0", "y = 0: ŷ²", false, t0);
  mse_ce_line(curves_, "bce_y0", "y = 0: −ln(1 − ŷ)", true, t0);
  mse_ce_line(curves_, "se_y1", "y = 1: (1 − ŷ)²", false, !t0);
  mse_ce_line(curves_, "bce_y1", "y = 1: −ln ŷ", true, !t0);
  w::PlotVLine("ŷ", y_hat_, colors::ink(0.5f));
  const double mx[1] = {y_hat_}, my[2] = {curves::squared_error(target_, y_hat_).value,
                                          curves::binary_cross_entropy(target_, y_hat_).value};
  mark(mx, my);
  end_plot_taking_clicks();
}

void MseCePanel::y_hat_gradient_plot(float pw, float ph) {
  w::PlotOptions o;
  o.title = "Gradient w.r.t. ŷ";
  o.x_label = "ŷ = σ(z)";
  o.y_label = "dL/dŷ";
  o.fixed_x(0.0, 1.0);
  o.fixed_y(-12.0, 12.0);
  o.legend_pos =
      target_ == 0 ? w::PlotOptions::LegendPos::TopLeft : w::PlotOptions::LegendPos::BottomRight;
  if (!w::BeginPlot("##mse_ce_dyhat", ImVec2(pw, ph), o)) return;
  const bool t0 = target_ == 0;
  mse_ce_line(curves_, "d_se_y0", "y = 0: 2ŷ", false, t0);
  mse_ce_line(curves_, "d_bce_y0", "y = 0: 1/(1 − ŷ)", true, t0);
  mse_ce_line(curves_, "d_se_y1", "y = 1: −2(1 − ŷ)", false, !t0);
  mse_ce_line(curves_, "d_bce_y1", "y = 1: −1/ŷ", true, !t0);
  w::PlotHLine(nullptr, 0.0, colors::ink(0.3f));
  w::PlotVLine("ŷ", y_hat_, colors::ink(0.5f));
  const double mx[1] = {y_hat_}, my[2] = {curves::squared_error(target_, y_hat_).grad,
                                          curves::binary_cross_entropy(target_, y_hat_).grad};
  mark(mx, my);
  end_plot_taking_clicks();
}

void MseCePanel::logit_gradient_plot(float pw, float ph) {
  w::PlotOptions o;
  o.title = "Gradient w.r.t. the logit z";
  o.x_label = "ŷ = σ(z)";
  o.y_label = "dL/dz";
  o.fixed_x(0.0, 1.0);
  o.fixed_y(-1.1, 1.1);
  o.legend_pos =
      target_ == 0 ? w::PlotOptions::LegendPos::TopLeft : w::PlotOptions::LegendPos::BottomRight;
  if (!w::BeginPlot("##mse_ce_dz", ImVec2(pw, ph), o)) return;
  const bool t0 = target_ == 0;
  mse_ce_line(curves_, "dlogit_se_y0", "y = 0: 2ŷ · ŷ(1 − ŷ)", false, t0);
  mse_ce_line(curves_, "dlogit_bce_y0", "y = 0: ŷ", true, t0);
  mse_ce_line(curves_, "dlogit_se_y1", "y = 1: −2(1 − ŷ) · ŷ(1 − ŷ)", false, !t0);
  mse_ce_line(curves_, "dlogit_bce_y1", "y = 1: ŷ − 1", true, !t0);
  w::PlotHLine(nullptr, 0.0, colors::ink(0.3f));
  w::PlotVLine("ŷ", y_hat_, colors::ink(0.5f));
  const double mx[1] = {y_hat_}, my[2] = {curves::squared_error_dlogit(target_, y_hat_),
                                          curves::bce_dlogit(target_, y_hat_)};
  mark(mx, my);
  end_plot_taking_clicks();
}

}  // namespace ll::lab
