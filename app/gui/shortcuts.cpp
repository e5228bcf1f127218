#define GLFW_INCLUDE_NONE
#include "app/gui/shortcuts.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>

#include "app/gui/canvas.h"
#include "app/gui/panels.h"

namespace ll::gui {

namespace {
bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }
bool repeat(int key) { return ImGui::IsKeyPressed(key, true); }
}  // namespace

void handle_shortcuts(AppState& st, Canvas& canvas, bool classifier) {
  const ImGuiIO& io = ImGui::GetIO();
  if (pressed(GLFW_KEY_ESCAPE)) canvas.cancel_drag(st);
  if (pressed(GLFW_KEY_F11)) st.want_fullscreen_toggle = true;
  if (pressed(GLFW_KEY_F1)) st.show_help = !st.show_help;
  if (pressed(GLFW_KEY_F5)) st.presenter = !st.presenter;
  if (io.WantTextInput) return;
  if (io.KeyCtrl) {
    if (repeat(GLFW_KEY_Z) && !io.KeyShift) {
      canvas.cancel_drag(st);
      st.undo();
    } else if ((repeat(GLFW_KEY_Z) && io.KeyShift) || repeat(GLFW_KEY_Y)) {
      canvas.cancel_drag(st);
      st.redo();
    }
    if (pressed(GLFW_KEY_O)) open_scene_file(st, canvas);
    if (pressed(GLFW_KEY_S)) save_scene_file(st);
    if (pressed(GLFW_KEY_E)) st.show_export = !st.show_export;
    return;
  }
  if (!classifier) return;
  if (pressed(GLFW_KEY_SPACE)) st.trainer.toggle(st.doc);
  if (repeat(GLFW_KEY_RIGHT) || repeat(GLFW_KEY_S)) st.trainer.step(st.doc);
  if (pressed(GLFW_KEY_R)) {
    static unsigned long long seed = static_cast<unsigned long long>(
        std::chrono::steady_clock::now().time_since_epoch().count());
    st.randomize(seed += 7919);
  }
  if (!st.sel.key_consumed) {
    const LossKind kinds[] = {LossKind::WestonWatkins, LossKind::OneVsAll, LossKind::Structured,
                              LossKind::Softmax};
    for (int i = 0; i < 4; ++i)
      if (pressed(GLFW_KEY_1 + i)) {
        LossSettings l = st.scene.loss;
        l.kind = kinds[i];
        st.doc.set_loss(l);
      }
  }
  if (pressed(GLFW_KEY_DELETE) && st.sel.selected >= 0) {
    st.doc.delete_point(st.sel.selected);
    st.sel.selected = -1;
  }
}

}  // namespace ll::gui
