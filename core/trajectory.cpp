#include "core/trajectory.h"

#include <algorithm>

namespace ll {

void Trajectory::add(long step, const Params& params) {
  if (!points_.empty() && points_.back().step >= step) {
    points_.back() = {step, params};
    return;
  }
  // The latest point stays only while it is on the stride: a newer one replaces it otherwise.
  if (points_.size() >= 2 && points_.back().step % stride_ != 0) points_.pop_back();
  points_.push_back({step, params});
  if (points_.size() <= max_points_) return;
  stride_ *= 2;
  const TrajectoryPoint latest = points_.back();
  std::erase_if(points_, [&](const TrajectoryPoint& p) { return p.step % stride_ != 0; });
  if (points_.empty() || points_.back().step != latest.step) points_.push_back(latest);
}

void Trajectory::clear() {
  points_.clear();
  stride_ = 1;
}

void Trajectory::drop_after(long step) {
  while (!points_.empty() && points_.back().step > step) points_.pop_back();
}

}  // namespace ll
