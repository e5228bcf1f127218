#pragma once
// The runs of a race as one line of text (`losslab race --runs`, `losslab animate --race`):
//   RUN[,RUN...]      at most kMaxRaceRuns runs
//   RUN  = NAME[:KEY=VALUE]...   or   NAME:NUMBER (the run's step size, the older form)
//   NAME = an optimizer (gd, sgd, momentum, adam) or a loss (ww, ova, structured, softmax,
//          sigmoid, focal): that one setting differs from the base
//   KEY  = lr, batch, momentum, beta1, beta2, seed (the optimizer's) or loss (a loss name),
//          delta, reg, gamma, alpha (the loss's), each in the scene files' range (core/limits.h)
// e.g. "gd:lr=0.1,adam:lr=0.01:beta1=0.8" or "ww:delta=2,ww:delta=0.5,softmax:reg=0.01".
// Every other setting is the base's (the scene's, with the command line's overrides).
#include <string>
#include <vector>

#include "core/race.h"

namespace ll {

// Parses `text` into `out` (cleared first). Returns "" on success, else one line naming the
// run and what is wrong with it (an unknown name or key, a value out of range, too many runs).
std::string parse_race_runs(const std::string& text, const RaceRunSettings& base,
                            std::vector<RaceRunSettings>& out);

}  // namespace ll
