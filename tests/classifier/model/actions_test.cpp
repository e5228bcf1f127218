// The action table (app/classifier/model/actions.h): one table feeds the buttons, the shortcuts,
// the Help window and the script's key names. Keys are dispatched here without a window.
#include "app/classifier/model/actions.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "app/classifier/model/script.h"

namespace ll::gui {
namespace {

using Ids = std::vector<std::string_view>;

KeyInput keys(Chord c) {
  KeyInput in;
  in.ctrl = c.ctrl;
  in.shift = c.shift;
  in.press(c.key);
  return in;
}

// Everything an action may change, to see that a dispatched action did something.
struct Observed {
  std::uint64_t revision;
  std::size_t points;
  bool help, presenter, exporting, fullscreen, playing;
  long steps;
  int cancels;
  std::string status;
  bool files_busy;
  double zoom, center_x, center_y;
  auto tie() const {
    return std::tie(revision, points, help, presenter, exporting, fullscreen, playing, steps,
                    cancels, status, files_busy, zoom, center_x, center_y);
  }
  bool operator==(const Observed& o) const { return tie() == o.tie(); }
};
Observed observe(const AppState& st, int cancels) {
  return {st.revision(),
          st.scene.points.size(),
          st.show_help,
          st.presenter,
          st.show_export,
          st.want_fullscreen_toggle,
          st.trainer.playing(),
          st.trainer.steps(),
          cancels,
          st.status,
          st.files.busy(),
          st.view.zoom(),
          st.view.center().x(),
          st.view.center().y()};
}

// A state in which every action is enabled but redo (history: one edit; a point selected), or,
// for redo, one in which the edit was undone. The path field stays empty: Open and Save only
// report that (no file is touched).
void enable_all(AppState& st, bool for_redo) {
  st.trainer.restart(st.scene);
  st.begin_frame(false);
  st.doc.add_point(3.0, 2.0, 0);  // outside [-1, 1]^2: home and fit move the view
  st.doc.seal();
  if (for_redo) st.undo();
  st.sel.selected = 0;
  st.view.set_rect(0, 0, 400, 300);
  st.view.pan_pixels(25, 10);
  st.refresh();
}

TEST(Actions, IdsAndChordsAreUnique) {
  std::set<std::string> ids, chords;
  int n_chords = 0;
  for (const Action& a : actions()) {
    EXPECT_TRUE(ids.insert(a.id).second) << "duplicate id " << a.id;
    // Every action has a key, except the loss buttons beyond the demo's four and the resets.
    const std::set<std::string> buttons = {"loss_sigmoid", "loss_focal", "reset_params",
                                           "reset_scene"};
    if (!buttons.count(a.id)) {
      EXPECT_NE(a.chords[0].key, Key::None) << a.id << " has no chord";
    }
    for (const Chord& c : a.chords) {
      if (c.key == Key::None) continue;
      ++n_chords;
      EXPECT_TRUE(chords.insert(chord_name(c)).second) << "chord used twice: " << chord_name(c);
    }
  }
  EXPECT_EQ(ids.size(), actions().size());
  EXPECT_EQ(static_cast<int>(chords.size()), n_chords);
  EXPECT_GE(actions().size(), 17u);
  for (const char* id : {"undo", "redo", "step", "play", "randomize", "help", "export", "present"})
    EXPECT_NE(find_action(id), nullptr) << id;
  EXPECT_EQ(find_action("no_such_action"), nullptr);
}

TEST(Actions, EachChordFiresItsActionExactlyOnce) {
  for (const Action& a : actions()) {
    for (const Chord& c : a.chords) {
      if (c.key == Key::None) continue;
      AppState st;
      enable_all(st, std::string_view(a.id) == "redo");
      if (std::string_view(a.id) == "loss_ww") {  // the default scene's loss: change it first
        LossSettings l = st.scene.loss;
        l.kind = LossKind::Softmax;
        st.doc.set_loss(l);
      }
      ASSERT_TRUE(a.enabled(st)) << a.id;
      int cancels = 0;
      ActionContext cx{st, [&] { ++cancels; }};
      const Observed before = observe(st, cancels);
      const Ids ran = dispatch(cx, keys(c));
      EXPECT_EQ(ran, Ids{a.id}) << chord_name(c);
      EXPECT_FALSE(observe(st, cancels) == before) << a.id << " changed nothing";
    }
  }
}

TEST(Actions, ActionsDoWhatTheySay) {
  AppState st;
  enable_all(st, false);
  int cancels = 0;
  ActionContext cx{st, [&] { ++cancels; }};
  EXPECT_EQ(dispatch(cx, keys({Key::Right})), Ids{"step"});
  EXPECT_EQ(st.trainer.steps(), 1);
  EXPECT_EQ(dispatch(cx, keys({Key::S})), Ids{"step"});
  EXPECT_EQ(st.trainer.steps(), 2);
  EXPECT_EQ(dispatch(cx, keys({Key::Num4})), Ids{"loss_softmax"});
  EXPECT_EQ(st.scene.loss.kind, LossKind::Softmax);
  const std::size_t n = st.scene.points.size();
  EXPECT_EQ(dispatch(cx, keys({Key::Delete})), Ids{"delete_point"});
  EXPECT_EQ(st.scene.points.size(), n - 1);
  EXPECT_EQ(st.sel.selected, -1);
  EXPECT_EQ(dispatch(cx, keys({Key::Z, true})), Ids{"undo"});
  EXPECT_EQ(st.scene.points.size(), n);
  EXPECT_EQ(cancels, 1);  // a drag is cancelled before the history moves
  EXPECT_EQ(dispatch(cx, keys({Key::Y, true})), Ids{"redo"});
  EXPECT_EQ(st.scene.points.size(), n - 1);
  EXPECT_EQ(dispatch(cx, keys({Key::Space})), Ids{"play"});
  EXPECT_TRUE(st.trainer.playing());
  EXPECT_EQ(dispatch(cx, keys({Key::Space})), Ids{"play"});
  EXPECT_FALSE(st.trainer.playing());
  EXPECT_EQ(dispatch(cx, keys({Key::S, true})), Ids{"save"});  // no document, no path name
  EXPECT_EQ(dispatch(cx, keys({Key::F1})), Ids{"help"});
  EXPECT_TRUE(st.show_help);
}

TEST(Actions, ModifiersScopesAndRepeat) {
  AppState st;
  enable_all(st, false);
  ActionContext cx{st, {}};
  // Shift+Ctrl+Z is redo, never undo; the table binds it, so Ctrl+Z with Shift is not undo.
  KeyInput in = keys({Key::Z, true, true});
  EXPECT_EQ(dispatch(cx, in), Ids{});  // nothing to redo
  EXPECT_EQ(st.scene.points.size(), default_scene().points.size() + 1);
  // A plain chord also fires with Shift held (Shift is the canvas's rotate-only modifier).
  in = keys({Key::Space});
  in.shift = true;
  EXPECT_EQ(dispatch(cx, in), Ids{"play"});
  EXPECT_EQ(dispatch(cx, in), Ids{"play"});
  // Ctrl must match: Ctrl+Space and Ctrl+R are nothing.
  EXPECT_EQ(dispatch(cx, keys({Key::Space, true})), Ids{});
  EXPECT_EQ(dispatch(cx, keys({Key::R, true})), Ids{});
  // While typing only Scope::Always works; outside the classifier Keyboard and Always.
  in = keys({Key::Right});
  in.typing = true;
  EXPECT_EQ(dispatch(cx, in), Ids{});
  in = keys({Key::Z, true});
  in.typing = true;
  EXPECT_EQ(dispatch(cx, in), Ids{});
  in = keys({Key::F1});
  in.typing = true;
  EXPECT_EQ(dispatch(cx, in), Ids{"help"});
  in = keys({Key::Right});
  in.classifier = false;
  EXPECT_EQ(dispatch(cx, in), Ids{});
  in = keys({Key::E, true});
  in.classifier = false;
  EXPECT_EQ(dispatch(cx, in), Ids{"export"});
  // Auto-repeat frames (held, not newly pressed) repeat only the repeating actions.
  in = {};
  in.repeated.set(static_cast<std::size_t>(Key::Right));
  in.repeated.set(static_cast<std::size_t>(Key::Space));
  EXPECT_EQ(dispatch(cx, in), Ids{"step"});
  // Number keys pick the loss, whatever is selected or hovered; Shift+digit relabels the
  // selected point and never reaches a loss action.
  st.sel.selected = 0;
  st.sel.hovered = 0;
  const int label0 = st.scene.points[0].label;
  EXPECT_EQ(dispatch(cx, keys({Key::Num2})), Ids{"loss_ova"});
  EXPECT_EQ(st.scene.loss.kind, LossKind::OneVsAll);
  EXPECT_EQ(st.scene.points[0].label, label0);
  KeyInput shifted = keys({Key::Num3});
  shifted.shift = true;
  EXPECT_EQ(dispatch(cx, shifted), Ids{"relabel"});
  EXPECT_EQ(st.scene.points[0].label, 2);
  EXPECT_EQ(st.scene.loss.kind, LossKind::OneVsAll);
  shifted = keys({Key::Num9});  // class 8: the scene has 3 classes
  shifted.shift = true;
  EXPECT_EQ(dispatch(cx, shifted), Ids{});
  EXPECT_EQ(st.scene.points[0].label, 2);
  st.sel.selected = -1;  // nothing selected: nothing to relabel (hovering is not enough)
  shifted = keys({Key::Num1});
  shifted.shift = true;
  EXPECT_EQ(dispatch(cx, shifted), Ids{});
  EXPECT_EQ(st.scene.points[0].label, 2);
  EXPECT_EQ(relabel_class({Key::Num1, false, true}), 0);
  EXPECT_EQ(relabel_class({Key::Num0, false, true}), 9);
  EXPECT_EQ(relabel_class({Key::Num1}), -1);
}

TEST(Actions, ResetParamsKeepsThePointsAndZoomKeysZoomAboutTheCentre) {
  AppState st;
  st.loaded = st.scene;
  st.refresh();
  ActionContext cx{st, {}};
  st.doc.add_point(0.3, 0.3, 1);
  st.randomize(7);
  ASSERT_FALSE(st.scene.params == st.loaded.params);
  const std::size_t n = st.scene.points.size();
  EXPECT_TRUE(run_action(cx, "reset_params"));
  EXPECT_TRUE(st.scene.params == st.loaded.params);
  EXPECT_EQ(st.scene.points.size(), n);  // the added point stays
  st.undo();                             // one undo entry: back to the randomized W, b
  EXPECT_FALSE(st.scene.params == st.loaded.params);
  EXPECT_TRUE(run_action(cx, "reset_scene"));  // everything, the added point too
  EXPECT_EQ(st.scene.points.size(), n - 1);

  st.view.set_rect(0, 0, 400, 200);
  const Eigen::Vector2d centre = st.view.to_world({200, 100});
  EXPECT_EQ(dispatch(cx, keys({Key::Equal})), Ids{"zoom_in"});
  EXPECT_DOUBLE_EQ(st.view.zoom(), 1.25);
  EXPECT_NEAR((st.view.to_world({200, 100}) - centre).norm(), 0.0, 1e-12);
  EXPECT_EQ(dispatch(cx, keys({Key::Minus})), Ids{"zoom_out"});
  EXPECT_DOUBLE_EQ(st.view.zoom(), 1.0);
  st.doc.add_point(5.0, 4.0, 0);
  EXPECT_EQ(dispatch(cx, keys({Key::F})), Ids{"fit_view"});
  EXPECT_LT(st.view.zoom(), 0.5);
  EXPECT_EQ(dispatch(cx, keys({Key::H})), Ids{"home_view"});
  EXPECT_EQ(st.view.center(), Eigen::Vector2d::Zero());
}

TEST(Actions, DisabledActionsDoNothing) {
  AppState st;  // empty history, nothing selected
  st.refresh();
  int cancels = 0;
  ActionContext cx{st, [&] { ++cancels; }};
  const Observed before = observe(st, cancels);
  EXPECT_FALSE(find_action("undo")->enabled(st));
  EXPECT_FALSE(find_action("redo")->enabled(st));
  EXPECT_FALSE(find_action("delete_point")->enabled(st));
  EXPECT_EQ(dispatch(cx, keys({Key::Z, true})), Ids{});
  EXPECT_EQ(dispatch(cx, keys({Key::Y, true})), Ids{});
  EXPECT_EQ(dispatch(cx, keys({Key::Z, true, true})), Ids{});
  EXPECT_EQ(dispatch(cx, keys({Key::Delete})), Ids{});
  EXPECT_FALSE(run_action(cx, "undo"));  // the buttons' path
  EXPECT_FALSE(run_action(cx, "redo"));
  EXPECT_FALSE(run_action(cx, "delete_point"));
  EXPECT_FALSE(run_action(cx, "no_such_action"));
  EXPECT_TRUE(observe(st, cancels) == before);
  EXPECT_EQ(cancels, 0);
  st.sel.selected = static_cast<int>(st.scene.points.size());  // out of range
  EXPECT_EQ(dispatch(cx, keys({Key::Delete})), Ids{});
  EXPECT_EQ(st.scene.points.size(), default_scene().points.size());
}

TEST(Actions, HelpListsEveryActionAndNothingElse) {
  const std::vector<HelpRow> rows = help_rows();
  ASSERT_EQ(rows.size(), actions().size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Action& a = actions()[i];
    EXPECT_EQ(rows[i].what, a.help);
    // Button-only actions say so instead of naming a key.
    EXPECT_EQ(rows[i].keys,
              chord_labels(a).empty() ? std::string(a.label) + " (button)" : chord_labels(a));
    EXPECT_FALSE(rows[i].keys.empty()) << a.id;
    // Every chord of the action appears in its row, as the tooltip shows it.
    for (const Chord& c : a.chords)
      if (c.key != Key::None) {
        EXPECT_NE(rows[i].keys.find(chord_label(c)), std::string::npos) << a.id;
        EXPECT_NE(action_tooltip(a).find(chord_label(c)), std::string::npos) << a.id;
      }
  }
  EXPECT_EQ(chord_labels(*find_action("redo")), "Ctrl+Shift+Z or Ctrl+Y");
  EXPECT_EQ(chord_labels(*find_action("step")), "→ or S");
  EXPECT_EQ(action_tooltip(*find_action("step")),
            "One training step (one parameter update) (→ or S)");
}

TEST(Actions, ScriptKeyNamesResolveForEveryChord) {
  for (const Action& a : actions())
    for (const Chord& c : a.chords) {
      if (c.key == Key::None) continue;
      const std::string name = chord_name(c);
      const auto parsed = parse_chord(name);
      ASSERT_TRUE(parsed.has_value()) << name;
      EXPECT_EQ(*parsed, c) << name;
      const auto cmds = parse_script("key " + name + "\n", "t");
      ASSERT_EQ(cmds.size(), 1u);
      EXPECT_EQ(cmds[0].text, name);
    }
  // Every key name scripts used before the table keeps working.
  // (The number keys 5-8 relabelled the point under the cursor; relabelling is Shift+digit of
  // the selected point now, so the loss keys never change the data.)
  for (const char* name : {"space",
                           "right",
                           "s",
                           "r",
                           "d",
                           "1",
                           "2",
                           "3",
                           "4",
                           "shift+5",
                           "shift+8",
                           "shift+0",
                           "delete",
                           "escape",
                           "enter",
                           "ctrl+s",
                           "ctrl+z",
                           "ctrl+y",
                           "ctrl+shift+z",
                           "plus",
                           "minus",
                           "f",
                           "h"})
    EXPECT_TRUE(parse_chord(name).has_value()) << name;
  EXPECT_EQ(*parse_chord("ctrl+shift+z"), (Chord{Key::Z, true, true}));
  EXPECT_EQ(*parse_chord("shift+5"), (Chord{Key::Num5, false, true}));
  EXPECT_FALSE(parse_chord("5").has_value());  // no action, no widget reads it
  for (const char* name : {"", "hyper", "ctrl+r", "shift+s", "Space", "ctrl+"})
    EXPECT_FALSE(parse_chord(name).has_value()) << name;
  for (const Chord& c : widget_keys()) EXPECT_TRUE(parse_chord(chord_name(c)).has_value());
}

TEST(Actions, LossActionsAreTheLossPanelsRadioButtons) {
  const std::pair<const char*, LossKind> kinds[] = {{"loss_ww", LossKind::WestonWatkins},
                                                    {"loss_ova", LossKind::OneVsAll},
                                                    {"loss_structured", LossKind::Structured},
                                                    {"loss_softmax", LossKind::Softmax}};
  for (const auto& [id, kind] : kinds) {
    EXPECT_STREQ(find_action(id)->label, display_name(kind));
    AppState st;
    ActionContext cx{st, {}};
    st.begin_frame(false);
    EXPECT_TRUE(run_action(cx, id));
    EXPECT_EQ(st.scene.loss.kind, kind);
  }
}

TEST(Actions, ALossThatCannotTakeMultiLabelPointsIsRefusedWithTheReason) {
  AppState st;
  Scene s = st.scene;
  s.loss.kind = LossKind::Sigmoid;
  s.points[0].set_label_mask(0b101);  // classes 0 and 2
  st.replace_scene(s);
  ActionContext cx{st, {}};
  EXPECT_TRUE(run_action(cx, "loss_softmax"));  // the action runs, the document refuses
  EXPECT_EQ(st.scene.loss.kind, LossKind::Sigmoid);
  ASSERT_EQ(st.banners.items().size(), 1u);
  EXPECT_EQ(st.banners.items()[0].message,
            multi_label_conflict(st.scene.points, LossKind::Softmax));
  EXPECT_FALSE(st.banners.items()[0].message.empty());
}

// The Randomize button (run_action) and the R key (dispatch) draw from the app's one generator.
TEST(Actions, RandomizeButtonAndKeyShareOneSeededSequence) {
  auto sequence = [](std::uint64_t seed, bool by_key) {
    AppState st;
    st.seed_randomizer(seed);
    ActionContext cx{st, {}};
    std::vector<Params> out;
    for (int i = 0; i < 4; ++i) {
      if (by_key) {
        EXPECT_EQ(dispatch(cx, keys({Key::R})), Ids{"randomize"});
      } else {
        EXPECT_TRUE(run_action(cx, "randomize"));
      }
      out.push_back(st.scene.params);
    }
    return out;
  };
  const std::vector<Params> button = sequence(42, false), key = sequence(42, true);
  ASSERT_EQ(button.size(), key.size());
  for (std::size_t i = 0; i < button.size(); ++i) {
    EXPECT_EQ(button[i], key[i]) << "draw " << i;
    if (i > 0) {
      EXPECT_FALSE(button[i] == button[i - 1]) << "draw " << i << " repeats the last";
    }
  }
  EXPECT_FALSE(sequence(43, false)[0] == button[0]);
  // Mixing the two paths continues the one sequence.
  AppState st;
  st.seed_randomizer(42);
  ActionContext cx{st, {}};
  run_action(cx, "randomize");
  dispatch(cx, keys({Key::R}));
  EXPECT_EQ(st.scene.params, button[1]);
  // Each draw is one undo entry and restarts the trainer's curve.
  EXPECT_EQ(st.doc.undo_size(), 2u);
  EXPECT_EQ(st.trainer.steps(), 0);
}

TEST(Script, SeedCommand) {
  const auto c = parse_script("seed 7\nkey r\n", "t");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].kind, ScriptCommand::Kind::Seed);
  EXPECT_EQ(c[0].n, 7);
  EXPECT_THROW(parse_script("seed\n", "t"), ScriptError);
  EXPECT_THROW(parse_script("seed -3\n", "t"), ScriptError);
}

}  // namespace
}  // namespace ll::gui
