#include "app/lab/same_accuracy_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/lab/lab_colors.h"
#include "app/widgets/plot.h"
#include "core/curves.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;
const char* const kClasses[] = {"cat", "car", "frog"};
const char* const kNames[] = {"Model A", "Model B"};
constexpr ImU32 kModelColors[2] = {colors::kModelA, colors::kModelB};

// One editable table; returns its score.
TableScore model_table(const char* id, ProbabilityTable& t, ImU32 color, float tw) {
  const TableScore s = score(t);
  ImGui::PushID(id);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color), "%s", id);
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
  if (ImGui::BeginTable("##probs", 7, flags, ImVec2(tw, 0))) {
    ImGui::TableSetupColumn("sample");
    for (const char* c : kClasses) ImGui::TableSetupColumn(c);
    ImGui::TableSetupColumn("label");
    ImGui::TableSetupColumn("correct?");
    ImGui::TableSetupColumn("−ln p_y");
    ImGui::TableHeadersRow();
    for (int i = 0; i < int(t.probs.rows()); ++i) {
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::Text("%d", i + 1);
      for (int j = 0; j < 3; ++j) {
        ImGui::TableSetColumnIndex(j + 1);
        ImGui::PushID(j);
        float v = float(t.probs(i, j));
        ImGui::SetNextItemWidth(-1);
        if (j == t.labels(i)) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 230, 150, 255));
        if (ImGui::DragFloat("##p", &v, 0.005f, 0.0f, 1.0f, "%.2f", ImGuiSliderFlags_AlwaysClamp))
          t.probs(i, j) = v;
        if (j == t.labels(i)) ImGui::PopStyleColor();
        ImGui::PopID();
      }
      ImGui::TableSetColumnIndex(4);
      int label = t.labels(i);
      ImGui::SetNextItemWidth(-1);
      if (ImGui::Combo("##label", &label, kClasses, 3)) t.labels(i) = label;
      ImGui::TableSetColumnIndex(5);
      const bool ok = s.predictions(i) == t.labels(i);
      ImGui::TextColored(ok ? ImVec4(0.1f, 0.55f, 0.1f, 1) : ImVec4(0.8f, 0.1f, 0.1f, 1),
                         ok ? "yes" : "no (%s)", kClasses[s.predictions(i)]);
      ImGui::TableSetColumnIndex(6);
      ImGui::Text("%.3f", s.cross_entropy(i));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Text("error rate %.2f    mean cross-entropy %.3f nats", s.error_rate,
              s.mean_cross_entropy);
  ImGui::PopID();
  return s;
}

}  // namespace

SameAccuracyPanel::SameAccuracyPanel() {
  models_[0] = same_accuracy_model_a();
  models_[1] = same_accuracy_model_b();
}

void SameAccuracyPanel::draw() {
  ImGui::TextWrapped(
      "Both models get the same sample wrong, so their error rate is equal; cross-entropy still "
      "tells them apart, because it scores how much probability each puts on the correct class "
      "(highlighted). Drag a probability to edit it; rows are normalized before scoring.");
  if (ImGui::Button("Reset to the example")) {
    models_[0] = same_accuracy_model_a();
    models_[1] = same_accuracy_model_b();
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float tw = std::floor(avail.x * 0.5f);
  ImGui::BeginGroup();
  TableScore scores[2];
  for (int m = 0; m < 2; ++m) {
    scores[m] = model_table(kNames[m], models_[m], kModelColors[m], tw);
    ImGui::Spacing();
  }
  ImGui::EndGroup();
  ImGui::SameLine();

  // Every sample of both models placed on the −ln p curve.
  std::vector<double> cx(300), cy(300);
  for (int i = 0; i < 300; ++i) {
    cx[size_t(i)] = 0.005 + 0.99 * i / 299.0;
    cy[size_t(i)] = curves::cross_entropy(cx[size_t(i)]).value;
  }
  w::PlotOptions o;
  o.title = "Each sample on the cross-entropy curve";
  o.x_label = "p_y (normalized probability of the correct class)";
  o.y_label = "−ln p_y";
  o.fit_x = o.fit_y = false;
  o.x_min = 0, o.x_max = 1, o.y_min = -0.1, o.y_max = 5.0;
  if (w::BeginPlot("##same_acc", ImVec2(-1, std::min(avail.y, 420.0f)), o)) {
    w::PlotLine("−ln p", cx.data(), cy.data(), int(cx.size()), colors::kCrossEntropy, w::Axis::Y1,
                1.5f);
    std::vector<double> ce[2];
    for (int m = 0; m < 2; ++m) {
      ce[m].resize(size_t(scores[m].cross_entropy.size()));
      for (size_t i = 0; i < ce[m].size(); ++i)
        ce[m][i] = std::min(scores[m].cross_entropy(Eigen::Index(i)), 1e9);
      w::PlotScatter(kNames[m], scores[m].p_correct.data(), ce[m].data(), int(ce[m].size()),
                     kModelColors[m], w::Axis::Y1, m == 0 ? 6.0f : 4.5f);
    }
    w::PlotHover h = w::EndPlot();
    if (h.scatter_index >= 0 && h.scatter_series >= 0 && h.scatter_series < 2) {
      const TableScore& s = scores[h.scatter_series];
      ImGui::SetTooltip("%s, sample %d: p_y = %.3f, −ln p_y = %.3f", kNames[h.scatter_series],
                        h.scatter_index + 1, s.p_correct(h.scatter_index),
                        s.cross_entropy(h.scatter_index));
    }
  }
}

}  // namespace ll::lab
