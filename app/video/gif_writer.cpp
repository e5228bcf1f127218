// GIF: two passes over the frames, memory bounded by one frame and a colour histogram.
// palettegen only emits its palette at the end of its input, so paletteuse fed the same stream
// would have to hold every frame until then (200 frames of 800 x 800 RGBA: 512 MB). Instead a
// first pass feeds palettegen (stats_mode=full) up to kPaletteSampleFrames frames spread evenly
// over the run (every frame of a short one): a figure's colours (class regions, lines, text,
// their anti-aliased edges) are the same few hundred in every frame, so the sample sees them
// all. The second pass renders every frame again and maps it to that one palette with
// paletteuse: one global palette means a pixel that does not change keeps its index, which the
// GIF encoder's transparency and cropping turn into small frames.
#include <algorithm>
#include <string>

#include "app/video/encoder.h"
#include "app/video/muxer.h"
#include "app/video/writers.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
}

namespace ll::video {

namespace {

AVFilterContext* add_filter(AVFilterGraph* g, const char* filter, const char* name,
                            const std::string& args) {
  AVFilterContext* ctx = nullptr;
  const AVFilter* f = avfilter_get_by_name(filter);
  if (!f) throw std::runtime_error(std::string("FFmpeg has no ") + filter + " filter");
  ff::check(avfilter_graph_create_filter(&ctx, f, name, args.empty() ? nullptr : args.c_str(),
                                         nullptr, g),
            filter);
  return ctx;
}

std::string buffer_args(int width, int height, int format, int fps) {
  return "video_size=" + std::to_string(width) + "x" + std::to_string(height) +
         ":pix_fmt=" + std::to_string(format) + ":time_base=1/" + std::to_string(fps) +
         ":pixel_aspect=1/1";
}

// Drains every frame the sink has into `out` (called with each); returns at EAGAIN or EOF.
template <class F>
void drain(AVFilterContext* sink, F out) {
  while (true) {
    ff::FramePtr f(ff::check_ptr(av_frame_alloc(), "allocating a frame"));
    const int err = av_buffersink_get_frame(sink, f.get());
    if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
    ff::check(err, "filtering");
    out(std::move(f));
  }
}

// The indices of the frames the palette is made from: all, or kPaletteSampleFrames spread
// evenly from the first to the last.
std::vector<int> palette_frames(int frames) {
  std::vector<int> idx;
  const int n = std::min(frames, kPaletteSampleFrames);
  for (int i = 0; i < n; ++i)
    idx.push_back(n == 1 ? 0 : static_cast<int>((static_cast<long>(i) * (frames - 1)) / (n - 1)));
  return idx;
}

ff::FramePtr make_palette(FrameSource& source, const VideoOptions& opt, FrameProgress& progress,
                          std::vector<std::uint8_t>& scratch) {
  ff::GraphPtr graph(ff::check_ptr(avfilter_graph_alloc(), "allocating a filter graph"));
  AVFilterContext* src = add_filter(graph.get(), "buffer", "in",
                                    buffer_args(opt.width, opt.height, AV_PIX_FMT_RGBA, opt.fps));
  AVFilterContext* gen = add_filter(graph.get(), "palettegen", "palettegen",
                                    "max_colors=256:stats_mode=full:reserve_transparent=1");
  AVFilterContext* sink = add_filter(graph.get(), "buffersink", "out", "");
  ff::check(avfilter_link(src, 0, gen, 0), "palettegen");
  ff::check(avfilter_link(gen, 0, sink, 0), "palettegen");
  ff::check(avfilter_graph_config(graph.get(), nullptr), "palettegen");
  ff::FramePtr palette;
  auto keep = [&](ff::FramePtr f) { palette = std::move(f); };
  long pts = 0;
  for (int i : palette_frames(source.frame_count())) {
    progress.check();
    ff::FramePtr f = render_rgba(source, i, opt, scratch, progress.control());
    f->pts = pts++;
    ff::check(av_buffersrc_add_frame(src, f.get()), "palettegen");
    drain(sink, keep);
    progress.frame_done();
  }
  ff::check(av_buffersrc_add_frame(src, nullptr), "palettegen");  // end of input: the palette
  drain(sink, keep);
  if (!palette) throw std::runtime_error("palettegen gave no palette");
  return palette;
}

}  // namespace

void write_gif(FrameSource& source, const VideoOptions& opt, const std::string& file,
               FrameProgress& progress) {
  std::vector<std::uint8_t> scratch;
  ff::FramePtr palette = make_palette(source, opt, progress, scratch);

  ff::GraphPtr graph(ff::check_ptr(avfilter_graph_alloc(), "allocating a filter graph"));
  AVFilterContext* src = add_filter(graph.get(), "buffer", "in",
                                    buffer_args(opt.width, opt.height, AV_PIX_FMT_RGBA, opt.fps));
  AVFilterContext* pal =
      add_filter(graph.get(), "buffer", "palette",
                 buffer_args(palette->width, palette->height, palette->format, opt.fps));
  // Ordered (Bayer) dithering: stable from frame to frame, unlike error diffusion, whose noise
  // changes wherever anything moves and makes every frame large.
  AVFilterContext* use = add_filter(graph.get(), "paletteuse", "paletteuse",
                                    "dither=bayer:bayer_scale=5:diff_mode=rectangle");
  AVFilterContext* sink = add_filter(graph.get(), "buffersink", "out", "");
  ff::check(avfilter_link(src, 0, use, 0), "paletteuse");
  ff::check(avfilter_link(pal, 0, use, 1), "paletteuse");
  ff::check(avfilter_link(use, 0, sink, 0), "paletteuse");
  ff::check(avfilter_graph_config(graph.get(), nullptr), "paletteuse");
  palette->pts = 0;
  ff::check(av_buffersrc_add_frame(pal, palette.get()), "paletteuse");
  ff::check(av_buffersrc_add_frame(pal, nullptr), "paletteuse");  // one palette for all frames

  const AVCodec* gif = avcodec_find_encoder(AV_CODEC_ID_GIF);
  if (!gif) throw std::runtime_error("FFmpeg has no GIF encoder");
  ff::CodecPtr codec(ff::check_ptr(avcodec_alloc_context3(gif), "GIF encoder"));
  codec->width = opt.width;
  codec->height = opt.height;
  codec->pix_fmt = AV_PIX_FMT_PAL8;
  codec->time_base = AVRational{1, opt.fps};
  codec->framerate = AVRational{opt.fps, 1};
  Muxer mux("gif", file);
  ff::check(avcodec_open2(codec.get(), gif, nullptr), "GIF encoder");
  mux.start(codec.get(), "loop=0");  // loop forever

  auto encode_frame = [&](ff::FramePtr f) { mux.encode(codec.get(), f.get()); };
  for (int i = 0; i < source.frame_count(); ++i) {
    progress.check();
    ff::FramePtr f = render_rgba(source, i, opt, scratch, progress.control());
    ff::check(av_buffersrc_add_frame(src, f.get()), "paletteuse");
    drain(sink, encode_frame);
    progress.frame_done();
  }
  ff::check(av_buffersrc_add_frame(src, nullptr), "paletteuse");
  drain(sink, encode_frame);
  mux.encode(codec.get(), nullptr);
  mux.finish();
}

}  // namespace ll::video
