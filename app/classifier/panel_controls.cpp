// Training bar (Step, Play/Pause, Randomize, Reset) and the loss/regularizer/optimizer panel.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "app/classifier/model/text_format.h"
#include "app/classifier/panels.h"
#include "app/classifier/shortcuts.h"
#include "app/classifier/text_textures.h"
#include "app/text/formulas.h"
#include "app/widgets/flow.h"

namespace ll::gui {

using widgets::button_width;
using widgets::same_line_if_fits;

std::string step_counter(const AppState& st) {
  std::string s = "step " + std::to_string(st.trainer.steps());
  const OptimizerSettings& o = st.scene.optimizer;
  // Minibatch runs also count epochs (full-batch steps are an epoch each: nothing to add).
  if (o.kind != OptimizerKind::GD && static_cast<std::size_t>(o.batch) < st.scene.points.size())
    s += " · epoch " + std::to_string(st.trainer.epochs());
  return s;
}

void TrainingBar::draw(ActionContext& cx, const Fonts& fonts) {
  AppState& st = cx.st;
  const float fs = ImGui::GetFontSize();
  // One row when the panel is wide enough, wrapped (never clipped) when it is not.
  action_button(cx, "step");
  const char* play = st.trainer.playing() ? "Pause##play" : "Play##play";
  const float play_w = std::max(button_width("Pause"), button_width("Play"));
  same_line_if_fits(play_w);
  action_button(cx, "play", play, play_w);
  for (const char* id : {"randomize", "reset_params", "reset_scene"}) {
    same_line_if_fits(button_width(find_action(id)->label));
    action_button(cx, id);
  }
  same_line_if_fits(fs * 7);
  ImGui::SetNextItemWidth(fs * 7);
  ImGui::SliderScalar("##rate", ImGuiDataType_Double, &st.trainer.rate, &Trainer::kMinRate,
                      &Trainer::kMaxRate, "%.0f steps/s", ImGuiSliderFlags_Logarithmic);
  const std::string counter = step_counter(st);
  same_line_if_fits(ImGui::CalcTextSize(counter.c_str()).x);
  ImGui::TextUnformatted(counter.c_str());
  if (const std::size_t b = st.trainer.last_batch().size();
      b > 0 && !st.trainer.uses_worker(st.scene)) {
    const std::string ringed = "(amber rings: the last step's " + std::to_string(b) + " points)";
    same_line_if_fits(ImGui::CalcTextSize(ringed.c_str()).x);
    ImGui::TextDisabled("%s", ringed.c_str());
  }
  if (st.trainer.uses_worker(st.scene)) {  // large scenes train off the UI thread
    const char* what = st.trainer.busy() ? "(computing)" : "(worker)";
    same_line_if_fits(ImGui::CalcTextSize(what).x);
    ImGui::TextDisabled("%s", what);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "With %zu or more points, steps run on a worker thread; the canvas "
          "shows each result as it arrives.",
          st.trainer.worker_points);
  }

  const Evaluation& e = st.eval();
  ImGui::PushFont(fonts.large);
  ImGui::Text("loss %s", num(e.total_loss, 4).c_str());
  ImGui::PopFont();
  const std::string parts = "= data " + num(e.data_loss, 4) + " + reg " + num(e.reg_loss, 4);
  same_line_if_fits(ImGui::CalcTextSize(parts.c_str()).x);
  ImGui::TextDisabled("%s", parts.c_str());
  char acc[32];
  std::snprintf(acc, sizeof acc, "accuracy %.0f%%", 100.0 * e.accuracy);
  if (ImGui::GetItemRectMax().x + fs + ImGui::CalcTextSize(acc).x <=
      ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
    ImGui::SameLine(0, fs);
  ImGui::TextDisabled("%s", acc);
  // The size of W: without regularization on separable data it grows for as long as training
  // runs (softmax's loss only approaches 0), which the lecture asks about.
  const double wnorm = st.scene.params.W.norm();
  const std::string norm = "‖W‖ = " + num(wnorm, 3);
  if (ImGui::GetItemRectMax().x + fs + ImGui::CalcTextSize(norm.c_str()).x <=
      ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
    ImGui::SameLine(0, fs);
  ImGui::TextDisabled("%s", norm.c_str());
  if (st.scene.loss.lambda == 0.0 && e.accuracy == 1.0 && !is_hinge(st.scene.loss.kind) &&
      st.trainer.steps() > 0) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "λ = 0 on separable data: the loss keeps falling towards 0 while ‖W‖ grows without "
        "bound (any λ > 0 stops it).");
    ImGui::PopTextWrapPos();
  }
  if (!st.trainer.message().empty()) {
    const bool bad = st.trainer.diverged();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bad ? ImVec4(0.95f, 0.35f, 0.3f, 0.25f)
                                                : ImVec4(0.95f, 0.8f, 0.3f, 0.25f));
    ImGui::BeginChild("message", ImVec2(0, ImGui::GetFontSize() * 3.6f), true);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5);
    ImGui::TextUnformatted(st.trainer.message().c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 4);
    if (ImGui::Button("Dismiss")) st.trainer.clear_message();
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
}

bool log_slider(const char* label, double* v, double lo, double hi, const char* fmt) {
  return ImGui::SliderScalar(label, ImGuiDataType_Double, v, &lo, &hi, fmt,
                             ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
}

void LossPanel::draw(ActionContext& cx, const Fonts& fonts) {
  AppState& st = cx.st;
  // Sliders are 14 em, or what the panel leaves beside their label.
  const auto width_for = [](const char* label) {
    const float room = ImGui::GetContentRegionAvail().x -
                       ImGui::CalcTextSize(label, nullptr, true).x -
                       ImGui::GetStyle().ItemInnerSpacing.x;
    return std::max(ImGui::GetFontSize() * 4, std::min(ImGui::GetFontSize() * 14, room));
  };
  ImGui::TextDisabled("Loss (keys 1-4)");
  // The loss kinds are actions (keys 1-4): a click runs the action, as the key does.
  // Two columns where they fit, else one.
  const float col = std::min(ImGui::GetFontSize() * 13, ImGui::GetContentRegionAvail().x * 0.5f);
  for (int i = 0; i < static_cast<int>(std::size(kLossActions)); ++i) {
    const LossAction& la = kLossActions[i];
    const Action* a = find_action(la.id);
    const float need = ImGui::GetFrameHeight() + ImGui::CalcTextSize(a->label).x;
    const float left = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (i % 2 && left + ImGui::GetStyle().ItemSpacing.x <= col &&
        col + need <= ImGui::GetWindowContentRegionMax().x)
      ImGui::SameLine(col);
    if (ImGui::RadioButton(a->label, st.scene.loss.kind == la.kind)) run_action(cx, la.id);
    action_tooltip_for_last_item(*a);
  }
  LossSettings L = st.scene.loss;  // edited here, then committed to the document
  OptimizerSettings O = st.scene.optimizer;
  // Typeset (sub/superscripts, italics): the same markup as the exports; the loss in bold.
  draw_formula(fonts, text::loss_formula_markup(L), ImGuiCol_Text, true);
  draw_formula(fonts, text::total_loss_markup());
  if (is_hinge(L.kind)) {
    const float fs = ImGui::GetFontSize(), box = ImGui::GetFrameHeight();
    ImGui::Checkbox("squared hinge", &L.squared);
    same_line_if_fits(fs * 8 + ImGui::CalcTextSize("margin Δ").x + box);
    ImGui::SetNextItemWidth(fs * 8);
    const double dlo = 0.0, dhi = 5.0;
    ImGui::SliderScalar("margin Δ", ImGuiDataType_Double, &L.delta, &dlo, &dhi, "%.2f",
                        ImGuiSliderFlags_AlwaysClamp);
    same_line_if_fits(box + ImGui::CalcTextSize("show s = ±Δ").x + fs);
    ImGui::Checkbox("show s = ±Δ", &st.options.margins);
  }
  if (L.kind == LossKind::Focal) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const double glo = 0.0, ghi = 10.0, alo = 0.05, ahi = 4.0;
    ImGui::SliderScalar("γ (focus)", ImGuiDataType_Double, &L.gamma, &glo, &ghi, "%.2f",
                        ImGuiSliderFlags_AlwaysClamp);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderScalar("α", ImGuiDataType_Double, &L.alpha, &alo, &ahi, "%.2f",
                        ImGuiSliderFlags_AlwaysClamp);
  }
  // Class weights: the data loss is sum_i w_{y_i} L_i / sum_i w_{y_i} (PyTorch's convention).
  const int K = st.scene.classes();
  const bool weighted = !L.class_weights.empty();
  if (ImGui::TreeNodeEx("Class weights", weighted ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
    draw_formula(fonts, text::class_weights_markup());
    std::vector<double> w = weighted ? L.class_weights : std::vector<double>(K, 1.0);
    w.resize(static_cast<std::size_t>(K), 1.0);
    bool changed = false;
    for (int k = 0; k < K; ++k) {
      ImGui::PushID(k);
      const bool named = k < static_cast<int>(st.scene.class_names.size()) &&
                         !st.scene.class_names[static_cast<std::size_t>(k)].empty();
      const std::string label =
          "w_" + std::to_string(k) +
          (named ? " " + st.scene.class_names[static_cast<std::size_t>(k)] : std::string());
      ImGui::SetNextItemWidth(width_for(label.c_str()));
      changed |= log_slider(label.c_str(), &w[static_cast<std::size_t>(k)], 0.05, 20.0, "%.3g");
      ImGui::PopID();
    }
    if (changed) L.class_weights = w;
    ImGui::BeginDisabled(!weighted);
    if (ImGui::SmallButton("all 1")) L.class_weights.clear();
    ImGui::EndDisabled();
    ImGui::TreePop();
  }
  ImGui::Separator();
  ImGui::TextDisabled("Regularization (biases are not regularized)");
  const RegKind regs[] = {RegKind::L2, RegKind::L1, RegKind::Elastic};
  for (int i = 0; i < 3; ++i) {
    if (i)
      same_line_if_fits(ImGui::GetFrameHeight() + ImGui::CalcTextSize(display_name(regs[i])).x);
    if (ImGui::RadioButton(display_name(regs[i]), L.reg == regs[i])) L.reg = regs[i];
  }
  draw_formula(fonts, text::reg_formula_markup(L.reg));
  ImGui::SetNextItemWidth(width_for("λ") - ImGui::CalcTextSize("λ = 0").x - ImGui::GetFontSize());
  log_slider("λ", &L.lambda, 0.0, 112.0, L.lambda == 0.0 ? "0 (off)" : "%.4g");
  ImGui::SameLine();
  if (ImGui::SmallButton("λ = 0")) L.lambda = 0.0;
  if (L.reg == RegKind::Elastic) {
    ImGui::SetNextItemWidth(width_for("β"));
    const double blo = 0.0, bhi = 1.0;
    ImGui::SliderScalar("β", ImGuiDataType_Double, &L.elastic_beta, &blo, &bhi, "%.2f");
  }
  ImGui::Separator();
  ImGui::TextDisabled("Optimizer");
  ImGui::SetNextItemWidth(width_for("step size η"));
  log_slider("step size η", &O.lr, 0.0005, 5.0, "%.4g");
  const OptimizerKind opts[] = {OptimizerKind::GD, OptimizerKind::SGD, OptimizerKind::Momentum,
                                OptimizerKind::Adam};
  for (int i = 0; i < 4; ++i) {
    if (i)
      same_line_if_fits(ImGui::GetFrameHeight() + ImGui::CalcTextSize(display_name(opts[i])).x);
    if (ImGui::RadioButton(display_name(opts[i]), O.kind == opts[i])) O.kind = opts[i];
  }
  if (O.kind != OptimizerKind::GD) {
    ImGui::SetNextItemWidth(width_for("batch size"));
    int batch = O.batch;
    if (ImGui::SliderInt("batch size", &batch, 1, 256, "%d", ImGuiSliderFlags_Logarithmic))
      O.batch = std::max(1, batch);
  }
  if (O.kind == OptimizerKind::Momentum) {
    ImGui::SetNextItemWidth(width_for("momentum μ"));
    const double lo = 0.0, hi = 0.999;
    ImGui::SliderScalar("momentum μ", ImGuiDataType_Double, &O.momentum, &lo, &hi, "%.3f");
  }
  if (O.kind == OptimizerKind::Adam) {
    ImGui::SetNextItemWidth(width_for("β₂"));
    const double lo = 0.0, hi = 0.9999;
    ImGui::SliderScalar("β₁", ImGuiDataType_Double, &O.beta1, &lo, &hi, "%.4f");
    ImGui::SetNextItemWidth(width_for("β₂"));
    ImGui::SliderScalar("β₂", ImGuiDataType_Double, &O.beta2, &lo, &hi, "%.4f");
  }
  // Max-norm: a projection after each update (every ‖W_k‖ ≤ c), not a term of the loss.
  bool max_norm = O.max_norm > 0.0;
  if (ImGui::Checkbox("max-norm", &max_norm)) O.max_norm = max_norm ? 1.0 : 0.0;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "After each update, every row W_k with ‖W_k‖ > c is scaled back to ‖W_k‖ = c: a "
        "constraint on W (a projection), not part of the loss.");
  if (max_norm) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width_for("c = max ‖W_k‖"));
    log_slider("c = max ‖W_k‖", &O.max_norm, 0.01, 100.0, "%.3g");
  }
  st.doc.set_loss(L);
  st.doc.set_optimizer(O);
}

}  // namespace ll::gui
