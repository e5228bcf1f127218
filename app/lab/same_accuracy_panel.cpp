#include "app/lab/same_accuracy_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/lab/lab_colors.h"
#include "app/widgets/figure_plot.h"
#include "core/curves.h"

namespace ll::lab {
namespace {

namespace w = ll::widgets;
const char* const kClasses[] = {"cat", "car", "frog"};
const char* const kNames[] = {"Model A", "Model B"};
constexpr ImU32 kModelColors[2] = {colors::kModelA, colors::kModelB};

// One editable table; returns its score.
TableScore model_table(const char* id, ProbabilityTable& t, ImU32 color, float tw) {
  TableScore s = score(t);
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

void SameAccuracyPanel::draw(const Style* given) {
  const Style style = given ? *given : style_of_imgui();
  ImGui::TextWrapped(
      "Both models get the same sample wrong, so their error rate is equal; cross-entropy still "
      "tells them apart, because it scores how much probability each puts on the correct class "
      "(highlighted). Drag a probability to edit it; rows are normalized before scoring.");
  if (ImGui::Button("Reset to the example")) {
    models_[0] = same_accuracy_model_a();
    models_[1] = same_accuracy_model_b();
  }
  ImGui::SameLine();
  export_.button([this, style] { return describe(style); }, last_size_, style);
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

  const ImVec2 size(ImGui::GetContentRegionAvail().x, std::min(avail.y, 420.0f));
  last_size_ = size;
  const LabFigures figs = describe(style);
  const w::FigureHover h = w::FigurePlot("##same_acc", figs.plots[0], size, style);
  const int m = h.series - 1;  // series 1 and 2 are the models' samples
  if (h.index >= 0 && (m == 0 || m == 1)) {
    const TableScore& s = scores[m];
    ImGui::SetTooltip("%s, sample %d: p_y = %.3f, −ln p_y = %.3f", kNames[m], h.index + 1,
                      s.p_correct(h.index), s.cross_entropy(h.index));
  }
}

LabFigures SameAccuracyPanel::describe(const Style&) const {
  figure::PlotFigure f;
  f.title = "Each sample on the cross-entropy curve";
  f.x_label = "p_y (normalized probability of the correct class)";
  f.y_label = "−ln p_y";
  f.x_min = 0, f.x_max = 1, f.y_min = -0.1, f.y_max = 5.0;
  std::vector<double> cx(300), cy(300);
  for (int i = 0; i < 300; ++i) {
    cx[size_t(i)] = 0.005 + 0.99 * i / 299.0;
    cy[size_t(i)] = curves::cross_entropy(cx[size_t(i)]).value;
  }
  f.series.push_back(figure::line("−ln p", rgb(colors::kCrossEntropy), cx, cy, 1.5));
  for (int m = 0; m < 2; ++m) {
    const TableScore s = score(models_[m]);
    std::vector<double> px(size_t(s.p_correct.size())), ce(px.size());
    for (size_t i = 0; i < ce.size(); ++i) {
      px[i] = s.p_correct(Eigen::Index(i));
      ce[i] = std::min(s.cross_entropy(Eigen::Index(i)), 1e9);
    }
    f.series.push_back(
        figure::markers(kNames[m], rgb(kModelColors[m]), px, ce, m == 0 ? 6.0 : 4.5));
  }
  return {{std::move(f)}, 1};
}

}  // namespace ll::lab
