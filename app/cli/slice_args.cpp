#include "app/cli/slice_args.h"

#include <cstdint>

#include "app/cli/command_registry.h"

namespace ll::cli {

std::vector<std::string> add_slice_options(CLI::App& cmd, SliceArgs& a,
                                           const std::string& seed_option,
                                           const std::string& prefix) {
  cmd.add_option("--x", a.x, prefix + "the x parameter, W[k][j] or b[k] (default W[0][0])");
  cmd.add_option("--y", a.y, prefix + "the y parameter (default W[0][1])");
  cmd.add_flag("--random-directions", a.random,
               prefix +
                   "two random directions in the full parameter space, normalised per class row "
                   "(Li et al. 2018) instead of --x/--y");
  cmd.add_option(seed_option, a.seed, prefix + "seed of the random directions in [0, 2^63 - 1]")
      ->check(in_range(0, limits::kMaxSeed));
  cmd.add_option("--range", a.range,
                 prefix + "offsets in [-R, R], R in (0, 1e6] (default 2; 1 for random directions)")
      ->check(in_range(limits::Range{0.0, kMaxLandscapeRange}, true));
  cmd.add_option("--grid", a.grid, prefix + "nodes per side in [2, 1025] (default 65)")
      ->check(in_range(kMinLandscapeGrid, kMaxLandscapeGrid));
  return {"--x", "--y", "--random-directions", seed_option, "--range", "--grid"};
}

LandscapeSlice make_slice(const SliceArgs& a, int classes, const std::string& command) {
  if (a.random && (!a.x.empty() || !a.y.empty()))
    throw UsageError(command + ": --random-directions takes no --x or --y");
  if (a.one_d && !a.y.empty())
    throw UsageError(command + ": --1d is a slice along --x alone (no --y)");
  if (!a.random && !a.one_d && a.x.empty() != a.y.empty())
    throw UsageError(command + ": give both --x and --y (or neither: W[0][0] and W[0][1])");
  LandscapeSlice slice;
  slice.random = a.random;
  slice.seed = static_cast<std::uint64_t>(a.seed);
  slice.one_d = a.one_d;
  slice.grid = a.grid;
  slice.range = a.range > 0.0 ? a.range : a.random ? 1.0 : 2.0;
  if (!a.x.empty())
    if (std::string e = parse_param(a.x, classes, slice.x); !e.empty())
      throw UsageError("--x: " + e);
  if (!a.y.empty())
    if (std::string e = parse_param(a.y, classes, slice.y); !e.empty())
      throw UsageError("--y: " + e);
  if (std::string e = check_slice(slice, classes); !e.empty()) throw UsageError(command + ": " + e);
  return slice;
}

}  // namespace ll::cli
