#pragma once
// The document: owns the scene, and every change of it goes through the edit functions below.
// Each edit keeps the scene inside the limits the loaders enforce (so the window can never
// write a file its loader refuses), moves revision(), and records an undo entry holding only
// what changed: the small settings (W, b, loss, optimizer, class names) and a list of point
// operations, never a copy of a million points unless the points were replaced wholesale.
// Caches key on revision() / points_revision() instead of copying and comparing the scene.
// Pure C++; GL-free, ImGui-free.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/scene.h"

namespace ll {

// The limits applied to every edit: a coordinate in [-kMaxCoordinate, kMaxCoordinate], a
// parameter in [-kParamBound, kParamBound] (non-finite values become 0), a class name cut to
// kMaxClassNameBytes at a UTF-8 character boundary.
double clamp_coordinate(double v);
double clamp_parameter(double v);
bool clamp_params(Params& params);  // true when something changed
std::string clamp_class_name(std::string name);

class Document {
 public:
  // Undo keeps at most `max_entries` entries and `max_bytes` of them, every byte counted
  // (point operations, replaced point arrays, class names); the oldest go first.
  explicit Document(Scene scene = default_scene(), std::size_t max_entries = 500,
                    std::size_t max_bytes = 256u << 20);

  const Scene& scene() const { return scene_; }
  // Moves on every change (edits, training steps, undo/redo, replacements).
  std::uint64_t revision() const { return revision_; }
  // Moves when points change (positions, labels, count): the point layer and evaluations key
  // on it together with revision().
  std::uint64_t points_revision() const { return points_revision_; }
  // Moves on whole-scene replacements (open, preset, reset, restore).
  std::uint64_t replacements() const { return replacements_; }

  // --- Edits. Consecutive edits of one gesture merge into one undo entry (see gestures).
  // Settings: each stores a clamped copy; nothing is recorded when the value is unchanged.
  void set_params(Params p);
  // Refused (false, nothing changes) when it would leave the sigmoid loss while some point has
  // several labels: only sigmoid accepts multi-label points (multi_label_conflict in
  // core/losses.h names the point for a message). True otherwise.
  bool set_loss(const LossSettings& l);
  void set_optimizer(const OptimizerSettings& o);
  void set_class_names(std::vector<std::string> names);  // empty, or one per class
  // K in [kMinClasses, kMaxClasses]: rows kept, new rows from default_params(K), points of
  // removed classes deleted (multi-label points lose the removed labels and are deleted with
  // the last one), names trimmed or extended.
  void set_class_count(int K);
  // Points. add_point returns the new index, or -1 when the scene already has kMaxPoints.
  int add_point(double x0, double x1, int label);
  bool delete_point(int i);
  bool move_point(int i, double x0, double x1);
  bool relabel_point(int i,
                     int label);  // label clamped to [0, K); a multi-label point gets it alone
  // Whole-scene replacement (clamped like a loaded file: a scene with multi-label points under
  // another loss gets the sigmoid loss, the only one that accepts them); its own undo entry.
  void replace(Scene s);
  // Runs f(Scene&), which may change only the parameters (an optimizer step), and records the
  // change like set_params (clamped). Returns what f returns.
  template <class F>
  auto update_params(F&& f) {
    Params before = scene_.params;
    auto result = f(scene_);
    if (!(scene_.params == before)) {
      Params after = std::move(scene_.params);
      scene_.params = std::move(before);
      record();
      clamp_params(after);
      scene_.params = std::move(after);
      changed(false);
    }
    return result;
  }

  // --- Gestures: edits made under the same gesture id merge into one undo entry as long as
  // no other gesture recorded in between (a drag, a slider held down, one training run).
  using Gesture = std::uint64_t;
  Gesture new_gesture() { return ++last_gesture_; }
  void set_gesture(Gesture g) { gesture_ = g; }
  Gesture gesture() const { return gesture_; }
  // Ends merging into the last entry (the next edit starts a new one whatever its gesture).
  void seal() { sealed_ = true; }

  // Takes back the edits of the current gesture (Esc during a drag): the scene returns to its
  // state before the gesture and no redo entry is left. False when the gesture recorded nothing.
  bool revert_gesture();

  // --- Undo.
  bool undo();
  bool redo();
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::size_t undo_size() const { return undo_.size(); }
  std::size_t undo_bytes() const { return undo_bytes_; }  // bytes held by undo and redo entries
  void clear_history();

 private:
  struct Settings {
    Params params;
    LossSettings loss;
    OptimizerSettings optimizer;
    std::vector<std::string> class_names;
    bool operator==(const Settings&) const = default;
  };
  struct PointOp {
    enum Kind { Set, Insert, Erase, Swap } kind = Set;
    std::size_t index = 0;
    Point before, after;       // Set: both; Insert: after; Erase: before
    std::vector<Point> other;  // Swap: the other point array (exchanged on apply)
  };
  struct Entry {
    Settings settings;  // the settings on the other side of this entry (swapped on apply)
    std::vector<PointOp> ops;
    Gesture gesture = 0;
    std::size_t bytes = 0;
  };

  Settings settings() const;
  void apply_settings(Settings& s);  // swaps `s` with the scene's settings
  void apply(PointOp& op, bool forward);
  // Opens (or continues, within the current gesture) the undo entry for an edit about to be
  // made; the caller then changes scene_ and adds its point operation, if any.
  Entry& record();
  void add_op(Entry& e, PointOp op);
  void changed(bool points);
  void trim();
  static std::size_t bytes(const Settings& s);
  static std::size_t bytes(const PointOp& op);

  Scene scene_;
  std::deque<Entry> undo_, redo_;
  std::size_t max_entries_, max_bytes_, undo_bytes_ = 0;
  std::uint64_t revision_ = 0, points_revision_ = 0, replacements_ = 0;
  Gesture last_gesture_ = 0, gesture_ = 0;
  bool sealed_ = true;
};

}  // namespace ll
