#pragma once
// Keyboard shortcuts of the classifier window (see the Help window).
#include "app/gui/app_state.h"

namespace ll::gui {

class Canvas;

// Call after the UI of the frame was built (so text fields can claim the keyboard first).
// Only F1, F11 and undo/redo work outside the classifier (`classifier` false).
void handle_shortcuts(AppState& st, Canvas& canvas, bool classifier);

}  // namespace ll::gui
