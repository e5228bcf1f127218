#pragma once
// Animated export: the frames of a FrameSource encoded with FFmpeg's libraries into
//   GIF   256 colours from palettegen (the colours of up to kPaletteSampleFrames frames spread
//         over the run) applied by paletteuse (ordered dithering, only changed rectangles
//         re-quantised, so unchanged pixels keep their index and the file stays small);
//   MP4   H.264 (libx264, High profile, yuv420p, BT.709 tags, moov atom first: "faststart"),
//         plays in PowerPoint, Keynote, QuickTime and browsers;
//   WebM  VP9 (libvpx-vp9, yuv420p, constant quality).
// The file is written to a temporary beside the target and renamed over it only once complete
// (core/atomic_file.h): an error or Cancel leaves the target as it was.
#include <cstdint>
#include <filesystem>

#include "app/video/frame_source.h"
#include "app/video/video_format.h"
#include "core/job.h"

namespace ll::video {

// Memory of the GIF palette pass: a histogram of the colours of this many frames at most.
inline constexpr int kPaletteSampleFrames = 24;

struct EncodeResult {
  int frames = 0;
  std::uintmax_t bytes = 0;  // size of the file written
};

// Encodes every frame of `source`. Throws std::invalid_argument (check_options' sentence),
// std::runtime_error("PATH: reason") (cannot write, disk full, encoder failure) and, with a
// control, JobCancelled once Cancel is asked (checked between frames). Progress goes from
// `progress_from` (the share of work done before, e.g. training) to 1.
EncodeResult encode(FrameSource& source, const VideoOptions& opt, const std::filesystem::path& path,
                    JobControl* control = nullptr, double progress_from = 0.0);

}  // namespace ll::video
