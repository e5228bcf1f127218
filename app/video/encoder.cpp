#include "app/video/encoder.h"

#include <cstring>
#include <stdexcept>
#include <system_error>

#include "app/video/writers.h"
#include "core/atomic_file.h"

extern "C" {
#include <libavutil/log.h>
}

namespace ll::video {

ff::FramePtr render_rgba(FrameSource& source, int index, const VideoOptions& opt,
                         std::vector<std::uint8_t>& scratch, JobControl* control) {
  const std::size_t row = 4 * static_cast<std::size_t>(opt.width);
  scratch.assign(row * static_cast<std::size_t>(opt.height), 0);
  source.render(index, opt.width, opt.height, scratch, control);
  ff::FramePtr f = ff::new_frame(AV_PIX_FMT_RGBA, opt.width, opt.height, index);
  for (int y = 0; y < opt.height; ++y)
    std::memcpy(f->data[0] + static_cast<std::ptrdiff_t>(y) * f->linesize[0],
                scratch.data() + row * static_cast<std::size_t>(y), row);
  return f;
}

int frames_rendered(const VideoOptions& opt, int frames) {
  return opt.format == Format::Gif ? frames + std::min(frames, kPaletteSampleFrames) : frames;
}

EncodeResult encode(FrameSource& source, const VideoOptions& opt, const std::filesystem::path& path,
                    JobControl* control, double progress_from) {
  const int frames = source.frame_count();
  if (const std::string why = check_options(opt, frames); !why.empty())
    throw std::invalid_argument(why);
  // FFmpeg's libraries log to stderr (x264's banner, warnings); every failure here is reported
  // through the exception instead, once.
  av_log_set_level(AV_LOG_QUIET);
  AtomicFile file(path);  // throws "PATH: cannot write: ..." before any frame is rendered
  FrameProgress progress(control, frames_rendered(opt, frames), progress_from);
  try {
    if (opt.format == Format::Gif)
      write_gif(source, opt, file.temp_path().string(), progress);
    else
      write_video(source, opt, file.temp_path().string(), progress);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path.string() + ": " + e.what());
  }
  progress.check();  // the last moment to cancel: the target is untouched until commit
  EncodeResult r;
  r.frames = frames;
  std::error_code ec;
  r.bytes = std::filesystem::file_size(file.temp_path(), ec);
  file.commit();
  if (control) control->set_progress(1.0);
  return r;
}

}  // namespace ll::video
