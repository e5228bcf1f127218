#pragma once
// The race tab's animation: the runs from their start, in lock step, encoded as GIF, MP4 or
// WebM through app/video (frame i is the race figure after i * every steps, video/race_frames.h).
#include <string>
#include <vector>

#include "app/export/export.h"
#include "app/figure/race_figure.h"
#include "app/video/video_format.h"
#include "core/job.h"
#include "core/race.h"

namespace ll::race {

// Frames of an animation of the race: at most this many, so a long race records in seconds.
inline constexpr long kRecordFrames = 200;

// Records `runs` from `start` over `steps` lock steps (every = ceil(steps / kRecordFrames)) at
// opt's size rounded down to even sides, 25 fps, to `target` (written only when complete);
// with a landscape (through `start`), the runs' paths grow over it.
// Throws what video::encode throws (std::invalid_argument, std::runtime_error, JobCancelled).
exporter::ExportResult record_race(const Scene& start, const std::vector<RaceRunSettings>& runs,
                                   long steps, const exporter::FigureOptions& opt,
                                   video::Format format, const std::string& target,
                                   JobControl& control, figure::RaceLandscape landscape = {});

}  // namespace ll::race
