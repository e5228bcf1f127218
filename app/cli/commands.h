#pragma once
// The command-line interface: `losslab [SCENE] [window options]` opens the window;
// `losslab eval|train ...` work with no display. Exit codes: 0 ok, 1 runtime failure,
// 2 bad arguments or bad input files.
#include "app/cli/window_options.h"

namespace ll::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

using WindowRunner = int (*)(const WindowOptions&);

// Parses argv and runs the chosen command, or the window through `open_window`. Never throws.
int main(int argc, char** argv, const char* version, WindowRunner open_window);

}  // namespace ll::cli
