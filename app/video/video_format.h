#pragma once
// Animated formats and the limits of what the encoder writes.
#include <filesystem>
#include <string>

namespace ll::video {

enum class Format { Gif, Mp4, Webm };

// From the extension (case-insensitive .gif, .mp4, .webm); false for anything else.
bool format_from_path(const std::filesystem::path& path, Format& out);
const char* to_string(Format f);  // "gif", "mp4", "webm"

inline constexpr int kMinSide = 16, kMaxSide = 4096;  // pixels
inline constexpr int kMaxFps = 60;
// GIF delays are whole centiseconds and browsers play delays under 2 cs as 10 cs.
inline constexpr int kMaxGifFps = 50;
inline constexpr int kMaxFrames = 20000;

struct VideoOptions {
  Format format = Format::Gif;
  int width = 800, height = 800;  // pixels; MP4 and WebM (yuv420p) need even sides
  int fps = 25;
};

// Empty when the options can be encoded, otherwise one sentence saying what is wrong.
std::string check_options(const VideoOptions& opt, int frames);

}  // namespace ll::video
