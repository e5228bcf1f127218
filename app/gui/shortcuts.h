#pragma once
// Keyboard shortcuts of the classifier window (see the Help window).
#include "app/gui/app_state.h"

namespace ll::gui {

class Canvas;

// Call after the UI of the frame was built (so text fields can claim the keyboard first).
void handle_shortcuts(AppState& st, Canvas& canvas);

}  // namespace ll::gui
