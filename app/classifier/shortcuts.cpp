#define GLFW_INCLUDE_NONE
#include "app/classifier/shortcuts.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/classifier/canvas.h"

namespace ll::gui {

int glfw_key(Key k) {
  switch (k) {
    case Key::Space:
      return GLFW_KEY_SPACE;
    case Key::Right:
      return GLFW_KEY_RIGHT;
    case Key::S:
      return GLFW_KEY_S;
    case Key::R:
      return GLFW_KEY_R;
    case Key::D:
      return GLFW_KEY_D;
    case Key::Z:
      return GLFW_KEY_Z;
    case Key::Y:
      return GLFW_KEY_Y;
    case Key::O:
      return GLFW_KEY_O;
    case Key::E:
      return GLFW_KEY_E;
    case Key::Delete:
      return GLFW_KEY_DELETE;
    case Key::Escape:
      return GLFW_KEY_ESCAPE;
    case Key::Enter:
      return GLFW_KEY_ENTER;
    case Key::F1:
      return GLFW_KEY_F1;
    case Key::F5:
      return GLFW_KEY_F5;
    case Key::F11:
      return GLFW_KEY_F11;
    case Key::Num1:
    case Key::Num2:
    case Key::Num3:
    case Key::Num4:
    case Key::Num5:
    case Key::Num6:
    case Key::Num7:
    case Key::Num8:
    case Key::Num9:
      return GLFW_KEY_1 + (static_cast<int>(k) - static_cast<int>(Key::Num1));
    case Key::Num0:
      return GLFW_KEY_0;
    case Key::Equal:
      return GLFW_KEY_EQUAL;
    case Key::Minus:
      return GLFW_KEY_MINUS;
    case Key::F:
      return GLFW_KEY_F;
    case Key::H:
      return GLFW_KEY_H;
    case Key::None:
    case Key::Count:
      break;
  }
  return -1;
}

void handle_shortcuts(AppState& st, Canvas& canvas, bool classifier) {
  const ImGuiIO& io = ImGui::GetIO();
  KeyInput in;
  in.ctrl = io.KeyCtrl;
  in.shift = io.KeyShift;
  in.typing = io.WantTextInput;
  in.classifier = classifier;
  for (std::size_t i = 1; i < kKeyCount; ++i) {
    const int code = glfw_key(static_cast<Key>(i));
    if (code < 0) continue;
    in.pressed[i] = ImGui::IsKeyPressed(code, false);
    in.repeated[i] = ImGui::IsKeyPressed(code, true);
  }
  ActionContext cx{st, [&] { canvas.cancel_drag(st); }};
  dispatch(cx, in);
}

void action_tooltip_for_last_item(const Action& a, const std::string& detail) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
  const std::string tip = action_tooltip(a);
  if (detail.empty())
    ImGui::SetTooltip("%s", tip.c_str());
  else
    ImGui::SetTooltip("%s %s", tip.c_str(), detail.c_str());
}

bool action_button(ActionContext& cx, std::string_view id, const char* label, float width,
                   const std::string& detail) {
  const Action* a = find_action(id);
  if (!a) return false;
  const bool enabled = a->enabled(cx.st);
  ImGui::BeginDisabled(!enabled);
  const bool clicked = ImGui::Button(label ? label : a->label, ImVec2(width, 0));
  ImGui::EndDisabled();
  action_tooltip_for_last_item(*a, detail);
  return clicked && run_action(cx, id);
}

bool action_tab_button(ActionContext& cx, std::string_view id, const std::string& detail) {
  const Action* a = find_action(id);
  if (!a) return false;
  const bool enabled = a->enabled(cx.st);
  ImGui::BeginDisabled(!enabled);
  const bool clicked = ImGui::TabItemButton(a->label, ImGuiTabItemFlags_Trailing);
  ImGui::EndDisabled();
  action_tooltip_for_last_item(*a, detail);
  return clicked && run_action(cx, id);
}

}  // namespace ll::gui
