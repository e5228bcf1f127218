#include "app/cli/slice_args.h"

#include <cstdint>

#include "app/cli/command_registry.h"

namespace ll::cli {

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
