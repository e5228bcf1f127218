// MP4 (H.264) and WebM (VP9): RGBA frames converted to yuv420p with BT.709 coefficients (full
// range in, limited range out, the colour tags players expect), one keyframe every two seconds.
#include <string>

#include "app/video/muxer.h"
#include "app/video/writers.h"

extern "C" {
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace ll::video {

namespace {

struct SwsFree {
  void operator()(SwsContext* s) const { sws_freeContext(s); }
};

void set(AVCodecContext* c, const char* key, const char* value) {
  ff::check(av_opt_set(c->priv_data, key, value, 0), key);
}

}  // namespace

void write_video(FrameSource& source, const VideoOptions& opt, const std::string& file,
                 FrameProgress& progress) {
  const bool mp4 = opt.format == Format::Mp4;
  const char* name = mp4 ? "libx264" : "libvpx-vp9";
  const AVCodec* encoder = avcodec_find_encoder_by_name(name);
  if (!encoder) throw std::runtime_error(std::string("FFmpeg has no ") + name + " encoder");
  ff::CodecPtr codec(ff::check_ptr(avcodec_alloc_context3(encoder), name));
  codec->width = opt.width;
  codec->height = opt.height;
  codec->pix_fmt = AV_PIX_FMT_YUV420P;
  codec->time_base = AVRational{1, opt.fps};
  codec->framerate = AVRational{opt.fps, 1};
  codec->gop_size = 2 * opt.fps;
  codec->color_range = AVCOL_RANGE_MPEG;
  codec->colorspace = AVCOL_SPC_BT709;
  codec->color_primaries = AVCOL_PRI_BT709;
  codec->color_trc = AVCOL_TRC_BT709;
  if (mp4) {
    // High profile, yuv420p: what PowerPoint, Keynote and QuickTime play. "animation" suits
    // flat colours and sharp edges; CRF 18 keeps thin lines and small text clean. veryfast:
    // 200 frames of 800 x 800 take about 1.5 s of CPU to encode (2.4 s with "fast"), same size.
    set(codec.get(), "preset", "veryfast");
    set(codec.get(), "tune", "animation");
    set(codec.get(), "profile", "high");
    set(codec.get(), "crf", "18");
  } else {
    // Constant quality; the realtime deadline at its fastest setting: 1.6 s of CPU for 200
    // frames of 800 x 800 ("good" at cpu-used 5: 10.5 s) for a file twice as large (1.4 MB).
    codec->bit_rate = 0;
    set(codec.get(), "crf", "30");
    set(codec.get(), "deadline", "realtime");
    set(codec.get(), "cpu-used", "8");
    set(codec.get(), "row-mt", "1");
  }
  codec->thread_count = 2;
  Muxer mux(mp4 ? "mp4" : "webm", file);
  if (mux.needs_global_header()) codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  ff::check(avcodec_open2(codec.get(), encoder, nullptr), name);
  // faststart: the index (moov) moves to the front at the end, so the file plays while it
  // loads and in players that do not seek to the end first.
  mux.start(codec.get(), mp4 ? "movflags=+faststart" : nullptr);

  std::unique_ptr<SwsContext, SwsFree> sws(sws_getContext(
      opt.width, opt.height, AV_PIX_FMT_RGBA, opt.width, opt.height, AV_PIX_FMT_YUV420P,
      SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
  ff::check_ptr(sws.get(), "colour conversion");
  const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
  sws_setColorspaceDetails(sws.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);

  std::vector<std::uint8_t> scratch;
  for (int i = 0; i < source.frame_count(); ++i) {
    progress.check();
    ff::FramePtr rgba = render_rgba(source, i, opt, scratch, progress.control());
    ff::FramePtr yuv = ff::new_frame(AV_PIX_FMT_YUV420P, opt.width, opt.height, i);
    yuv->color_range = codec->color_range;
    yuv->colorspace = codec->colorspace;
    yuv->color_primaries = codec->color_primaries;
    yuv->color_trc = codec->color_trc;
    sws_scale(sws.get(), rgba->data, rgba->linesize, 0, opt.height, yuv->data, yuv->linesize);
    mux.encode(codec.get(), yuv.get());
    progress.frame_done();
  }
  mux.encode(codec.get(), nullptr);
  mux.finish();
}

}  // namespace ll::video
