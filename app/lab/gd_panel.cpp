#include "app/lab/gd_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/lab/lab_colors.h"
#include "app/widgets/figure_plot.h"
#include "core/lab/gd_demo.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;

figure::PlotFigure trace_figure(GdObjective f, const std::vector<GdStep>& steps, ImU32 color,
                                const Style& style) {
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
  figure::PlotFigure fig;
  fig.title = title;
  fig.x_label = "x";
  fig.y_label = "f(x)";
  fig.legend = false;
  figure::PlotSeries curve = figure::line(display_name(f), rgb(color), cx, cy, 2.0);
  curve.alpha = 110 / 255.0;
  figure::PlotSeries trace = figure::line("", style.colors().text, tx, ty, 1.0);
  trace.alpha = 0.7;
  figure::PlotSeries iterates = figure::markers("", rgb(color), tx, ty, 4.5);
  figure::PlotSeries start = figure::markers(
      "", rgb(colors::kHighlight), {tx.empty() ? 0.0 : tx[0]}, {ty.empty() ? 0.0 : ty[0]}, 6.0);
  if (tx.empty()) start.x.clear(), start.y.clear();
  fig.series = {std::move(curve), std::move(trace), std::move(iterates), std::move(start)};
  figure::fit_x(fig);
  figure::fit_y(fig, true);
  return fig;
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

LabFigures GdPanel::describe(const Style& style) const {
  const std::vector<GdStep> sq = gd_table(GdObjective::Square, x0_, rate_, steps_);
  const std::vector<GdStep> ab = gd_table(GdObjective::Abs, x0_, rate_, steps_);
  return {{trace_figure(GdObjective::Square, sq, colors::kSquareObjective, style),
           trace_figure(GdObjective::Abs, ab, colors::kAbsObjective, style)},
          2};
}

void GdPanel::draw(const Style* given) {
  const Style style = given ? *given : style_of_imgui();
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
  ImGui::SameLine();
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  export_.button([this, style] { return describe(style); }, last_size_, style);
  ImGui::TextWrapped(
      "x² has gradient 2x, which shrinks near the minimum: the steps shrink and x converges. "
      "|x| has gradient ±1 everywhere: every step has length r, so x overshoots 0 and "
      "oscillates forever (this is why MAE needs a decaying rate).");

  const std::vector<GdStep> sq = gd_table(GdObjective::Square, x0_, rate_, steps_);
  const std::vector<GdStep> ab = gd_table(GdObjective::Abs, x0_, rate_, steps_);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float half = std::floor((avail.x - sp) / 2);
  const float ph = std::floor(avail.y * 0.55f);
  last_size_ = ImVec2(2 * half, ph);
  const LabFigures figs = describe(style);
  w::FigurePlot("##gd_sq", figs.plots[0], ImVec2(half, ph), style);
  ImGui::SameLine();
  w::FigurePlot("##gd_abs", figs.plots[1], ImVec2(half, ph), style);
  const float th = ImGui::GetContentRegionAvail().y;
  step_table("##gd_sq_table", "f", sq, half, th);
  ImGui::SameLine();
  step_table("##gd_abs_table", "f", ab, half, th);
}

}  // namespace ll::lab
