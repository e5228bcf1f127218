#pragma once
// Undo/redo by whole-scene snapshots (a scene is small: copying it is cheap and exact).
// GL-free.
#include <cstddef>
#include <vector>

#include "core/scene.h"

namespace ll::gui {

class History {
 public:
  // Keeps at most `limit` undo entries and about `max_bytes` of snapshots (big scenes keep
  // fewer entries); the oldest go first.
  explicit History(std::size_t limit = 500, std::size_t max_bytes = 256u << 20)
      : limit_(limit), max_bytes_(max_bytes) {}

  // Records the state before an edit; clears the redo list.
  void push(const Scene& before);
  // Replaces `current` by the previous state (keeping `current` for redo); false if none.
  bool undo(Scene& current);
  bool redo(Scene& current);
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::size_t undo_size() const { return undo_.size(); }
  // Counts every push, undo and redo: the scene's saved state changed when this does (autosave).
  unsigned long long changes() const { return changes_; }
  void clear();
  static std::size_t bytes(const Scene& s);

 private:
  void trim();

  std::size_t limit_, max_bytes_;
  std::vector<Scene> undo_, redo_;
  unsigned long long changes_ = 0;
};

// Turns per-frame scene changes into undo entries. Call begin_frame() before the UI can edit
// the scene and end_frame() after; while `editing` (a drag or an active widget) the changes of
// several frames merge into one entry. Changes made outside the two calls (training steps while
// playing) are not recorded here: see mark_external_run().
class EditRecorder {
 public:
  void begin_frame(const Scene& scene);
  // Returns true when an entry was pushed.
  bool end_frame(const Scene& scene, bool editing, History& history);
  // The scene was replaced by undo/redo: forget the pending snapshot.
  void rebase(const Scene& scene);
  bool pending() const { return pending_; }
  const Scene& before() const { return before_; }

 private:
  Scene before_;
  bool pending_ = false;
};

}  // namespace ll::gui
