#pragma once
// One encoded video stream into a container file (GIF, MP4, WebM) with libavformat: the
// encoder's packets are rescaled to the stream's time base and interleaved; write errors (disk
// full) surface as exceptions at the packet that failed, not at the end.
#include <string>

#include "app/video/ffmpeg_util.h"

namespace ll::video {

class Muxer {
 public:
  // `container`: libavformat's short name ("gif", "mp4", "webm"); `file` is opened for writing.
  Muxer(const char* container, const std::string& file);
  ~Muxer();
  Muxer(const Muxer&) = delete;
  Muxer& operator=(const Muxer&) = delete;

  bool needs_global_header() const;
  // Adds the stream of `codec` (opened) and writes the header; `options` e.g.
  // "movflags=+faststart".
  void start(const AVCodecContext* codec, const char* options);
  // Sends `frame` (nullptr: flush) to the encoder and writes every packet it returns.
  void encode(AVCodecContext* codec, const AVFrame* frame);
  // Writes the trailer and closes the file, reporting any write error.
  void finish();

 private:
  void write_pending(AVCodecContext* codec);
  AVFormatContext* ctx_ = nullptr;
  AVStream* stream_ = nullptr;
  ff::PacketPtr packet_;
  bool header_ = false, closed_ = false;
};

}  // namespace ll::video
