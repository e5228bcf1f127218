#pragma once
// The classifier's side panels, each a class that owns its state (as app/lab's panels are).
// Each changes the scene through st.doc's edit functions (one undo entry per interaction:
// AppState::begin_frame keeps the gesture while a widget is held); buttons that have a shortcut
// run the action table (app/classifier/model/actions.h).
#include "app/classifier/model/actions.h"
#include "app/classifier/model/app_state.h"
#include "app/classifier/theme.h"
#include "core/datasets.h"

namespace ll::gui {

class Canvas;

// Step, Play/Pause, Randomize, Reset, the rate, and the loss numbers (panel_controls.cpp).
class TrainingBar {
 public:
  void draw(ActionContext& cx, const Fonts& fonts);
};

// Loss, regularizer and optimizer settings (panel_controls.cpp).
class LossPanel {
 public:
  void draw(ActionContext& cx, const Fonts& fonts);
};

// W and b with their gradients (panel_params.cpp).
class ParamsPanel {
 public:
  void draw(AppState& st, const Fonts& fonts);
};

// The data table (panel_data.cpp).
class DataPanel {
 public:
  void draw(AppState& st, const Fonts& fonts);

 private:
  int last_selected_ = -1;  // scrolls to a row newly selected on the canvas
};

// The selected point's loss worked out (panel_worked.cpp).
class WorkedPanel {
 public:
  void draw(const AppState& st, const Fonts& fonts);
};

// Presets, generator, classes, files and view options (panel_scene.cpp).
class ScenePanel {
 public:
  void draw(ActionContext& cx, const Fonts& fonts, Canvas& canvas);

 private:
  int preset_ = 0;
  BlobsOptions blobs_;
};

// The Help window: mouse gestures, then one row per action (panel_help.cpp).
class HelpWindow {
 public:
  void draw(AppState& st);
};

// The classifier's panels as the layout holds them.
struct ClassifierPanels {
  TrainingBar training;
  LossPanel loss;
  ParamsPanel params;
  DataPanel data;
  WorkedPanel worked;
  ScenePanel scene;
  HelpWindow help;
};

void panel_plot(AppState& st, const Fonts& fonts, float height);  // panel_plot.cpp

void scene_file_popups(AppState& st);  // once a frame: the "replace the file?" prompt

// Shared helpers.
std::string step_counter(const AppState& st);  // "step 12 · epoch 3" (epochs for minibatches)
// A logarithmic slider of a double in [lo, hi] (clamped); true when it changed.
bool log_slider(const char* label, double* v, double lo, double hi, const char* fmt);

}  // namespace ll::gui
