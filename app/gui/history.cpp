#include "app/gui/history.h"

namespace ll::gui {

void History::push(const Scene& before) {
  undo_.push_back(before);
  if (undo_.size() > limit_) undo_.erase(undo_.begin());
  redo_.clear();
}

bool History::undo(Scene& current) {
  if (undo_.empty()) return false;
  redo_.push_back(std::move(current));
  current = std::move(undo_.back());
  undo_.pop_back();
  return true;
}

bool History::redo(Scene& current) {
  if (redo_.empty()) return false;
  undo_.push_back(std::move(current));
  current = std::move(redo_.back());
  redo_.pop_back();
  return true;
}

void History::clear() {
  undo_.clear();
  redo_.clear();
}

void EditRecorder::begin_frame(const Scene& scene) {
  if (!pending_) before_ = scene;
}

bool EditRecorder::end_frame(const Scene& scene, bool editing, History& history) {
  if (editing) {
    pending_ = pending_ || !(scene == before_);
    return false;
  }
  const bool changed = !(scene == before_);
  pending_ = false;
  if (!changed) return false;
  history.push(before_);
  return true;
}

void EditRecorder::rebase(const Scene& scene) {
  before_ = scene;
  pending_ = false;
}

}  // namespace ll::gui
