#include "app/race/race_record.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/video/encoder.h"
#include "app/video/race_frames.h"

namespace ll::race {

exporter::ExportResult record_race(const Scene& start, const std::vector<RaceRunSettings>& runs,
                                   long steps, const exporter::FigureOptions& opt,
                                   video::Format format, const std::string& target,
                                   JobControl& control, figure::RaceLandscape landscape) {
  exporter::ExportResult r;
  r.path = target;
  const auto t0 = std::chrono::steady_clock::now();
  Race race(start);
  for (const RaceRunSettings& s : runs) race.add_run(s);
  video::advance_race(race, steps, &control, 0.1);
  const long every = std::max(1L, (steps + kRecordFrames - 1) / kRecordFrames);
  video::RaceFrames frames(std::move(race), steps, every, opt, std::move(landscape));
  // MP4 and WebM (yuv420p) need even sides.
  const int w = static_cast<int>(std::lround(opt.width)) & ~1;
  const int h = static_cast<int>(std::lround(opt.height)) & ~1;
  const video::EncodeResult e = video::encode(frames, {format, w, h, 25}, target, &control, 0.1);
  r.ok = true;
  r.pixels_w = w;
  r.pixels_h = h;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  char buf[96];
  std::snprintf(buf, sizeof buf, "Saved %d frames (%ld steps), %d x %d %s, to ", e.frames, steps, w,
                h, video::to_string(format));
  r.message = buf + target;
  return r;
}

}  // namespace ll::race
