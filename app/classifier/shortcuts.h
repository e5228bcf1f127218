#pragma once
// The window side of the action table (app/classifier/model/actions.h): keyboard shortcuts and the
// buttons that run table actions.
#include <string>
#include <string_view>

#include "app/classifier/model/actions.h"
#include "app/classifier/model/app_state.h"

namespace ll::gui {

class Canvas;

// The GLFW code of a key (ImGui 1.86 indexes io.KeysDown by them).
int glfw_key(Key k);

// Call after the UI of the frame was built (so text fields can claim the keyboard first).
// Outside the classifier (`classifier` false) only Scope::Always and Scope::Keyboard actions
// work.
void handle_shortcuts(AppState& st, Canvas& canvas, bool classifier);

// A button that runs table action `id`: the action's label (or `label`, e.g. "Pause##play"),
// disabled when the action is, its help and chords as the tooltip (then `detail`). Returns
// whether it ran.
bool action_button(ActionContext& cx, std::string_view id, const char* label = nullptr,
                   float width = 0.0f, const std::string& detail = {});
// The same as a trailing tab-bar button.
bool action_tab_button(ActionContext& cx, std::string_view id, const std::string& detail = {});
// Hover tooltip for the last item: the action's tooltip, then `detail`.
void action_tooltip_for_last_item(const Action& a, const std::string& detail = {});

}  // namespace ll::gui
