#pragma once
// The loss landscape: the total loss (core/losses.h loss_gradient's total_loss, regularizer
// included: the one core loss, no approximation) of a scene over a slice of parameter space
// through its current parameters theta:
//   2-D: L(theta + a d_x + b d_y) on a grid of (a, b) in [-range, range]^2
//   1-D: L(theta + a d_x) at points a in [-range, range]
// The directions are either two parameters (W[k][j] or b[k]: unit vectors, so a and b are the
// offsets from the current values) or random directions in the full parameter space, drawn from
// a seed and normalised per class row (Li et al., "Visualizing the Loss Landscape of Neural
// Nets", 2018, filter normalisation): row k of a direction, (dW_k0, dW_k1, db_k), is scaled to
// the norm of the scene's row (W_k0, W_k1, b_k) (to norm 1 where that row is all zero).
// Grids are computed coarse to fine: every `stride`-th node first (a 17 x 17 pass of a 129 grid),
// then the nodes of the next finer level not yet computed (33, 65, 129), each node once; a level
// can be cancelled (core/job.h) and reports progress.
#include <cstdint>
#include <string>
#include <vector>

#include "core/job.h"
#include "core/rng.h"
#include "core/scene.h"

namespace ll {

// One parameter: W[k][j] (j = 0 or 1) or b[k].
struct ParamRef {
  bool bias = false;
  int k = 0;
  int j = 0;  // weights only
  bool operator==(const ParamRef&) const = default;
};
// "W[2][1]", "b[0]".
std::string to_string(const ParamRef& p);
// Parses "W[k][j]" or "b[k]" (spaces not allowed) and checks it against a scene of `classes`
// classes. Returns "" on success, else one line saying what is wrong.
std::string parse_param(const std::string& text, int classes, ParamRef& out);

// A direction in parameter space (the shape of Params).
struct Direction {
  WeightMatrix dW;
  BiasVector db;
};
Direction unit_direction(const ParamRef& p, int classes);
// A random direction from `rng`'s standard normal draws (row k: dW_k0, dW_k1, db_k in that
// order, k ascending), filter-normalised to `at`'s rows as described above.
Direction random_direction(const Params& at, Rng& rng);
// Two random directions for a seed (the first then the second from one generator).
void random_directions(const Params& at, std::uint64_t seed, Direction& x, Direction& y);

// theta + a d_x + b d_y, computed as (theta + a d_x) + b d_y element by element (for unit
// directions: exactly the current value plus the offset).
Params offset_params(const Params& at, const Direction& dx, double a, const Direction* dy,
                     double b);

// Coordinates (a, b) of `p` in the slice: the least-squares projection of p - at onto the span
// of d_x (and d_y); for parameter slices exactly the offsets of the two parameters.
void project_params(const Params& at, const Direction& dx, const Direction* dy, const Params& p,
                    double& a, double& b);

struct LandscapeSlice {
  bool random = false;  // random directions (seed) instead of parameters x, y
  ParamRef x{false, 0, 0}, y{false, 0, 1};
  std::uint64_t seed = 1;
  bool one_d = false;  // 1-D: along x (or the first random direction) only
  double range = 2.0;  // offsets in [-range, range]
  int grid = 129;      // nodes per side (2-D) or points (1-D)
  bool operator==(const LandscapeSlice&) const = default;
};
inline constexpr int kMinLandscapeGrid = 2;
inline constexpr int kMaxLandscapeGrid = 1025;
inline constexpr double kMaxLandscapeRange = 1e6;
// "" when the slice fits a scene of `classes` classes, else one line (a parameter out of range,
// x == y, a grid or range outside the limits).
std::string check_slice(const LandscapeSlice& s, int classes);
// The axis name of a slice's direction: the parameter ("W[0][1]") or "direction 1" / "2".
std::string axis_name(const LandscapeSlice& s, int axis);

// The grid's values; nodes not computed yet are NaN.
struct LandscapeGrid {
  int nx = 0, ny = 0;  // ny = 1 for a 1-D slice
  double range = 1.0;
  Params center;  // theta: where the slice passes
  Direction dx, dy;
  bool one_d = false;
  std::vector<double> loss;  // row-major: node (i, j) at j * nx + i; j counts up the y axis
  int stride = 0;            // every stride-th node is computed (0: none yet)
  std::vector<int> strides;  // the levels, coarse to fine (ending at 1)

  double x_at(int i) const;  // the offset a of column i: -range + 2 range i / (nx - 1)
  double y_at(int j) const;  // 0 for 1-D
  double at(int i, int j) const { return loss[static_cast<std::size_t>(j) * nx + i]; }
  bool complete() const { return stride == 1; }
  int level() const;  // index into strides of `stride`, -1 before the first
};

// The levels of an n-node axis: the largest power of two s dividing n - 1 with (n - 1) / s >= 16
// (1 when there is none), then s / 2, ..., 1. 129 -> {8, 4, 2, 1} (17, 33, 65, 129 nodes).
std::vector<int> landscape_strides(int n);

// An empty grid of the slice through the scene's parameters (directions made, nothing
// computed). Throws std::invalid_argument with check_slice's line.
LandscapeGrid make_landscape(const Scene& scene, const LandscapeSlice& slice);
// Computes the next level (the nodes of the next stride not computed yet). Returns the number of
// nodes computed (0 when complete). With a control: progress (of this level) and Cancel,
// checked every row (a cancelled level leaves the grid at the previous level). `threads` > 1
// shares the rows among that many threads (this one and threads - 1 more); the values are the
// same for any count.
int refine_landscape(LandscapeGrid& g, const Scene& scene, JobControl* control = nullptr,
                     int threads = 1);
// Every level.
LandscapeGrid compute_landscape(const Scene& scene, const LandscapeSlice& slice,
                                JobControl* control = nullptr, int threads = 1);

// The total loss of the scene at the slice's node (a, b): the value the grid holds there
// (loss_gradient's total_loss).
double landscape_loss(const Scene& scene, const LandscapeGrid& g, double a, double b);

}  // namespace ll
