#include "app/video/video_format.h"

#include <algorithm>
#include <cctype>

namespace ll::video {

bool format_from_path(const std::filesystem::path& path, Format& out) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".gif")
    out = Format::Gif;
  else if (ext == ".mp4")
    out = Format::Mp4;
  else if (ext == ".webm")
    out = Format::Webm;
  else
    return false;
  return true;
}

const char* to_string(Format f) {
  switch (f) {
    case Format::Gif:
      return "gif";
    case Format::Mp4:
      return "mp4";
    case Format::Webm:
      return "webm";
  }
  return "?";
}

std::string check_options(const VideoOptions& opt, int frames) {
  const std::string size = std::to_string(opt.width) + " x " + std::to_string(opt.height);
  if (opt.width < kMinSide || opt.height < kMinSide || opt.width > kMaxSide ||
      opt.height > kMaxSide)
    return "size " + size + ": width and height must be between " + std::to_string(kMinSide) +
           " and " + std::to_string(kMaxSide) + " pixels";
  if (opt.format != Format::Gif && (opt.width % 2 != 0 || opt.height % 2 != 0))
    return "size " + size + ": " + to_string(opt.format) +
           " (yuv420p) needs an even width and height";
  const int max_fps = opt.format == Format::Gif ? kMaxGifFps : kMaxFps;
  if (opt.fps < 1 || opt.fps > max_fps)
    return "fps " + std::to_string(opt.fps) + ": " + to_string(opt.format) + " takes 1 to " +
           std::to_string(max_fps) + " frames per second";
  if (frames < 1 || frames > kMaxFrames)
    return std::to_string(frames) + " frames: an animation has 1 to " + std::to_string(kMaxFrames) +
           " frames";
  return {};
}

}  // namespace ll::video
