#include "app/gui/history.h"

namespace ll::gui {

std::size_t History::bytes(const Scene& s) {
  return sizeof(Scene) + s.points.size() * sizeof(Point) +
         static_cast<std::size_t>(s.params.W.size() + s.params.b.size()) * sizeof(double);
}

void History::push(const Scene& before) {
  undo_.push_back(before);
  redo_.clear();
  ++changes_;
  trim();
}

void History::trim() {
  std::size_t total = 0;
  for (const Scene& s : undo_) total += bytes(s);
  std::size_t drop = 0;
  while (undo_.size() - drop > 1 && (undo_.size() - drop > limit_ || total > max_bytes_)) {
    total -= bytes(undo_[drop]);
    ++drop;
  }
  undo_.erase(undo_.begin(), undo_.begin() + static_cast<std::ptrdiff_t>(drop));
}

bool History::undo(Scene& current) {
  if (undo_.empty()) return false;
  redo_.push_back(std::move(current));
  current = std::move(undo_.back());
  undo_.pop_back();
  ++changes_;
  return true;
}

bool History::redo(Scene& current) {
  if (redo_.empty()) return false;
  undo_.push_back(std::move(current));
  current = std::move(redo_.back());
  redo_.pop_back();
  ++changes_;
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
