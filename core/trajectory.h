#pragma once
// The optimizer's path through parameter space, for the loss landscape: the parameters after
// each training step (and before the first), bounded however long training runs by the rule of
// core/history_thinning.h (when full, the stride doubles and only steps on it stay, plus the
// latest). Below that bound it holds every step.
#include <cstddef>
#include <vector>

#include "core/scene.h"

namespace ll {

inline constexpr std::size_t kMaxTrajectoryPoints = 4096;

struct TrajectoryPoint {
  long step = 0;
  Params params;
};

class Trajectory {
 public:
  explicit Trajectory(std::size_t max_points = kMaxTrajectoryPoints)
      : max_points_(max_points < 4 ? 4 : max_points) {}
  // The parameters at `step` (steps increase from one call to the next; the same step again
  // replaces the latest).
  void add(long step, const Params& params);
  void clear();
  void drop_after(long step);  // an undone step
  const std::vector<TrajectoryPoint>& points() const { return points_; }
  long stride() const { return stride_; }

 private:
  std::size_t max_points_;
  std::vector<TrajectoryPoint> points_;
  long stride_ = 1;
};

}  // namespace ll
