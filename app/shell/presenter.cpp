#define GLFW_INCLUDE_NONE
#include "app/shell/presenter.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>

#include "app/classifier/canvas.h"
#include "app/classifier/model/text_format.h"
#include "app/shell/window.h"

namespace ll::gui {

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
  const float scale = window.content_scale() * (presenting_ ? kPresenterFontScale : 1.0f);
  if (scale != scale_) {
    // Rebuild the atlas at the new size: crisp glyphs instead of magnified ones. ImGui 1.86's
    // OpenGL3 backend needs its font texture destroyed and made again around the rebuild.
    ImGuiIO& io = ImGui::GetIO();
    const bool had_texture = io.Fonts->TexID != nullptr;
    if (had_texture) ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    fonts = load_fonts(scale);
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

void draw_presenter_view(AppState& st, Canvas& canvas, const Fonts& fonts) {
  const float fs = ImGui::GetFontSize();
  const float strip = fonts.large->FontSize + ImGui::GetStyle().ItemSpacing.y * 2 + fs * 0.4f;
  ImGui::BeginChild("canvas_area", ImVec2(0, -strip), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  canvas.draw(st, fonts, st.options.style());
  ImGui::EndChild();
  st.refresh();  // the canvas may have edited the scene
  const Evaluation& e = st.eval();
  const UiColors ui = ui_colors(st.options.style().theme);
  ImGui::PushFont(fonts.large);
  ImGui::TextUnformatted(display_name(st.scene.loss.kind));
  bool full = false;  // a narrow window shows the items that fit, in order of importance
  const auto item = [&](const char* name, const std::string& value, ImU32 col) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float need = fs * 1.0f + ImGui::CalcTextSize(name).x + style.ItemSpacing.x +
                       ImGui::CalcTextSize(value.c_str()).x;
    ImGui::SameLine(0, 0);
    full = full || ImGui::GetContentRegionAvail().x < need;
    if (full) return;
    ImGui::SameLine(0, fs * 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.text_weak);
    ImGui::TextUnformatted(name);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopStyleColor();
  };
  item("data", num(e.data_loss), ui.text_strong);
  item("reg", num(e.reg_loss), ui.text_strong);
  item("total", num(e.total_loss), e.total_loss > 0 ? ui.loss_pos : ui.loss_zero);
  char acc[16];
  std::snprintf(acc, sizeof acc, "%.0f%%", 100.0 * e.accuracy);
  item("accuracy", acc, ui.text_strong);
  item("step", std::to_string(st.trainer.steps()), ui.text_strong);
  ImGui::PopFont();
  ImGui::NewLine();
  // The way out (F5 works too): a small button floating over the canvas's top-right corner, in
  // its own window so that it takes clicks before the canvas does.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - fs * 0.6f, vp->Pos.y + fs * 0.6f),
                          ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin("##leave_presenter", nullptr, flags)) {
    ImGui::PushFont(fonts.small);
    if (ImGui::Button("Leave (F5)")) st.presenter = false;
    ImGui::PopFont();
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace ll::gui
