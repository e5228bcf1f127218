#pragma once
// The landscape slice as the command line gives it, shared by `losslab landscape` and
// `losslab animate --view landscape`: one set of checks and messages for both.
#include <string>

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

// The slice for a scene of `classes` classes; a bad combination or parameter throws UsageError
// whose line starts with `command` (or the option's name).
LandscapeSlice make_slice(const SliceArgs& a, int classes, const std::string& command);

}  // namespace ll::cli
