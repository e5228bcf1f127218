#pragma once
// The encoder's two pipelines (gif_writer.cpp, video_writer.cpp) and what they share; internal.
#include <string>
#include <vector>

#include "app/video/ffmpeg_util.h"
#include "app/video/frame_source.h"
#include "app/video/video_format.h"

namespace ll::video {

// Progress over a known number of rendered frames; checks Cancel at each.
class FrameProgress {
 public:
  FrameProgress(JobControl* control, double total, double from = 0.0)
      : control_(control), total_(total), from_(from) {}
  void check() const {
    if (control_) control_->check();
  }
  void frame_done() {
    done_ += 1.0;
    if (control_) control_->set_progress(from_ + (0.99 - from_) * done_ / total_);
  }
  JobControl* control() const { return control_; }

 private:
  JobControl* control_;
  double total_, from_, done_ = 0.0;
};

// Frame `index` of `source` as an RGBA AVFrame with pts = index.
ff::FramePtr render_rgba(FrameSource& source, int index, const VideoOptions& opt,
                         std::vector<std::uint8_t>& scratch, JobControl* control);

// Frames rendered in all: the encoding pass, plus the GIF palette pass.
int frames_rendered(const VideoOptions& opt, int frames);

void write_gif(FrameSource& source, const VideoOptions& opt, const std::string& file,
               FrameProgress& progress);
void write_video(FrameSource& source, const VideoOptions& opt, const std::string& file,
                 FrameProgress& progress);

}  // namespace ll::video
