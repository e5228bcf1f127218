#pragma once
// The window's actions, written once: {id, label, chords, enabled, run}. The buttons, the
// keyboard shortcuts (shortcuts.cpp loops over the table), the Help window and the script
// player's key names all read this table, so they cannot disagree. GL- and ImGui-free: tests
// dispatch keys through it without a window.
#include <bitset>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/classifier/model/app_state.h"

namespace ll::gui {

// The keys the window binds or scripts press. The window maps them to GLFW codes
// (shortcuts.h: glfw_key).
enum class Key {
  None,
  Space,
  Right,
  S,
  R,
  D,
  Z,
  Y,
  O,
  E,
  Delete,
  Escape,
  Enter,
  F1,
  F5,
  F11,
  Num1,
  Num2,
  Num3,
  Num4,
  Num5,
  Num6,
  Num7,
  Num8,
  Num9,
  Num0,
  Equal,  // = and + (zoom in)
  Minus,  // zoom out
  F,
  H,
  Count
};
constexpr std::size_t kKeyCount = static_cast<std::size_t>(Key::Count);

struct Chord {
  Key key = Key::None;
  bool ctrl = false;
  bool shift = false;
  friend bool operator==(const Chord&, const Chord&) = default;
};
// The script's name of a chord: "space", "right", "s", "1", "f5", "ctrl+shift+z".
std::string chord_name(Chord c);
// For people (Help window, tooltips): "Space", "→", "S", "1", "F5", "Ctrl+Shift+Z".
std::string chord_label(Chord c);
// A script key name: the chord name of a table action or of a key that dialogs and the canvas
// read themselves (widget_keys). Empty when the name is unknown.
std::optional<Chord> parse_chord(std::string_view name);
// Keys read by widgets rather than the table: Enter / Escape / D in the dialogs; and the
// relabel chords Shift+1 … Shift+9, Shift+0 (dispatch handles those after the table).
std::span<const Chord> widget_keys();

// Where a shortcut works.
enum class Scope {
  Always,      // also while a text field has the keyboard and outside the classifier
  Keyboard,    // not while typing; in every tab
  Classifier,  // not while typing; only while the classifier (or presenter mode) shows
};

// What an action may touch beyond the app state: the canvas's drag (cancelled before undo,
// redo and on Esc). Empty without a window.
struct ActionContext {
  AppState& st;
  std::function<void()> cancel_drag;
};

struct Action {
  const char* id;
  const char* label;  // button text
  const char* help;   // what it does: the Help window and the buttons' tooltips
  Chord chords[2];    // primary and alternative chord (Key::None: none)
  Scope scope;
  bool repeats;                      // a held key repeats the action
  bool (*enabled)(const AppState&);  // buttons show disabled; keys do nothing
  void (*run)(ActionContext&);
};

// The loss kinds the classifier offers, with the action that selects each (keys 1-4 for the
// demo's four): the loss panel's radio buttons and presenter mode's combo list these.
struct LossAction {
  LossKind kind;
  const char* id;
};
inline constexpr LossAction kLossActions[] = {
    {LossKind::WestonWatkins, "loss_ww"},      {LossKind::OneVsAll, "loss_ova"},
    {LossKind::Structured, "loss_structured"}, {LossKind::Softmax, "loss_softmax"},
    {LossKind::Sigmoid, "loss_sigmoid"},       {LossKind::Focal, "loss_focal"}};

// The table, in the order the shortcuts are handled within a frame.
std::span<const Action> actions();
// nullptr when there is no such id.
const Action* find_action(std::string_view id);
// Runs the action when it is enabled; returns whether it ran. Unknown ids do nothing.
bool run_action(ActionContext& cx, std::string_view id);
// "→ or S"
std::string chord_labels(const Action& a);
// "One training step (→ or S)"
std::string action_tooltip(const Action& a);

// One frame's keyboard as the window read it.
struct KeyInput {
  bool ctrl = false, shift = false;
  bool typing = false;              // a text field has the keyboard
  bool classifier = true;           // the classifier tab (or presenter mode) shows
  std::bitset<kKeyCount> pressed;   // went down this frame
  std::bitset<kKeyCount> repeated;  // went down or auto-repeated this frame
  void press(Key k) {
    pressed.set(static_cast<std::size_t>(k));
    repeated.set(static_cast<std::size_t>(k));
  }
};
// Runs every enabled action whose chord was pressed (in table order) and returns their ids.
// Ctrl must match; a chord without Shift also fires with Shift held unless the table binds the
// Shift variant of the same key (Ctrl+Z vs Ctrl+Shift+Z), or it is a number key: Shift+1 …
// Shift+0 relabel the selected point to class 0 … 9 (in the classifier, when it has that
// class; id "relabel"), so the loss keys 1-4 never touch the data.
std::vector<std::string_view> dispatch(ActionContext& cx, const KeyInput& in);
// The class a relabel chord stands for (Shift+1 -> 0, …, Shift+0 -> 9), or -1.
int relabel_class(const Chord& c);

// The Help window's keyboard rows: one per action, in table order.
struct HelpRow {
  std::string keys, what;
};
std::vector<HelpRow> help_rows();

// Scene files (background jobs, app/classifier/model/scene_file.h); messages go to st.status.
void open_scene_file(AppState& st);  // the path field: JSON, or CSV by extension
void save_scene_file(AppState& st);  // to st.document; without one, as save_scene_as
void save_scene_as(AppState& st);    // to st.path; an existing other file needs confirming

}  // namespace ll::gui
