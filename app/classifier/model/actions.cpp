#include "app/classifier/model/actions.h"

#include <algorithm>
#include <cctype>

namespace ll::gui {

namespace {

struct KeyName {
  Key key;
  const char* name;   // scripts
  const char* label;  // people
};
constexpr KeyName kKeyNames[] = {
    {Key::Space, "space", "Space"},
    {Key::Right, "right", "→"},
    {Key::S, "s", "S"},
    {Key::R, "r", "R"},
    {Key::D, "d", "D"},
    {Key::Z, "z", "Z"},
    {Key::Y, "y", "Y"},
    {Key::O, "o", "O"},
    {Key::E, "e", "E"},
    {Key::Delete, "delete", "Delete"},
    {Key::Escape, "escape", "Esc"},
    {Key::Enter, "enter", "Enter"},
    {Key::F1, "f1", "F1"},
    {Key::F5, "f5", "F5"},
    {Key::F11, "f11", "F11"},
    {Key::Num1, "1", "1"},
    {Key::Num2, "2", "2"},
    {Key::Num3, "3", "3"},
    {Key::Num4, "4", "4"},
    {Key::Num5, "5", "5"},
    {Key::Num6, "6", "6"},
    {Key::Num7, "7", "7"},
    {Key::Num8, "8", "8"},
    {Key::Num9, "9", "9"},
    {Key::Num0, "0", "0"},
    {Key::Equal, "plus", "+"},
    {Key::Minus, "minus", "−"},
    {Key::F, "f", "F"},
    {Key::H, "h", "H"},
};

const KeyName* key_name(Key k) {
  for (const KeyName& n : kKeyNames)
    if (n.key == k) return &n;
  return nullptr;
}

constexpr Chord kWidgetKeys[] = {
    {Key::Enter},
    {Key::Escape},
    {Key::D},
    {Key::Num1, false, true},
    {Key::Num2, false, true},
    {Key::Num3, false, true},
    {Key::Num4, false, true},
    {Key::Num5, false, true},
    {Key::Num6, false, true},
    {Key::Num7, false, true},
    {Key::Num8, false, true},
    {Key::Num9, false, true},
    {Key::Num0, false, true},
};

bool always(const AppState&) { return true; }

void set_loss_kind(AppState& st, LossKind k) {
  LossSettings l = st.scene.loss;
  l.kind = k;
  // Refused when points carry several labels and the loss is not sigmoid: say why.
  if (!st.doc.set_loss(l))
    st.banners.report("The loss was not changed", multi_label_conflict(st.scene.points, k));
}

void cancel_drag(ActionContext& cx) {
  if (cx.cancel_drag) cx.cancel_drag();
}

// Keyboard zoom about the canvas's centre.
void zoom_view(AppState& st, double factor) {
  const ViewTransform& v = st.view;
  st.view.zoom_about({v.rect_x() + 0.5 * v.rect_w(), v.rect_y() + 0.5 * v.rect_h()}, factor);
}

constexpr Chord none{};

// Handled in this order within a frame (as the shortcuts always were).
constexpr Action kActions[] = {
    {"cancel_drag",
     "Cancel drag",
     "cancel the current drag",
     {{Key::Escape}, none},
     Scope::Always,
     false,
     always,
     [](ActionContext& cx) { cancel_drag(cx); }},
    {"fullscreen",
     "Fullscreen",
     "fullscreen",
     {{Key::F11}, none},
     Scope::Always,
     false,
     always,
     [](ActionContext& cx) { cx.st.want_fullscreen_toggle = true; }},
    {"help",
     "Help",
     "this help",
     {{Key::F1}, none},
     Scope::Always,
     false,
     always,
     [](ActionContext& cx) { cx.st.show_help = !cx.st.show_help; }},
    {"present",
     "Present",
     "presenter mode: the canvas, the loss plot and a lecture's controls; large fonts, fullscreen",
     {{Key::F5}, none},
     Scope::Always,
     false,
     always,
     [](ActionContext& cx) { cx.st.presenter = !cx.st.presenter; }},
    {"undo",
     "Undo",
     "undo",
     {{Key::Z, true}, none},
     Scope::Keyboard,
     true,
     [](const AppState& st) { return st.doc.can_undo(); },
     [](ActionContext& cx) {
       cancel_drag(cx);
       cx.st.undo();
     }},
    {"redo",
     "Redo",
     "redo",
     {{Key::Z, true, true}, {Key::Y, true}},
     Scope::Keyboard,
     true,
     [](const AppState& st) { return st.doc.can_redo(); },
     [](ActionContext& cx) {
       cancel_drag(cx);
       cx.st.redo();
     }},
    {"open",
     "Open / import CSV",
     "open the path in the Scene tab (JSON, or CSV by extension)",
     {{Key::O, true}, none},
     Scope::Keyboard,
     false,
     always,
     [](ActionContext& cx) { open_scene_file(cx.st); }},
    {"save",
     "Save",
     "save the scene to its file (without one, to the path in the Scene tab)",
     {{Key::S, true}, none},
     Scope::Keyboard,
     false,
     always,
     [](ActionContext& cx) { save_scene_file(cx.st); }},
    {"export",
     "Export",
     "export the canvas or the loss plot as PNG 1x/2x/4x, SVG or PDF",
     {{Key::E, true}, none},
     Scope::Keyboard,
     false,
     always,
     [](ActionContext& cx) { cx.st.show_export = !cx.st.show_export; }},
    {"play",
     "Play",
     "play / pause training at the chosen rate",
     {{Key::Space}, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { cx.st.trainer.toggle(cx.st.doc); }},
    {"step",
     "Step",
     "one training step (one parameter update)",
     {{Key::Right}, {Key::S}},
     Scope::Classifier,
     true,
     always,
     [](ActionContext& cx) { cx.st.trainer.request_step(cx.st.doc); }},
    {"randomize",
     "Randomize",
     "randomize W, b (uniform in [−0.5, 0.5))",
     {{Key::R}, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { cx.st.randomize_next(); }},
    {"reset_params",
     "Reset W, b",
     "reset W and b to the loaded scene's (the points stay as they are)",
     {none, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) {
       cancel_drag(cx);
       cx.st.reset_params();
     }},
    {"reset_scene",
     "Reset scene",
     "back to the scene as loaded: points, W, b and settings (undo brings your edits back)",
     {none, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) {
       cancel_drag(cx);
       cx.st.replace_scene(cx.st.loaded);
     }},
    {"zoom_in",
     "Zoom in",
     "zoom in about the canvas centre",
     {{Key::Equal}, none},
     Scope::Classifier,
     true,
     always,
     [](ActionContext& cx) { zoom_view(cx.st, 1.25); }},
    {"zoom_out",
     "Zoom out",
     "zoom out about the canvas centre",
     {{Key::Minus}, none},
     Scope::Classifier,
     true,
     always,
     [](ActionContext& cx) { zoom_view(cx.st, 1.0 / 1.25); }},
    {"fit_view",
     "Fit to data",
     "fit the view to the points",
     {{Key::F}, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { cx.st.fit_view(); }},
    {"home_view",
     "Home view",
     "home view: [−1, 1]² about the origin, widened so that every point is whole",
     {{Key::H}, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { cx.st.home_view(); }},
    {"loss_ww",
     "Weston-Watkins SVM",
     "loss: Weston-Watkins SVM",
     {{Key::Num1}, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { set_loss_kind(cx.st, LossKind::WestonWatkins); }},
    {"loss_ova",
     "One-vs-All SVM",
     "loss: One-vs-All SVM",
     {{Key::Num2}, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { set_loss_kind(cx.st, LossKind::OneVsAll); }},
    {"loss_structured",
     "Structured SVM",
     "loss: Structured SVM",
     {{Key::Num3}, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { set_loss_kind(cx.st, LossKind::Structured); }},
    {"loss_softmax",
     "Softmax",
     "loss: Softmax",
     {{Key::Num4}, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { set_loss_kind(cx.st, LossKind::Softmax); }},
    // The probability losses beyond the demo's four: buttons only.
    {"loss_sigmoid",
     "Sigmoid (BCE)",
     "loss: one-vs-rest binary cross-entropy on each class score",
     {none, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { set_loss_kind(cx.st, LossKind::Sigmoid); }},
    {"loss_focal",
     "Focal",
     "loss: focal, -alpha (1 - p_y)^gamma ln p_y",
     {none, none},
     Scope::Classifier,
     false,
     always,
     [](ActionContext& cx) { set_loss_kind(cx.st, LossKind::Focal); }},
    {"delete_point",
     "Delete point",
     "remove the selected point",
     {{Key::Delete}, none},
     Scope::Classifier,
     false,
     [](const AppState& st) {
       return st.sel.selected >= 0 && st.sel.selected < static_cast<int>(st.scene.points.size());
     },
     [](ActionContext& cx) {
       cx.st.doc.delete_point(cx.st.sel.selected);
       cx.st.sel.selected = -1;
     }},
};

bool is_number_key(Key k) { return k >= Key::Num1 && k <= Key::Num0; }

// The table binds Shift+key (with the same Ctrl) to some action.
bool shift_variant_bound(const Chord& c) {
  for (const Action& a : kActions)
    for (const Chord& o : a.chords)
      if (o.key == c.key && o.ctrl == c.ctrl && o.shift) return true;
  return false;
}

bool fires(const Chord& c, bool repeats, const KeyInput& in) {
  if (c.key == Key::None) return false;
  const std::size_t k = static_cast<std::size_t>(c.key);
  if (!(repeats ? in.repeated[k] : in.pressed[k]) || c.ctrl != in.ctrl) return false;
  if (c.shift) return in.shift;
  if (is_number_key(c.key)) return !in.shift;  // Shift+digit relabels
  return !in.shift || !shift_variant_bound(c);
}

}  // namespace

std::string chord_name(Chord c) {
  const KeyName* n = key_name(c.key);
  if (!n) return {};
  return std::string(c.ctrl ? "ctrl+" : "") + (c.shift ? "shift+" : "") + n->name;
}

std::string chord_label(Chord c) {
  const KeyName* n = key_name(c.key);
  if (!n) return {};
  return std::string(c.ctrl ? "Ctrl+" : "") + (c.shift ? "Shift+" : "") + n->label;
}

std::optional<Chord> parse_chord(std::string_view name) {
  const auto known = [&](const Chord& c) { return c.key != Key::None && chord_name(c) == name; };
  for (const Action& a : kActions)
    for (const Chord& c : a.chords)
      if (known(c)) return c;
  for (const Chord& c : kWidgetKeys)
    if (known(c)) return c;
  return std::nullopt;
}

std::span<const Chord> widget_keys() { return kWidgetKeys; }

std::span<const Action> actions() { return kActions; }

const Action* find_action(std::string_view id) {
  for (const Action& a : kActions)
    if (id == a.id) return &a;
  return nullptr;
}

bool run_action(ActionContext& cx, std::string_view id) {
  const Action* a = find_action(id);
  if (!a || !a->enabled(cx.st)) return false;
  a->run(cx);
  return true;
}

std::string chord_labels(const Action& a) {
  std::string s;
  for (const Chord& c : a.chords)
    if (c.key != Key::None) s += (s.empty() ? "" : " or ") + chord_label(c);
  return s;
}

std::string action_tooltip(const Action& a) {
  std::string s = a.help;
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  const std::string keys = chord_labels(a);
  return keys.empty() ? s : s + " (" + keys + ")";
}

std::vector<std::string_view> dispatch(ActionContext& cx, const KeyInput& in) {
  std::vector<std::string_view> ran;
  for (const Action& a : kActions) {
    if (a.scope != Scope::Always && in.typing) continue;
    if (a.scope == Scope::Classifier && !in.classifier) continue;
    const bool pressed = std::any_of(std::begin(a.chords), std::end(a.chords),
                                     [&](const Chord& c) { return fires(c, a.repeats, in); });
    if (!pressed || !a.enabled(cx.st)) continue;
    a.run(cx);
    ran.emplace_back(a.id);
  }
  // Shift+digit: relabel the selected point (a deliberate gesture, apart from the loss keys).
  AppState& st = cx.st;
  const int sel = st.sel.selected;
  if (in.classifier && !in.typing && in.shift && !in.ctrl && sel >= 0 &&
      sel < static_cast<int>(st.scene.points.size())) {
    for (const Chord& c : kWidgetKeys) {
      const int k = relabel_class(c);
      if (k < 0 || k >= st.scene.classes() || !in.pressed[static_cast<std::size_t>(c.key)])
        continue;
      st.doc.relabel_point(sel, k);
      ran.emplace_back("relabel");
      break;
    }
  }
  return ran;
}

int relabel_class(const Chord& c) {
  if (!c.shift || c.ctrl || !is_number_key(c.key)) return -1;
  return c.key == Key::Num0 ? 9 : static_cast<int>(c.key) - static_cast<int>(Key::Num1);
}

std::vector<HelpRow> help_rows() {
  std::vector<HelpRow> rows;
  for (const Action& a : kActions) {
    const std::string keys = chord_labels(a);
    rows.push_back({keys.empty() ? std::string(a.label) + " (button)" : keys, a.help});
  }
  return rows;
}

// Background jobs (app/classifier/model/scene_file.h): the scene is replaced when the file is
// parsed, in Session::frame (which also resets the canvas anchors).
void open_scene_file(AppState& st) { st.files.open(st, st.path); }

void save_scene_as(AppState& st) {
  switch (check_save_target(st.path, st.document)) {
    case SaveCheck::Write:
      st.files.save(st, st.path);
      break;
    case SaveCheck::Confirm:
      st.confirm_overwrite = st.path;
      break;
    case SaveCheck::NoName:
      st.status = "Type a file name to save to.";
      break;
    case SaveCheck::NotJson:
      st.status = "Scenes are saved as JSON: use a .json name (CSV holds only the points).";
      break;
  }
}

void save_scene_file(AppState& st) {
  if (st.document.empty())
    save_scene_as(st);
  else
    st.files.save(st, st.document);
}

}  // namespace ll::gui
