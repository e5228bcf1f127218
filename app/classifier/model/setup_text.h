#pragma once
// The window's "Copy setup" and "Paste setup": the scene and the view options (regions, score
// class, grid, axes, margins, pull arrows, the landscape's slice) as one line of setup text
// (core/share.h: the scene validated exactly as a scene file). GL- and ImGui-free: the panel
// puts the text on the clipboard and reads it back.
#include <string>

#include "app/classifier/model/app_state.h"

namespace ll::gui {

// The current scene and view as a setup text.
std::string setup_text(const AppState& st);
// The view part alone (a JSON object), and applying one (unknown or ill-typed fields are
// ignored: the view is a convenience, the scene is what is validated).
std::string view_json(const AppState& st);
void apply_view_json(AppState& st, const std::string& json);

// Opens a setup text as one undoable scene replacement (and its view). Returns "" on success
// (st.status says what was opened), else the one-line reason; the scene is then unchanged.
std::string open_setup_text(AppState& st, const std::string& text);

}  // namespace ll::gui
