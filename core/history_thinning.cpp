#include "core/history_thinning.h"

namespace ll {

void ThinnedHistory::add(long step, const LossRecord& record) {
  const StepRecord p{step, record};
  // The latest entry off the stride only stood for "now": the new one replaces it.
  if (!points_.empty() && points_.back().step % stride_ != 0 && points_.back().step < step)
    points_.back() = p;
  else
    points_.push_back(p);
  if (points_.size() <= max_points_) return;
  stride_ *= 2;  // keep the entries on the doubled stride, and the latest one
  std::size_t j = 0;
  for (std::size_t i = 0; i < points_.size(); ++i)
    if (points_[i].step % stride_ == 0 || i + 1 == points_.size()) points_[j++] = points_[i];
  points_.resize(j);
}

void ThinnedHistory::drop_after(long step) {
  while (!points_.empty() && points_.back().step > step) points_.pop_back();
}

void ThinnedHistory::clear() {
  points_.clear();
  stride_ = 1;
}

std::vector<StepRecord> thin_history(const std::vector<LossRecord>& history,
                                     std::size_t max_points) {
  ThinnedHistory h(max_points);
  for (std::size_t i = 0; i < history.size(); ++i) h.add(static_cast<long>(i), history[i]);
  return h.points();
}

}  // namespace ll
