#pragma once
// What an animation shows: a numbered sequence of frames, each rendered on demand at any size.
// The encoder (encoder.h) asks for frames in order, from 0, and may ask for some twice (a GIF's
// palette pass samples frames before the encoding pass), so a source renders a frame from its
// index alone. New views (a landscape, a race) are one more FrameSource.
#include <cstdint>
#include <span>

#include "core/job.h"

namespace ll::video {

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  virtual int frame_count() const = 0;
  // Draws frame `index` (0 <= index < frame_count()) at width x height pixels into `rgba`:
  // 4 * width * height bytes, rows top to bottom, each pixel R, G, B, A (not premultiplied;
  // video formats ignore A, so frames should be opaque). With a control: may report nothing,
  // but throws JobCancelled when Cancel is asked during a long frame.
  virtual void render(int index, int width, int height, std::span<std::uint8_t> rgba,
                      JobControl* control) = 0;
};

}  // namespace ll::video
