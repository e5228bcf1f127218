#include "app/lab/gd_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/lab/lab_colors.h"
#include "app/widgets/plot.h"
#include "core/lab/gd_demo.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;

void trace_plot(const char* id, GdObjective f, const std::vector<GdStep>& steps, ImU32 color,
                float pw, float ph) {
  double reach = 1.0;
  for (const GdStep& s : steps) reach = std::max({reach, std::abs(s.x), std::abs(s.next)});
  reach *= 1.15;
  std::vector<double> cx(201), cy(201);
  for (int i = 0; i <= 200; ++i) {
    cx[size_t(i)] = -reach + 2 * reach * i / 200;
    cy[size_t(i)] = gd_value(f, cx[size_t(i)]);
  }
  std::vector<double> tx, ty;
  for (const GdStep& s : steps) tx.push_back(s.x), ty.push_back(gd_value(f, s.x));
  if (!steps.empty()) tx.push_back(steps.back().next), ty.push_back(gd_value(f, steps.back().next));
  char title[64];
  std::snprintf(title, sizeof title, "f(x) = %s", display_name(f));
  w::PlotOptions o;
  o.title = title;
  o.x_label = "x";
  o.y_label = "f(x)";
  o.include_zero_y = true;
  o.legend = false;
  if (!w::BeginPlot(id, ImVec2(pw, ph), o)) return;
  w::PlotLine(display_name(f), cx.data(), cy.data(), int(cx.size()), colors::faded(color, 110),
              w::Axis::Y1, 2.0f);
  w::PlotLine(nullptr, tx.data(), ty.data(), int(tx.size()), colors::ink(0.7f), w::Axis::Y1, 1.0f);
  w::PlotScatter(nullptr, tx.data(), ty.data(), int(tx.size()), color, w::Axis::Y1, 4.5f);
  w::PlotScatter(nullptr, tx.data(), ty.data(), 1, colors::kHighlight, w::Axis::Y1, 6.0f);
  w::EndPlot();
}

void step_table(const char* id, const char* fname, const std::vector<GdStep>& steps, float tw,
                float th) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable(id, 4, flags, ImVec2(tw, th))) return;
  char grad[32];
  std::snprintf(grad, sizeof grad, "%s'(x_t)", fname);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("t");
  ImGui::TableSetupColumn("x_t");
  ImGui::TableSetupColumn(grad);
  ImGui::TableSetupColumn("x_{t+1} = x_t − r·f'");
  ImGui::TableHeadersRow();
  for (const GdStep& s : steps) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::Text("%d", s.t);
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%.6g", std::abs(s.x) < 1e-12 ? 0.0 : s.x);
    ImGui::TableSetColumnIndex(2);
    ImGui::Text("%.6g", s.grad);
    ImGui::TableSetColumnIndex(3);
    ImGui::Text("%.6g", std::abs(s.next) < 1e-12 ? 0.0 : s.next);
  }
  ImGui::EndTable();
}

}  // namespace

void GdPanel::draw() {
  ImGui::SetNextItemWidth(150);
  ImGui::SliderFloat("x0", &x0_, -5.0f, 5.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(150);
  ImGui::SliderFloat("rate r", &rate_, 0.01f, 1.2f, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(150);
  ImGui::SliderInt("steps", &steps_, 1, 40, "%d", ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine();
  if (ImGui::Button("Lecture (x0 = 2, r = 0.3)")) x0_ = 2.0f, rate_ = 0.3f, steps_ = 10;
  ImGui::TextWrapped(
      "x² has gradient 2x, which shrinks near the minimum: the steps shrink and x converges. "
      "|x| has gradient ±1 everywhere: every step has length r, so x overshoots 0 and "
      "oscillates forever (this is why MAE needs a decaying rate).");

  const std::vector<GdStep> sq = gd_table(GdObjective::Square, x0_, rate_, steps_);
  const std::vector<GdStep> ab = gd_table(GdObjective::Abs, x0_, rate_, steps_);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  const float half = std::floor((avail.x - sp) / 2);
  const float ph = std::floor(avail.y * 0.55f);
  trace_plot("##gd_sq", GdObjective::Square, sq, colors::kSquareObjective, half, ph);
  ImGui::SameLine();
  trace_plot("##gd_abs", GdObjective::Abs, ab, colors::kAbsObjective, half, ph);
  const float th = ImGui::GetContentRegionAvail().y;
  step_table("##gd_sq_table", "f", sq, half, th);
  ImGui::SameLine();
  step_table("##gd_abs_table", "f", ab, half, th);
}

}  // namespace ll::lab
