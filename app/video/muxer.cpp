#include "app/video/muxer.h"

extern "C" {
#include <libavutil/dict.h>
}

namespace ll::video {

namespace ff {

FramePtr new_frame(int format, int width, int height, long pts) {
  FramePtr f(check_ptr(av_frame_alloc(), "allocating a frame"));
  f->format = format;
  f->width = width;
  f->height = height;
  f->pts = pts;
  check(av_frame_get_buffer(f.get(), 0), "allocating a frame");
  return f;
}

}  // namespace ff

Muxer::Muxer(const char* container, const std::string& file) : packet_(av_packet_alloc()) {
  ff::check_ptr(packet_.get(), "allocating a packet");
  ff::check(avformat_alloc_output_context2(&ctx_, nullptr, container, file.c_str()), container);
  ff::check(avio_open(&ctx_->pb, file.c_str(), AVIO_FLAG_WRITE), "cannot write");
}

Muxer::~Muxer() {
  if (!ctx_) return;
  if (!closed_) {
    // An abandoned file (Cancel, an error): its temporary file is removed, but the trailer is
    // still written, since some muxers free their state only there (the GIF muxer keeps the
    // previous packet until its trailer).
    if (header_) av_write_trailer(ctx_);
    avio_closep(&ctx_->pb);
  }
  avformat_free_context(ctx_);
}

bool Muxer::needs_global_header() const { return (ctx_->oformat->flags & AVFMT_GLOBALHEADER) != 0; }

void Muxer::start(const AVCodecContext* codec, const char* options) {
  stream_ = ff::check_ptr(avformat_new_stream(ctx_, nullptr), "adding the stream");
  ff::check(avcodec_parameters_from_context(stream_->codecpar, codec), "stream parameters");
  stream_->time_base = codec->time_base;
  stream_->avg_frame_rate = codec->framerate;
  AVDictionary* opts = nullptr;
  if (options) av_dict_parse_string(&opts, options, "=", ":", 0);
  const int err = avformat_write_header(ctx_, &opts);
  av_dict_free(&opts);
  ff::check(err, "writing the header");
  header_ = true;
}

void Muxer::write_pending(AVCodecContext* codec) {
  while (true) {
    const int err = avcodec_receive_packet(codec, packet_.get());
    if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
    ff::check(err, "encoding");
    if (packet_->duration == 0) packet_->duration = 1;  // one frame, in the codec's time base
    av_packet_rescale_ts(packet_.get(), codec->time_base, stream_->time_base);
    packet_->stream_index = stream_->index;
    ff::check(av_interleaved_write_frame(ctx_, packet_.get()), "write failed");  // unrefs it
  }
}

void Muxer::encode(AVCodecContext* codec, const AVFrame* frame) {
  ff::check(avcodec_send_frame(codec, frame), "encoding");
  write_pending(codec);
}

void Muxer::finish() {
  header_ = false;  // the trailer is written once, here, even when it fails
  ff::check(av_write_trailer(ctx_), "write failed");
  const int pending = ctx_->pb->error;
  closed_ = true;
  const int err = avio_closep(&ctx_->pb);  // flushes the last buffer
  ff::check(pending < 0 ? pending : err, "write failed");
}

}  // namespace ll::video
