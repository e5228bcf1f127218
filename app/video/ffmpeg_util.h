#pragma once
// Owning FFmpeg handles and error checks, for the encoder's files only (not a public header).
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
}

#include <memory>
#include <stdexcept>
#include <string>

namespace ll::video::ff {

struct FrameFree {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFree {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct CodecFree {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct GraphFree {
  void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameFree>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFree>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecFree>;
using GraphPtr = std::unique_ptr<AVFilterGraph, GraphFree>;

inline std::string error_text(int err) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(err, buf, sizeof buf);
  return buf;
}

// Throws std::runtime_error("WHAT: FFmpeg's reason") when err < 0; returns err otherwise.
inline int check(int err, const char* what) {
  if (err < 0) throw std::runtime_error(std::string(what) + ": " + error_text(err));
  return err;
}

template <class T>
T* check_ptr(T* p, const char* what) {
  if (!p) throw std::runtime_error(std::string(what) + ": out of memory");
  return p;
}

// A new RGBA frame buffer of width x height, pts set.
FramePtr new_frame(int format, int width, int height, long pts);

}  // namespace ll::video::ff
