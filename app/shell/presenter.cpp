#define GLFW_INCLUDE_NONE
#include "app/shell/presenter.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "app/classifier/canvas.h"
#include "app/classifier/model/text_format.h"
#include "app/classifier/panels.h"
#include "app/classifier/shortcuts.h"
#include "app/classifier/text_textures.h"
#include "app/figure/presenter_layout.h"
#include "app/shell/window.h"
#include "app/text/formulas.h"
#include "app/widgets/flow.h"

namespace ll::gui {

float presenter_scale(float content_scale, float height_px) {
  const float want =
      std::max(kPresenterFontScale * content_scale, kPresenterMinTextHeight * height_px / 13.0f);
  return std::ceil(want * 8.0f) / 8.0f;
}

void Presentation::adopt(Theme theme, float scale) {
  theme_ = theme;
  scale_ = scale;
}

void Presentation::update(AppState& st, Window& window, Fonts& fonts) {
  if (st.presenter != presenting_) {
    presenting_ = st.presenter;
    GLFWwindow* w = window.handle();
    const bool fullscreen = glfwGetWindowMonitor(w) != nullptr;
    if (presenting_) {
      theme_before_ = st.options.theme;
      st.options.theme = Theme::Light;  // the projector theme
      made_fullscreen_ = !fullscreen && glfwGetPrimaryMonitor() != nullptr;
      if (made_fullscreen_) window.toggle_fullscreen();
    } else {
      st.options.theme = theme_before_;
      if (made_fullscreen_ && fullscreen) window.toggle_fullscreen();
      made_fullscreen_ = false;
    }
  }
  int w = 0, h = 0;
  window.window_size(&w, &h);
  const float scale = presenting_ ? presenter_scale(window.content_scale(),
                                                    static_cast<float>(h) * window.content_scale())
                                  : window.content_scale();
  if (scale != scale_) {
    // Rebuild the atlas at the new size: crisp glyphs instead of magnified ones. ImGui 1.86's
    // OpenGL3 backend needs its font texture destroyed and made again around the rebuild.
    ImGuiIO& io = ImGui::GetIO();
    const bool had_texture = io.Fonts->TexID != nullptr;
    if (had_texture) ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    TextTextures* text = fonts.text;  // the typeset formulas outlive the atlas
    HeatTexture* heat = fonts.landscape_heat;
    fonts = load_fonts(scale);
    fonts.text = text;
    fonts.landscape_heat = heat;
    if (had_texture) ImGui_ImplOpenGL3_CreateFontsTexture();  // else NewFrame builds it
    scale_ = scale;
    theme_ = st.options.theme;
    apply_theme(theme_, scale_);
  }
  if (st.options.theme != theme_) {
    theme_ = st.options.theme;
    apply_theme(theme_, scale_);
  }
  st.options.scale = scale_;  // the window's Style (st.options.style()) draws at this scale
}

namespace {

using widgets::button_width;
using widgets::same_line_if_fits;

// The width of a radio button with this label.
float radio_width(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(label, nullptr, true).x;
}

// Which figure fills the rest of the column.
void presenter_figure_choice(AppState& st) {
  if (ImGui::RadioButton("Loss plot", !st.presenter_landscape)) st.presenter_landscape = false;
  same_line_if_fits(radio_width("Landscape"));
  if (ImGui::RadioButton("Landscape", st.presenter_landscape)) st.presenter_landscape = true;
}

// The numbers, transport, loss choice, lambda and step size: what a lecture changes. As few
// rows as the column allows, so the loss plot or the landscape gets most of its height.
void presenter_controls(ActionContext& cx, const Fonts& fonts) {
  AppState& st = cx.st;
  const Evaluation& e = st.eval();
  const UiColors ui = ui_colors(st.options.style().theme);
  const float full = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;

  // The first row: the total loss, large, and the way out (F5 works too) at the top right,
  // where a presenter looks for it; the loss below it when both do not fit.
  char loss[48];
  std::snprintf(loss, sizeof loss, "loss %s", num(e.total_loss, 3).c_str());
  ImGui::PushFont(fonts.large);
  const float loss_w = ImGui::CalcTextSize(loss).x;
  ImGui::PopFont();
  const char* leave = "Leave (F5)";
  const float leave_w = button_width(leave);
  const float top = ImGui::GetCursorPosY();
  ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - leave_w);
  if (ImGui::Button(leave)) st.presenter = false;
  if (loss_w + spacing + leave_w <= full) ImGui::SetCursorPosY(top);
  ImGui::PushFont(fonts.large);
  ImGui::PushStyleColor(ImGuiCol_Text, e.total_loss > 0 ? ui.loss_pos : ui.loss_zero);
  ImGui::TextUnformatted(loss);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::Text("data %s + reg %s", num(e.data_loss, 3).c_str(), num(e.reg_loss, 3).c_str());
  char accuracy[32];
  std::snprintf(accuracy, sizeof accuracy, "accuracy %.0f%%", 100.0 * e.accuracy);
  ImGui::TextUnformatted(accuracy);
  const std::string steps = step_counter(st);
  same_line_if_fits(ImGui::CalcTextSize(steps.c_str()).x + ImGui::GetFontSize());
  if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x)  // a gap of one line on a row
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetFontSize());
  ImGui::TextUnformatted(steps.c_str());

  // Transport: half the usual spacing, so that the four buttons share a row more often.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                      ImVec2(std::round(spacing * 0.5f), ImGui::GetStyle().ItemSpacing.y));
  const char* play = st.trainer.playing() ? "Pause##play" : "Play##play";
  action_button(cx, "play", play, std::max(button_width("Pause"), button_width("Play")));
  for (const char* id : {"step", "reset_params", "randomize"}) {
    same_line_if_fits(button_width(find_action(id)->label));
    action_button(cx, id);
  }
  ImGui::PopStyleVar();
  if (!st.trainer.message().empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.loss_pos);
    ImGui::TextUnformatted(st.trainer.message().c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
  }

  // The loss: the same actions as the keys 1-4 and the loss panel's buttons.
  const char* current = display_name(st.scene.loss.kind);
  ImGui::SetNextItemWidth(full);
  if (ImGui::BeginCombo("##loss", current)) {
    for (const LossAction& la : kLossActions)
      if (ImGui::Selectable(find_action(la.id)->label, st.scene.loss.kind == la.kind))
        run_action(cx, la.id);
    ImGui::EndCombo();
  }
  draw_formula(fonts, text::loss_formula_markup(st.scene.loss));  // typeset, wrapped to the column
  // lambda and the step size: their sliders say which is which ("λ = 0.1"), side by side when
  // the column is wide enough.
  LossSettings L = st.scene.loss;
  OptimizerSettings O = st.scene.optimizer;
  const bool pair = figure::presenter_pair_fits(full, spacing, ImGui::GetFontSize());
  const float slider_w = pair ? std::floor((full - spacing) * 0.5f) : full;
  ImGui::SetNextItemWidth(slider_w);
  log_slider("##lambda", &L.lambda, 0.0, 112.0, L.lambda == 0.0 ? "λ = 0 (off)" : "λ = %.3g");
  if (pair) ImGui::SameLine();
  ImGui::SetNextItemWidth(pair ? full - slider_w - spacing : full);
  log_slider("##lr", &O.lr, 0.0005, 5.0, "η = %.3g");
  st.doc.set_loss(L);
  st.doc.set_optimizer(O);
}

}  // namespace

void draw_presenter_view(AppState& st, Canvas& canvas, const Fonts& fonts) {
  const float fs = ImGui::GetFontSize();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const auto column = static_cast<float>(figure::presenter_column_width(avail.x, avail.y, fs));
  canvas.draw_area(st, fonts, std::max(avail.x - column, fs * 8));
  ImGui::SameLine();
  ImGui::BeginChild("presenter_column", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  ActionContext cx{st, [&] { canvas.cancel_drag(st); }};
  ImGui::PushFont(fonts.small);
  presenter_controls(cx, fonts);
  ImGui::PopFont();
  st.refresh();  // the controls may have edited the scene
  // The live loss plot, or the loss landscape with the optimizer's path, takes the rest.
  ImGui::PushFont(fonts.small);
  presenter_figure_choice(st);
  ImGui::PopFont();
  const float plot_h = std::max(fs * 6.0f, ImGui::GetContentRegionAvail().y);
  if (st.presenter_landscape)
    draw_landscape_figure(st, ImVec2(0, plot_h), fonts);
  else
    panel_plot(st, fonts, plot_h);
  ImGui::EndChild();
}

}  // namespace ll::gui
