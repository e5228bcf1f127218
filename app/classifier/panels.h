#pragma once
// The classifier's side panels, each a class that owns its state (as app/lab's panels are).
// Each changes the scene through st.doc's edit functions (one undo entry per interaction:
// AppState::begin_frame keeps the gesture while a widget is held); buttons that have a shortcut
// run the action table (app/classifier/model/actions.h).
#include <imgui.h>

#include <string>

#include "app/classifier/model/actions.h"
#include "app/classifier/model/app_state.h"
#include "app/classifier/theme.h"
#include "app/lab/lab_export.h"
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

// The loss landscape over a slice of parameter space, with the optimizer's path
// (panel_landscape.cpp). The figure fills what the controls leave of the available space.
class LandscapePanel {
 public:
  void draw(AppState& st, const Fonts& fonts);

 private:
  std::string x_text_, y_text_, field_error_;  // the "two parameters" fields as typed
  lab::LabExport export_{"landscape"};         // the Export… button
  ImVec2 figure_size_{640, 480};               // the figure's last on-screen size
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
  LandscapePanel landscape;
  HelpWindow help;
};

void panel_plot(AppState& st, const Fonts& fonts, float height);  // panel_plot.cpp
// The landscape figure alone in `size` (<= 0: the available space), updating its job; the
// Landscape tab and presenter mode draw it (panel_landscape.cpp). Returns the size drawn (0 x 0
// when there is no map yet).
ImVec2 draw_landscape_figure(AppState& st, ImVec2 size, const Fonts& fonts);

void scene_file_popups(AppState& st);
// Opens the setup text on the clipboard (Paste setup, Ctrl+V), or reports why not (panel_scene).
void paste_setup(AppState& st);  // once a frame: the "replace the file?" prompt

// Shared helpers.
std::string step_counter(const AppState& st);  // "step 12 · epoch 3" (epochs for minibatches)
// A logarithmic slider of a double in [lo, hi] (clamped); true when it changed.
bool log_slider(const char* label, double* v, double lo, double hi, const char* fmt);

}  // namespace ll::gui
