#pragma once
// Everything the window edits and shows, in one place the panels share. GL-free.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/classifier/model/banner.h"
#include "app/classifier/model/landscape_view.h"
#include "app/classifier/model/palette.h"
#include "app/classifier/model/scene_file.h"
#include "app/classifier/model/training.h"
#include "app/classifier/model/view.h"
#include "app/figure/canvas_figure.h"
#include "core/document.h"
#include "core/losses.h"
#include "core/scene.h"

namespace ll::gui {

using figure::RegionMode;

// The canvas options (regions, score class, grid, axes, margins: app/figure's CanvasOptions,
// the same struct the exports take) plus what only the window has.
struct ViewOptions : figure::CanvasOptions {
  bool pull_arrows = false;  // per-point -dL_i/dx arrows
  Theme theme = Theme::Light;
  palette::Scheme scheme = palette::Scheme::Demo;  // ColorBlindSafe: Okabe-Ito classes 0-2
  float scale = 1.0f;  // UI scale (content scale, times 1.75 presenting): set by Presentation
  // The one Style everything in the window draws with (canvas, overlay, panels, lab, exports).
  Style style() const { return {theme, scheme, scale}; }
};

struct Selection {
  int hovered = -1;     // point under the cursor or the hovered table row (last frame)
  int selected = -1;    // selected point (canvas or table)
  int hover_next = -1;  // collected during this frame; becomes `hovered` at its end
};

struct AppState {
  AppState() = default;
  AppState(const AppState&) = delete;
  AppState& operator=(const AppState&) = delete;

  // The scene is owned by the document; every change goes through doc's edit functions (or the
  // helpers below). `scene` is a read-only view of it.
  Document doc;
  const Scene& scene = doc.scene();
  Scene loaded;          // "Reset" returns here
  std::string path;      // open/save path field
  std::string document;  // the JSON file the scene was opened from or last saved to ("Save")
  std::string confirm_overwrite;  // a save waiting for "replace the existing file?"
  Trainer trainer;
  ViewTransform view;
  ViewOptions options;
  Selection sel;
  int new_point_class = 0;  // class of points added by clicking empty space
  std::string status;       // last file/preset message
  bool show_help = false;
  bool want_fullscreen_toggle = false;
  bool presenter = false;            // presenter mode (F5): big fonts, canvas and loss numbers only
  bool show_export = false;          // the Export window
  LandscapeView landscape;           // the Landscape tab's slice and its background job
  bool presenter_landscape = false;  // presenter mode: the landscape instead of the loss plot
  // --- session (issue 9, app/shell/session.cpp draws them) ---
  Banners banners;   // failures (save, autosave, export): st.banners.report(title, cause)
  SceneFiles files;  // background Open/Save: st.files.open(st, path) / st.files.save(st, path)
  // --- end session ---

  // The evaluation of the current scene, keyed on the document's revision.
  const Evaluation& eval() const { return eval_; }
  // The indices of the scene's multi-label points, keyed on the points' revision: the overlay
  // marks them every frame without looking at each of a million points.
  const std::vector<std::uint32_t>& multi_label_points() const { return multi_label_points_; }
  void refresh();
  // An evaluation of the scene as it is now, made elsewhere (a worker): refresh() takes it
  // instead of evaluating again, as long as the scene has not changed since.
  void adopt_evaluation(Evaluation e) {
    adopted_ = std::move(e);
    adopted_revision_ = doc.revision();
  }

  // Whole-scene replacements (reset, preset, file): one undo entry, optimizer restarted, the
  // view back home.
  void replace_scene(Scene s);
  // "Reset W, b": the loaded scene's parameters (or the default ones when the class count has
  // changed since), keeping the points; one undo entry, optimizer restarted.
  void reset_params();
  // The home view (the demo's [-1, 1]^2 about the origin, widened so every point is whole) and
  // fit-to-data (centred on the points), for the current points.
  void home_view();
  void fit_view();
  void randomize(unsigned long long seed);
  // "Randomize" (button and R key): the next parameters from the app's one generator. It is
  // seeded once, by seed_randomizer or else from the clock when the state is made, and its
  // sequence is deterministic from there.
  void randomize_next();
  void seed_randomizer(std::uint64_t seed) { random_state_ = seed; }
  void undo();
  void redo();

  // Once a frame before the UI: a new gesture unless an interaction (a drag, a held widget)
  // continues from the last frame, so that one interaction is one undo entry.
  void begin_frame(bool interacting);

  // Moves on every change of the scene: edits, training steps, undo/redo, replacements.
  // Caches, the autosave and "unsaved changes" key on it.
  std::uint64_t revision() const { return doc.revision(); }
  // Unsaved changes: the scene differs from the revision last saved to / loaded from a file.
  bool modified() const { return doc.revision() != saved_revision_; }
  void mark_saved(std::uint64_t revision) { saved_revision_ = revision; }

 private:
  Evaluation eval_;
  std::uint64_t eval_revision_ = ~std::uint64_t{0};
  std::vector<std::uint32_t> multi_label_points_;
  std::uint64_t multi_label_revision_ = ~std::uint64_t{0};
  std::optional<Evaluation> adopted_;
  std::uint64_t adopted_revision_ = 0;
  std::uint64_t saved_revision_ = 0;
  Document::Gesture gesture_ = 0;
  static std::uint64_t clock_seed();
  std::uint64_t random_state_ = clock_seed();
};

}  // namespace ll::gui
