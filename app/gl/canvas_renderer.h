#pragma once
// The GL part of the canvas: decision regions, grid and axes (one fragment shader) and the data
// points (point sprites in their class's marker shape). Draws into the current framebuffer's
// viewport; used by the window and by the offscreen render test. Needs a current GL 3.3 core
// context with glad loaded.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/classifier/model/app_state.h"
#include "app/classifier/model/palette.h"
#include "core/scene.h"

namespace ll::gui {

struct CanvasFrame {
  int fb_x = 0, fb_y = 0, fb_w = 1, fb_h = 1;  // viewport in framebuffer pixels (y up)
  double world_x0 = -1.0, world_y0 = -1.0;     // world point at the viewport's corner (fb_x, fb_y)
  double world_per_px = 2.0;                   // world units per framebuffer pixel
  float px_scale = 1.0f;                       // HiDPI scale for widths and radii
  Style style;  // theme and class colours (cached layers depend on them)
  RegionMode mode = RegionMode::Argmax;
  int score_class = 0;
  double grid_step = 0.0;  // 0: no grid
};

// Per point: world position, label, flags (kPointLoss, kPointWrong) and the loss ring's
// strength 0..1 (figure::loss_level: 1 where a hinge loss is > 0, L_i against the loss at zero
// scores for softmax, sigmoid and focal).
struct PointInstance {
  float x = 0, y = 0, label = 0, flags = 0, loss = 0;
};
inline constexpr int kPointLoss = 1;
inline constexpr int kPointWrong = 2;
// How points look is app/figure's (the exports draw the same discs): full-size discs up to
// kCompactPoints, small plain discs of compact_radius(count, scale) beyond.
using figure::compact_radius;
using figure::kCompactPixelBudget;
using figure::kCompactPoints;
using figure::kCompactRadius;
using figure::kPointRadius;

// When compact discs are this small (dense scenes), at most kMaxWrongMarkers misclassified
// outlines are drawn, evenly spread over the points by index: a software rasteriser's cost grows
// with the number of sprites, and at this size a sample already marks the misclassified areas.
// Larger discs always show every outline. The counts in the panels stay exact.
inline constexpr float kDenseRadius = 1.5f;
inline constexpr std::size_t kMaxWrongMarkers = 5000;

// The misclassified points of `pts` that get an outline (all of them, or the sample above).
std::vector<PointInstance> wrong_markers(const std::vector<PointInstance>& pts);

// Up to this many misclassified outlines over the plain layer are drawn directly each frame:
// compositing a cached layer costs a pass over the whole canvas, more than a few small sprites.
inline constexpr std::size_t kDirectMarkers = 1000;

// From this many points on, the points layer is cached (composited when unchanged).
inline constexpr std::size_t kCachedPoints = 500;

// Frame from a view whose rectangle is in window pixels; fb_scale = framebuffer / window pixels,
// fb_height = framebuffer height (to flip y).
CanvasFrame make_canvas_frame(const ViewTransform& view, double fb_scale, int fb_height);

// A "nice" grid step (1, 2 or 5 times a power of ten, core/ticks.h) of about `target_px` pixels.
double nice_grid_step(double pixels_per_unit, double target_px);

std::vector<PointInstance> point_instances(const Scene& scene, const Evaluation& eval);
// The same into `out`, reusing its storage: a million instances rebuilt every training step
// would otherwise cost a fresh 16 MB allocation (and its page faults) each time.
void fill_point_instances(const Scene& scene, const Evaluation& eval,
                          std::vector<PointInstance>& out);

// What the point instances were built from, so the cached layer is checked without comparing
// a million points: `points` moves when positions or labels change (Document::points_revision),
// `flags` when the loss/misclassified flags may have changed (the window: a serial that moves
// with look_digest).
// A digest of the instances' labels, flags and loss levels. The window moves PointsKey::flags
// only when it changes: a training step that leaves every point's look as it was (a hinge loss's
// rings change only as points cross a margin) keeps the cached points layer.
std::uint64_t look_digest(const std::vector<PointInstance>& pts);

struct PointsKey {
  std::uint64_t points = 0;
  std::uint64_t flags = 0;
  bool operator==(const PointsKey&) const = default;
};

class CanvasRenderer {
 public:
  CanvasRenderer();
  ~CanvasRenderer();
  bool init(std::string* error);
  // The canvas in one go: regions, grid and axes, then the points. Grid, axes and (from
  // kCachedPoints on) the points sit in one cached overlay layer that the regions pass
  // composites itself, so a training frame makes one pass over the canvas and an idle frame
  // (regions cached with the overlay in them) one copy. `points` must be the same whenever `key`
  // is. The same pixels as draw_regions then draw_points, to rounding (1/255) on lines and edges.
  void draw(const CanvasFrame& f, const Params& params, const std::vector<PointInstance>& points,
            PointsKey key);
  // Regions with grid and axes, no points: draw(f, params, {}, {}).
  void draw_regions(const CanvasFrame& f, const Params& params);
  // How the argmax regions are drawn: per pixel (regions.frag), as flat polygons from
  // core/regions (flat_regions.frag: the same colours, boundaries within a pixel), or Auto:
  // polygons while they change (training, dragging: until they stood still for 10 frames),
  // per pixel when cached.
  // Confidence and score shading are always per pixel.
  enum class RegionPath { Auto, PerPixel, Polygons };
  void set_region_path(RegionPath path);
  // Draws the points alone over what the viewport holds, from a cached layer composited over
  // the tiles its sprites reach when nothing about them changed since the last call.
  // `points` must be the same whenever `key` is.
  // A points layer of many sprites is redrawn over several frames, at most this many a frame
  // (a software rasteriser draws about a million a second): the frame stays short and the
  // points fill in. 0: all at once (screenshots). Drawn in the same order, the finished layer is
  // the same as one drawn in one go.
  static constexpr std::size_t kSpritesPerFrame = 25000;
  void set_sprites_per_frame(std::size_t n);
  // True while a points layer is still filling in: keep drawing frames.
  bool filling() const;
  void draw_points(const CanvasFrame& f, const std::vector<PointInstance>& points, PointsKey key);

  // What draw() did so far (tests, benchmarks): overlay layers drawn in full and repainted in
  // part (repaint_changed), and point sprites drawn (into layers or the target).
  struct Counters {
    std::uint64_t overlay_full = 0, overlay_partial = 0, sprites = 0;
  };
  const Counters& counters() const;

 private:
  // The regions with the overlay layer composited over them, into the current target.
  // With `patches` (triangles, viewport pixels): the per-pixel pass over those only.
  void draw_regions_now(const CanvasFrame& f, const Params& params, bool polygons,
                        const std::vector<float>* patches = nullptr);
  // Repaints a regions layer drawn for `before` where the classes may differ for `params`, and
  // within `rects` ({x0, y0, x1, y1} viewport pixels, y up; null: none), where the overlay changed.
  void draw_patches(const CanvasFrame& f, const Params& before, const Params& params,
                    const std::vector<int>* rects = nullptr);
  void draw_polygons(const CanvasFrame& f, const Params& params);
  // The overlay layer for frame f: grid, axes and `pts` (none: empty), redrawn or filled in.
  void update_overlay(const CanvasFrame& f, const std::vector<PointInstance>& pts, bool plain,
                      PointsKey key);
  // When only a few of the overlay's points changed their look (a training step: the points
  // crossing a margin), repaints the tiles their sprites reach, each pixel as a full redraw
  // paints it: cleared, grid and axes, then every point whose sprite reaches it, in order.
  // False (nothing drawn) when too many changed for that to pay.
  bool repaint_changed(const CanvasFrame& local, const std::vector<PointInstance>& pts);
  void draw_cached(const CanvasFrame& f, const std::vector<PointInstance>& points, bool plain,
                   PointsKey key);
  // The misclassified outlines over the plain layer: directly when few, else a cached layer.
  void draw_wrong(const CanvasFrame& f, const std::vector<PointInstance>& points, PointsKey key);
  // Compact discs are sized for `size_for` points (0: points.size()). `masked`: only on the
  // tiles repaint_changed marked (full-size markers).
  void draw_points_now(const CanvasFrame& f, const std::vector<PointInstance>& points, bool compact,
                       std::size_t size_for = 0, bool masked = false);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ll::gui
