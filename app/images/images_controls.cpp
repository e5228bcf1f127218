#include "app/images/images_controls.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/widgets/flow.h"

namespace ll::imagestab {

namespace {

void section(const char* s) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("%s", s);
}

bool log_slider(const char* label, double* v, double lo, double hi, const char* fmt) {
  return ImGui::SliderScalar(label, ImGuiDataType_Double, v, &lo, &hi, fmt,
                             ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
}

template <class E, std::size_t N>
void radios(const E (&kinds)[N], E& value) {
  float x = 0.0f;
  const float room = ImGui::GetContentRegionAvail().x;
  for (std::size_t i = 0; i < N; ++i) {
    const float need = ImGui::GetFrameHeight() + ImGui::CalcTextSize(display_name(kinds[i])).x +
                       ImGui::GetStyle().ItemSpacing.x * 2;
    if (i && x + need <= room)
      ImGui::SameLine();
    else
      x = 0.0f;
    x += need;
    if (ImGui::RadioButton(display_name(kinds[i]), value == kinds[i])) value = kinds[i];
  }
}

}  // namespace

void controls(ImagesModel& m, const Style&) {
  const float fs = ImGui::GetFontSize();
  const bool busy = m.training();
  LossSettings& L = m.settings.loss;
  OptimizerSettings& O = m.settings.optimizer;
  const float field = std::max(fs * 6, ImGui::GetContentRegionAvail().x - fs * 7);
  ImGui::BeginDisabled(busy || m.data_state() == DataState::Loading);
  bool centre = m.centering();
  if (ImGui::Checkbox("centre the pixels", &centre)) m.set_centering(centre);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(
        "Subtract the training set's mean image from every image (CS231n's preprocessing, "
        "the default): x in [0, 1] becomes x - mean. Changing it reloads the data and starts "
        "over.");
  ImGui::EndDisabled();
  ImGui::BeginDisabled(busy);  // a run keeps the settings it started with
  section("Loss");
  const LossKind losses[] = {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
                             LossKind::Softmax,       LossKind::Sigmoid,  LossKind::Focal};
  radios(losses, L.kind);
  if (L.kind == LossKind::WestonWatkins || L.kind == LossKind::OneVsAll ||
      L.kind == LossKind::Structured) {
    ImGui::Checkbox("squared hinge", &L.squared);
    ImGui::SetNextItemWidth(field);
    const double lo = 0.0, hi = 5.0;
    ImGui::SliderScalar("margin Δ", ImGuiDataType_Double, &L.delta, &lo, &hi, "%.2f");
  }
  if (L.kind == LossKind::Focal) {
    ImGui::SetNextItemWidth(field);
    const double lo = 0.0, hi = 10.0;
    ImGui::SliderScalar("γ (focus)", ImGuiDataType_Double, &L.gamma, &lo, &hi, "%.2f");
  }
  section("Regularization");
  const RegKind regs[] = {RegKind::L2, RegKind::L1, RegKind::Elastic};
  radios(regs, L.reg);
  ImGui::SetNextItemWidth(field - fs * 3);
  log_slider("λ", &L.lambda, 0.0, 10.0, L.lambda == 0.0 ? "0 (off)" : "%.2e");
  ImGui::SameLine();
  if (ImGui::SmallButton("λ = 0")) L.lambda = 0.0;
  section("Optimizer");
  const OptimizerKind opts[] = {OptimizerKind::GD, OptimizerKind::SGD, OptimizerKind::Momentum,
                                OptimizerKind::Adam};
  radios(opts, O.kind);
  ImGui::SetNextItemWidth(field);
  log_slider("step size η", &O.lr, 1e-5, 10.0, "%.4g");
  if (O.kind != OptimizerKind::GD) {
    ImGui::SetNextItemWidth(field);
    int batch = O.batch;
    if (ImGui::SliderInt("batch size", &batch, 1, 4096, "%d", ImGuiSliderFlags_Logarithmic))
      O.batch = std::max(1, batch);
  }
  if (O.kind == OptimizerKind::Momentum) {
    ImGui::SetNextItemWidth(field);
    const double lo = 0.0, hi = 0.999;
    ImGui::SliderScalar("momentum μ", ImGuiDataType_Double, &O.momentum, &lo, &hi, "%.3f");
  }
  ImGui::SetNextItemWidth(field);
  log_slider("epochs", &m.epochs, 0.05, 50.0, "%.2f");
  int init = m.settings.init == images::Init::Zero ? 0 : 1;
  ImGui::RadioButton("W = 0", &init, 0);
  ImGui::SameLine();
  ImGui::RadioButton("W small random", &init, 1);
  m.settings.init = init == 0 ? images::Init::Zero : images::Init::Small;
  ImGui::EndDisabled();
  if (ImGui::SmallButton("Defaults for this loss")) {
    const double e = m.epochs;
    m.settings = images::default_settings(L.kind);
    m.epochs = e;
  }

  section("Training");
  const bool ready = m.data_state() == DataState::Ready;
  ImGui::BeginDisabled(!ready || busy);
  if (ImGui::Button("Train")) m.start_training(true);
  ImGui::SameLine();
  ImGui::BeginDisabled(!m.can_continue());
  if (ImGui::Button("Continue")) m.start_training(false);
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  if (busy) {
    if (widgets::progress_with_cancel(m.training_progress(), false, fs * 10)) m.cancel_training();
  }
  if (const auto& s = m.snapshot()) {
    ImGui::Text("step %ld, epoch %.2f%s", s->steps, s->epochs,
                s->status == StepStatus::Diverged ? " (diverged: try a smaller η)" : "");
    if (!s->evaluations.empty())
      ImGui::Text("test accuracy %.1f%%", 100.0 * s->evaluations.back().test_accuracy);
  } else if (ready) {
    ImGui::TextDisabled("not trained yet");
  }
}

}  // namespace ll::imagestab
