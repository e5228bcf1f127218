#pragma once
// Crash-safe autosave of the working scene, one slot per window. A slot is a folder
// dir/slot-N/ with a lock file that its window holds with flock(LOCK_EX) for its whole life
// (the kernel drops the lock when the process dies: no process ids, nothing to go stale), the
// slot's autosave.json, and a "clean" marker written by a clean exit. A window takes the first
// slot it can lock that holds nothing to offer; every other slot it can lock that holds an
// autosave without the clean marker is an orphan (its session crashed, was killed or signalled)
// and is offered for restore.
//
// When: the scene is written once no change has come for `quiet`, and at the latest `max_delay`
// after the first unsaved change however the changes keep coming (edits, training). Changes are
// keyed on a revision counter that moves on every change.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/scene.h"

namespace ll {

// $XDG_STATE_HOME/losslab, else $HOME/.local/state/losslab, else ./.losslab-state.
std::filesystem::path default_state_dir();

// The autosave of a session that did not exit cleanly. Locked by the Autosave that found it
// until it is discarded, set aside or the Autosave is destroyed.
struct OrphanSlot {
  int slot = 0;
  std::filesystem::path scene_path;  // dir/slot-N/autosave.json
  std::string saved_at;              // local time of its last write, "2026-11-22 06:41:07"
  int lock_fd = -1;
};

class Autosave {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kMaxSlots = 32;

  explicit Autosave(std::filesystem::path dir,
                    std::chrono::milliseconds quiet = std::chrono::seconds(2),
                    std::chrono::milliseconds max_delay = std::chrono::seconds(5));
  // Releases every lock held. Without finish_clean() the slot stays unclean: the next start
  // offers its autosave (if one was written), as after a crash.
  ~Autosave();
  Autosave(const Autosave&) = delete;
  Autosave& operator=(const Autosave&) = delete;

  // Claims a slot and collects the orphans. `revision` is the scene's revision at start (no
  // unsaved change yet). Never throws: problems go to last_error() and leave enabled() false.
  void start(std::uint64_t revision = 0);
  const std::vector<OrphanSlot>& orphans() const { return orphans_; }
  // Orphan i was restored or discarded: its autosave is removed and its slot released.
  void discard_orphan(std::size_t i);
  // Orphan i cannot be loaded: its autosave is renamed to dir/autosave-unreadable-<time>.json
  // (never overwritten) and its slot released. Returns the new path; empty on failure (reason
  // in last_error(), the file is left where it was).
  std::filesystem::path set_aside_orphan(std::size_t i);

  // Call with the scene's revision (every frame is fine).
  void observe(std::uint64_t revision, Clock::time_point now = Clock::now());
  // A save is due: unsaved changes, none in flight, and quiet or max_delay has passed.
  bool due(Clock::time_point now = Clock::now()) const;
  // Seconds until due() turns true (0 when due, +infinity with nothing unsaved).
  double seconds_until_due(Clock::time_point now = Clock::now()) const;
  // Synchronous: observes `revision` and saves when due. True if it saved.
  bool poll(const Scene& scene, std::uint64_t revision, Clock::time_point now = Clock::now());

  // Background saving: begin_save() on the UI thread when due (with the revision of the copy
  // being saved), write() on a worker (it touches only the slot's file: safe off the UI
  // thread while this object lives), end_save() on the UI thread with the outcome (empty error:
  // saved).
  void begin_save(std::uint64_t revision);
  void write(const Scene& scene) const;  // throws std::runtime_error
  void end_save(std::uint64_t revision, const std::string& error,
                Clock::time_point now = Clock::now());

  // Clean exit: the slot's autosave is removed, the clean marker written, the slot released.
  void finish_clean();
  // Exit with nobody to ask (a signal): the scene is written and the slot released unclean, so
  // the next start offers it. False if the write failed (reason in last_error()).
  bool finish_unclean(const Scene& scene);

  bool enabled() const { return lock_fd_ >= 0; }
  int slot() const { return slot_; }
  bool saving() const { return saving_; }
  bool unsaved() const { return last_seen_ != saved_revision_; }
  const std::filesystem::path& dir() const { return dir_; }
  const std::filesystem::path& scene_path() const { return scene_path_; }
  const std::string& last_error() const { return error_; }

 private:
  void release_orphan(std::size_t i);

  std::filesystem::path dir_, slot_dir_, scene_path_;
  std::chrono::milliseconds quiet_, max_delay_;
  int lock_fd_ = -1;
  int slot_ = -1;
  std::vector<OrphanSlot> orphans_;
  std::uint64_t last_seen_ = 0, saved_revision_ = 0;
  Clock::time_point last_change_{};
  std::optional<Clock::time_point> pending_since_;  // first change not covered by a save
  std::optional<Clock::time_point> retry_after_;    // after a failed write
  bool saving_ = false;
  std::string error_;
};

}  // namespace ll
