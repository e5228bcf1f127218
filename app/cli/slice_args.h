#pragma once
// The landscape slice as the command line gives it, shared by `losslab landscape`, `losslab
// animate --view landscape` and `losslab race --landscape`: one set of options, checks and
// messages for all.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/landscape.h"

namespace ll::cli {

struct SliceArgs {
  std::string x, y;     // W[k][j] or b[k]; empty: W[0][0], W[0][1]
  bool random = false;  // two random directions instead of x, y
  bool one_d = false;   // a slice along x alone
  long long seed = 1;   // of the random directions
  int grid = 65;
  double range = -1.0;  // <= 0: 2, or 1 for random directions
};

// Adds --x, --y, --random-directions, the directions' seed (`seed_option`: "--seed" or
// "--direction-seed"), --range and --grid to `cmd`, each help line starting with `prefix`.
// Returns their names (for "only with ..." checks). --1d is the landscape command's own.
std::vector<std::string> add_slice_options(CLI::App& cmd, SliceArgs& a,
                                           const std::string& seed_option,
                                           const std::string& prefix = "");

// The slice for a scene of `classes` classes; a bad combination or parameter throws UsageError
// whose line starts with `command` (or the option's name).
LandscapeSlice make_slice(const SliceArgs& a, int classes, const std::string& command);

}  // namespace ll::cli
