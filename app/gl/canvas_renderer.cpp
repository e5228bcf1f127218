#include "app/gl/canvas_renderer.h"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "app/gl/gl_program.h"
#include "app/gl/layer_cache.h"
#include "app/gl/line_bands.h"
#include "app/gl/shaders_embedded.h"
#include "app/gl/tile_marks.h"
#include "core/regions.h"
#include "core/ticks.h"

namespace ll::gui {

namespace {
void set_colors(int loc, const Style& style, bool region) {
  float c[kMaxClasses * 3];
  for (int k = 0; k < kMaxClasses; ++k) {
    const Rgb8 v = region ? style.class_region(k) : style.class_line(k);
    c[3 * k] = v.r / 255.0f;
    c[3 * k + 1] = v.g / 255.0f;
    c[3 * k + 2] = v.b / 255.0f;
  }
  glUniform3fv(loc, kMaxClasses, c);
}

// Each class's marker polygon (figure::shape_outline), the vertices in radii.
void set_shapes(const GlProgram& p, const Style& style) {
  float v[kMaxClasses * figure::kShapeVertices * 2] = {};
  int n[kMaxClasses] = {};
  for (int k = 0; k < kMaxClasses; ++k) {
    const figure::ShapeOutline o = figure::shape_outline(style.class_shape(k));
    n[k] = o.count;
    for (int i = 0; i < o.count; ++i) {
      v[2 * (k * figure::kShapeVertices + i)] = static_cast<float>(o.v[i].x());
      v[2 * (k * figure::kShapeVertices + i) + 1] = static_cast<float>(o.v[i].y());
    }
  }
  glUniform2fv(p.uniform("u_shape"), kMaxClasses * figure::kShapeVertices, v);
  glUniform1iv(p.uniform("u_shape_n"), kMaxClasses, n);
}
}  // namespace

namespace {
// Half the side of a point sprite in pixels (points.vert's u_extent_px).
float sprite_extent(const CanvasFrame& f, bool compact, std::size_t size_for) {
  const float radius = compact ? compact_radius(size_for, f.px_scale) : kPointRadius * f.px_scale;
  return radius +
         (compact ? std::min(1.0f * f.px_scale, radius) : figure::kSpriteMargin * f.px_scale);
}

// Marks the tiles of `layer` (drawn with frame f, its pixels from (0, 0)) that the sprites of
// `pts` reach: positions in float as points.vert computes them, a pixel of slack around each.
void mark_sprites(LayerCache& layer, const CanvasFrame& f, const std::vector<PointInstance>& pts,
                  float extent) {
  layer.clear_marks();
  const auto ox = static_cast<float>(f.world_x0), oy = static_cast<float>(f.world_y0);
  const auto wpp = static_cast<float>(f.world_per_px);
  const float e = extent + 1.0f;
  for (const PointInstance& p : pts) {
    const float x = (p.x - ox) / wpp, y = (p.y - oy) / wpp;
    layer.mark(x - e, y - e, x + e, y + e);
  }
}
}  // namespace

CanvasFrame make_canvas_frame(const ViewTransform& view, double fb_scale, int fb_height) {
  CanvasFrame f;
  f.fb_x = static_cast<int>(std::lround(view.rect_x() * fb_scale));
  f.fb_w = std::max(1, static_cast<int>(std::lround(view.rect_w() * fb_scale)));
  f.fb_h = std::max(1, static_cast<int>(std::lround(view.rect_h() * fb_scale)));
  f.fb_y = fb_height - static_cast<int>(std::lround((view.rect_y() + view.rect_h()) * fb_scale));
  // World point at the framebuffer corner of the viewport (window pixel = fb pixel / scale).
  const Eigen::Vector2d corner =
      view.to_world({f.fb_x / fb_scale, (fb_height - f.fb_y) / fb_scale});
  f.world_x0 = corner.x();
  f.world_y0 = corner.y();
  f.world_per_px = 1.0 / (view.pixels_per_unit() * fb_scale);
  return f;
}

double nice_grid_step(double pixels_per_unit, double target_px) {
  return figure::grid_step(pixels_per_unit, target_px / figure::kGridTargetPx);
}

std::vector<PointInstance> point_instances(const Scene& scene, const Evaluation& eval) {
  std::vector<PointInstance> out;
  fill_point_instances(scene, eval, out);
  return out;
}

void fill_point_instances(const Scene& scene, const Evaluation& eval,
                          std::vector<PointInstance>& out) {
  out.resize(scene.points.size());
  const bool have = eval.losses.size() == static_cast<Eigen::Index>(scene.points.size());
  const double ref = have ? figure::loss_reference(scene.loss, scene.classes()) : 0.0;
  for (std::size_t i = 0; i < scene.points.size(); ++i) {
    const Point& p = scene.points[i];
    int flags = 0;
    double level = 0.0;
    if (have) {
      const auto ii = static_cast<Eigen::Index>(i);
      level = figure::loss_level(eval.losses(ii), scene.loss.kind, ref);
      if (level > 0.0) flags |= kPointLoss;
      if (eval.predictions(ii) != p.label) flags |= kPointWrong;
    }
    out[i] = {static_cast<float>(p.x0), static_cast<float>(p.x1), static_cast<float>(p.label),
              static_cast<float>(flags), static_cast<float>(level)};
  }
}

std::uint64_t look_digest(const std::vector<PointInstance>& pts) {
  // FNV-1a over the three floats that set a point's look (its position is PointsKey::points').
  std::uint64_t h = 1469598103934665603ull;
  const auto mix = [&h](float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    h = (h ^ bits) * 1099511628211ull;
  };
  for (const PointInstance& p : pts) {
    mix(p.label);
    mix(p.flags);
    mix(p.loss);
  }
  return h;
}

std::vector<PointInstance> wrong_markers(const std::vector<PointInstance>& pts) {
  std::vector<PointInstance> wrong;
  for (const PointInstance& p : pts)
    if (static_cast<int>(p.flags) & kPointWrong) wrong.push_back(p);
  if (wrong.size() > kMaxWrongMarkers && compact_radius(pts.size(), 1.0f) <= kDenseRadius) {
    const double stride = static_cast<double>(wrong.size()) / kMaxWrongMarkers;  // >= 1
    for (std::size_t i = 0; i < kMaxWrongMarkers; ++i)
      wrong[i] = wrong[static_cast<std::size_t>(static_cast<double>(i) * stride)];
    wrong.resize(kMaxWrongMarkers);
  }
  return wrong;
}

namespace {
constexpr int kSettleFrames = 10;
}  // namespace

struct CanvasRenderer::Impl {
  // Region programs per (mode, classes), built on first use.
  std::unique_ptr<GlProgram> regions[3][kMaxClasses + 1][2];  // [mode][K][patches]
  GlProgram points, points_compact;
  GlProgram points_masked;  // on the tiles of mask_tex only (repaint_changed)
  GLuint mask_tex = 0;
  LineBands lines;  // grid and axes over the regions
  std::string error;
  // The points layer is redrawn only when the points, their flags or the view change.
  LayerCache layer;
  PointsKey layer_key;
  bool layer_plain = false;
  CanvasFrame layer_frame;
  bool layer_valid = false;
  std::size_t layer_drawn = 0, layer_size = 0;  // sprites in the layer so far, of how many
  std::size_t sprites_per_frame = kSpritesPerFrame;
  // The misclassified points over the plain layer: listed when the key changes, drawn
  // directly when they are few, else through wrong_layer (redrawn when the set or view changes).
  std::vector<PointInstance> wrong;
  PointsKey wrong_key;
  bool wrong_valid = false;
  LayerCache wrong_layer;
  CanvasFrame wrong_frame;
  bool wrong_layer_valid = false;
  int wrong_still = 0;  // frames since the set last changed
  // draw()'s overlay: grid, axes and the cached points (premultiplied), composited by the
  // regions pass; redrawn when the view, the grid or the points change, filled in like `layer`.
  // overlay_version counts its changes (the cached regions hold one version of it).
  LayerCache overlay;
  CanvasFrame overlay_frame;
  PointsKey overlay_key;
  bool overlay_plain = false, overlay_valid = false;
  std::size_t overlay_drawn = 0, overlay_size = 0;
  std::uint64_t overlay_version = 0;
  // The looks its points were drawn with (compared by repaint_changed), and the rectangles the
  // last repaint_changed drew ({x0, y0, x1, y1}, layer pixels), which turned version
  // overlay_dirty_from into overlay_version: the cached regions repaint only those.
  std::vector<PointInstance> overlay_pts;
  std::vector<int> overlay_dirty;
  std::uint64_t overlay_dirty_from = 0;
  Counters counters;
  // The regions (with the overlay over them) are redrawn only when the parameters, the view or
  // the overlay change.
  LayerCache regions_layer;
  Params regions_params;
  CanvasFrame regions_frame;
  std::uint64_t regions_overlay = 0;
  bool regions_valid = false;
  bool regions_changed = false;      // the last frame's regions differed from the one before
  bool regions_seen = false;         // drawn at least once
  int still_frames = kSettleFrames;  // frames since the parameters or the view last changed
  RegionPath path = RegionPath::Auto;
  GlProgram flat;  // the polygon path
  GLuint flat_vao = 0, flat_vbo = 0;
  std::vector<float> flat_vertices;  // x, y (viewport pixels), r, g, b

  const GlProgram* region_program(RegionMode mode, int K, bool patches = false) {
    std::unique_ptr<GlProgram>& slot = regions[static_cast<int>(mode)][K][patches ? 1 : 0];
    if (!slot) {
      std::string frag = shaders::regions_frag;
      const std::size_t eol = frag.find('\n') + 1;  // after "#version ..."
      frag.insert(eol, "#define MODE " + std::to_string(static_cast<int>(mode)) +
                           "\n#define CLASSES " + std::to_string(K) + "\n");
      std::string vert = shaders::regions_vert;
      if (patches) vert.insert(vert.find('\n') + 1, "#define PATCHES 1\n");
      slot = std::make_unique<GlProgram>();
      if (!slot->build("regions", vert.c_str(), frag.c_str(), &error)) return nullptr;
    }
    return slot->id() ? slot.get() : nullptr;
  }
  GLuint empty_vao = 0, point_vao = 0, instance_vbo = 0;
  // The regions layer's content, for repainting only what a step changed (draw_patches).
  Params cache_params;
  CanvasFrame cache_frame;
  std::uint64_t cache_overlay = 0;
  bool cache_exact = false;  // drawn by the per-pixel pass in one go
  GLuint patch_vao = 0, patch_vbo = 0;
  std::vector<float> patch_vertices;  // x, y in viewport pixels
};

CanvasRenderer::CanvasRenderer() : impl_(std::make_unique<Impl>()) {}

CanvasRenderer::~CanvasRenderer() {
  if (impl_->flat_vao) glDeleteVertexArrays(1, &impl_->flat_vao);
  if (impl_->mask_tex) glDeleteTextures(1, &impl_->mask_tex);
  if (impl_->patch_vao) glDeleteVertexArrays(1, &impl_->patch_vao);
  if (impl_->patch_vbo) glDeleteBuffers(1, &impl_->patch_vbo);
  if (impl_->flat_vbo) glDeleteBuffers(1, &impl_->flat_vbo);
  if (impl_->empty_vao) glDeleteVertexArrays(1, &impl_->empty_vao);
  if (impl_->point_vao) glDeleteVertexArrays(1, &impl_->point_vao);
  if (impl_->instance_vbo) glDeleteBuffers(1, &impl_->instance_vbo);
}

bool CanvasRenderer::init(std::string* error) {
  for (int K = kMinClasses; K <= kMaxClasses; ++K) {  // check that every variant compiles
    if (!impl_->region_program(RegionMode::Argmax, K)) {
      *error = impl_->error;
      return false;
    }
  }
  if (!impl_->points.build("points", shaders::points_vert, shaders::points_frag, error))
    return false;
  std::string compact = shaders::points_frag;
  compact.insert(compact.find('\n') + 1, "#define COMPACT 1\n");
  if (!impl_->points_compact.build("points (compact)", shaders::points_vert, compact.c_str(),
                                   error))
    return false;
  std::string masked = shaders::points_frag;
  masked.insert(masked.find('\n') + 1, "#define MASKED 1\n");
  if (!impl_->points_masked.build("points (masked)", shaders::points_vert, masked.c_str(), error))
    return false;
  glGenTextures(1, &impl_->mask_tex);
  glBindTexture(GL_TEXTURE_2D, impl_->mask_tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, 0);
  if (!impl_->flat.build("flat regions", shaders::flat_regions_vert, shaders::flat_regions_frag,
                         error))
    return false;
  if (!impl_->lines.init(error) || !impl_->layer.init(error) || !impl_->regions_layer.init(error) ||
      !impl_->wrong_layer.init(error) || !impl_->overlay.init(error))
    return false;
  if (!impl_->region_program(RegionMode::Argmax, kMinClasses, true)) {
    *error = impl_->error;
    return false;
  }
  make_vertex_array(impl_->patch_vao, impl_->patch_vbo, 0, {2});
  make_vertex_array(impl_->flat_vao, impl_->flat_vbo, 0, {2, 3});
  glGenVertexArrays(1, &impl_->empty_vao);
  static_assert(sizeof(PointInstance) == 5 * sizeof(float));
  make_vertex_array(impl_->point_vao, impl_->instance_vbo, 1, {2, 3});
  return true;
}

namespace {
bool same_frame(const CanvasFrame& a, const CanvasFrame& b) {
  return a.fb_w == b.fb_w && a.fb_h == b.fb_h && a.world_x0 == b.world_x0 &&
         a.world_y0 == b.world_y0 && a.world_per_px == b.world_per_px && a.px_scale == b.px_scale &&
         a.style.theme == b.style.theme && a.style.scheme == b.style.scheme;
}
}  // namespace

void CanvasRenderer::set_region_path(RegionPath path) {
  impl_->path = path;
  impl_->regions_valid = false;  // the cached regions may have been drawn the other way
}

void CanvasRenderer::draw_regions(const CanvasFrame& f, const Params& params) {
  draw(f, params, {}, {});
}

void CanvasRenderer::update_overlay(const CanvasFrame& f, const std::vector<PointInstance>& pts,
                                    bool plain, PointsKey key) {
  Impl& m = *impl_;
  if (plain) key.flags = 0;  // the plain layer shows no flags
  if (pts.empty()) key = {};
  CanvasFrame local = f;  // the layer's own pixels start at (0, 0)
  local.fb_x = local.fb_y = 0;
  const bool same_points = m.overlay_valid && same_frame(f, m.overlay_frame) &&
                           f.grid_step == m.overlay_frame.grid_step &&
                           m.overlay_key.points == key.points && m.overlay_plain == plain &&
                           m.overlay_size == pts.size();
  if (same_points && !(m.overlay_key == key) && !plain && m.overlay_drawn == pts.size() &&
      repaint_changed(local, pts)) {
    m.overlay_key = key;
    m.overlay_dirty_from = m.overlay_version++;
    ++m.counters.overlay_partial;
    return;
  }
  if (!same_points || !(m.overlay_key == key)) {
    m.overlay_frame = f;
    m.overlay_key = key;
    m.overlay_plain = plain;
    m.overlay_size = pts.size();
    m.overlay_drawn = 0;
    m.overlay_valid = true;
    if (!plain) m.overlay_pts = pts;
    ++m.counters.overlay_full;
    m.overlay.begin(f.fb_w, f.fb_h);  // cleared
    m.lines.draw(local, true);
  } else if (m.overlay_drawn < pts.size()) {
    m.overlay.begin(f.fb_w, f.fb_h, false);  // the next part over what it holds
  } else {
    return;
  }
  if (m.overlay_drawn < pts.size()) {
    const std::size_t budget = m.sprites_per_frame ? m.sprites_per_frame : pts.size();
    const std::size_t n = std::min(pts.size() - m.overlay_drawn, budget);
    const auto first = pts.begin() + static_cast<std::ptrdiff_t>(m.overlay_drawn);
    std::vector<PointInstance> part(first, first + static_cast<std::ptrdiff_t>(n));
    if (plain)
      for (PointInstance& p : part) p.flags = 0;
    draw_points_now(local, part, plain, pts.size());  // sized for all of them
    m.overlay_drawn += n;
  }
  m.overlay.end();
  ++m.overlay_version;
}

namespace {
bool same_look(const PointInstance& a, const PointInstance& b) {
  return a.x == b.x && a.y == b.y && a.label == b.label && a.flags == b.flags && a.loss == b.loss;
}

}  // namespace

bool CanvasRenderer::repaint_changed(const CanvasFrame& local,
                                     const std::vector<PointInstance>& pts) {
  Impl& m = *impl_;
  if (m.overlay_pts.size() != pts.size()) return false;
  const auto ox = static_cast<float>(local.world_x0), oy = static_cast<float>(local.world_y0);
  const auto wpp = static_cast<float>(local.world_per_px);
  const auto centre = [&](const PointInstance& p) {  // as points.vert places the sprite
    return Eigen::Vector2f((p.x - ox) / wpp, (p.y - oy) / wpp);
  };
  const float e = sprite_extent(local, false, pts.size()) + 1.0f;  // a pixel of slack
  // Beyond this many changes, a redraw of every sprite costs about as much as the repaint.
  const std::size_t limit = std::max<std::size_t>(16, pts.size() / 8);
  TileMarks dirty;
  dirty.reset(local.fb_w, local.fb_h, false);
  std::size_t changed = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (same_look(pts[i], m.overlay_pts[i])) continue;
    if (pts[i].x != m.overlay_pts[i].x || pts[i].y != m.overlay_pts[i].y) return false;
    if (++changed > limit) return false;
    const Eigen::Vector2f c = centre(pts[i]);
    dirty.mark(c.x() - e, c.y() - e, c.x() + e, c.y() + e);
  }
  m.overlay_dirty = dirty.rects();
  m.overlay_pts = pts;
  if (m.overlay_dirty.empty()) return true;  // nothing on the canvas changed
  // Every point whose sprite reaches a repainted tile, in order, drawn on those tiles only.
  std::vector<PointInstance> reach;
  for (const PointInstance& p : pts) {
    const Eigen::Vector2f c = centre(p);
    if (dirty.any(c.x() - e, c.y() - e, c.x() + e, c.y() + e)) reach.push_back(p);
  }
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, m.mask_tex);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, dirty.tiles_x(), dirty.tiles_y(), 0, GL_RED,
               GL_UNSIGNED_BYTE, dirty.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glActiveTexture(GL_TEXTURE0);
  m.overlay.begin(local.fb_w, local.fb_h, false);
  glEnable(GL_SCISSOR_TEST);
  glClearColor(0, 0, 0, 0);
  for (std::size_t r = 0; r + 3 < m.overlay_dirty.size(); r += 4) {
    const int* box = &m.overlay_dirty[r];
    glScissor(box[0], box[1], box[2] - box[0], box[3] - box[1]);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  glDisable(GL_SCISSOR_TEST);
  m.lines.draw(local, true, &m.overlay_dirty);
  draw_points_now(local, reach, false, pts.size(), true);
  m.overlay.end();
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, 0);
  glActiveTexture(GL_TEXTURE0);
  return true;
}

void CanvasRenderer::draw(const CanvasFrame& f, const Params& params,
                          const std::vector<PointInstance>& pts, PointsKey key) {
  Impl& m = *impl_;
  const bool cached_points = pts.size() >= kCachedPoints;
  const bool plain = pts.size() > kCompactPoints;  // flags drawn over it (draw_wrong)
  static const std::vector<PointInstance> kNone;
  update_overlay(f, cached_points ? pts : kNone, plain, key);

  // Moved: new parameters or view (the first frame has nothing to compare with).
  const bool moved =
      m.regions_seen &&
      !(m.regions_params == params && same_frame(f, m.regions_frame) &&
        f.mode == m.regions_frame.mode && f.score_class == m.regions_frame.score_class);
  m.regions_seen = true;
  m.still_frames = moved ? 0 : std::min(m.still_frames + 1, kSettleFrames);
  // Training at fewer steps a second than frames moves the regions every few frames: until they
  // have stood still for kSettleFrames, every frame draws them directly (the same cost each
  // frame) instead of caching a layer that the next step throws away.
  const bool recent = m.still_frames < kSettleFrames;
  const bool same = !moved && m.regions_overlay == m.overlay_version;
  m.regions_params = params;
  m.regions_frame = f;
  m.regions_overlay = m.overlay_version;
  const bool changing = recent || (!same && m.regions_changed);  // or changed twice running
  m.regions_changed = !same;
  // Polygons while the regions themselves move (not while only the points fill in).
  const bool polygons = f.mode == RegionMode::Argmax &&
                        (m.path == RegionPath::Polygons || (m.path == RegionPath::Auto && recent));
  CanvasFrame local = f;  // the layer's own pixels start at (0, 0)
  local.fb_x = local.fb_y = 0;
  const auto keep = [&](bool exact) {  // what the regions layer now holds
    m.cache_params = params;
    m.cache_frame = f;
    m.cache_overlay = m.overlay_version;
    m.cache_exact = exact;
    m.regions_valid = true;
  };
  if (polygons) {
    // Into the regions layer, then copied: while training, the next step repaints only the
    // pixels whose class may have changed (draw_patches), not the whole canvas.
    // The overlay as the layer holds it, or one repaint_changed since.
    const bool overlay_kept = m.cache_overlay == m.overlay_version;
    const bool overlay_patched =
        m.cache_overlay == m.overlay_dirty_from && m.overlay_dirty_from + 1 == m.overlay_version;
    const bool patch = m.path == RegionPath::Auto && m.regions_valid &&
                       same_frame(f, m.cache_frame) && m.cache_frame.mode == RegionMode::Argmax &&
                       (overlay_kept || overlay_patched) &&
                       m.cache_params.classes() == params.classes();
    m.regions_layer.begin(f.fb_w, f.fb_h, !patch);
    if (patch)
      draw_patches(local, m.cache_params, params, overlay_kept ? nullptr : &m.overlay_dirty);
    else
      draw_regions_now(local, params, true);
    m.regions_layer.end();
    keep(false);
    m.regions_layer.blit(f.fb_x, f.fb_y);
  } else if (changing) {  // dragging in a shaded mode: straight to the target, cache when settled
    draw_regions_now(f, params, false);
    m.regions_valid = false;
  } else {
    if (!same || !m.regions_valid || !m.cache_exact) {
      m.regions_layer.begin(f.fb_w, f.fb_h);
      draw_regions_now(local, params, false);
      m.regions_layer.end();
      keep(true);
    }
    m.regions_layer.blit(f.fb_x, f.fb_y);
  }
  if (!pts.empty() && !cached_points) draw_points_now(f, pts, false);  // a few: directly
  if (plain) draw_wrong(f, pts, key);
}

namespace {
// The scores in viewport pixels (origin at the viewport's corner), in double as regions.vert's
// vertex scores: exact at any zoom.
Params pixel_params(const CanvasFrame& f, const Params& params) {
  Params px = params;
  px.W = params.W * f.world_per_px;
  for (int k = 0; k < params.classes(); ++k)
    px.b(k) = params.W(k, 0) * f.world_x0 + params.W(k, 1) * f.world_y0 + params.b(k);
  return px;
}

Rect viewport_rect(const CanvasFrame& f) { return {0.0, 0.0, 1.0 * f.fb_w, 1.0 * f.fb_h}; }

void add_fan(const Polygon& poly, std::vector<float>& v) {  // convex: a fan of triangles
  for (std::size_t i = 1; i + 1 < poly.size(); ++i)
    for (const Eigen::Vector2d& p : {poly[0], poly[i], poly[i + 1]})
      v.insert(v.end(), {static_cast<float>(p.x()), static_cast<float>(p.y())});
}

// A quad covering every pixel centre within r of segment ab (pixels).
void add_band(const Eigen::Vector2d& a, const Eigen::Vector2d& b, double r, std::vector<float>& v) {
  const Eigen::Vector2d d = b - a;
  const double len = d.norm();
  if (!(len > 0.0)) return;
  const Eigen::Vector2d t = d * (r / len), n(-t.y(), t.x());
  add_fan({a - t - n, b + t - n, b + t + n, a - t + n}, v);
}
}  // namespace

void CanvasRenderer::draw_patches(const CanvasFrame& f, const Params& before, const Params& params,
                                  const std::vector<int>* rects) {
  // A pixel's class changed only where a new region overlaps another class's old one: those
  // convex pieces (new_k clipped to old_j's half-planes) are repainted by the per-pixel pass,
  // and so are bands of 1.5 px around the old and the new boundaries, where a piece's edge may
  // round either way. Every other pixel kept its class and the layer holds it already.
  const Rect view = viewport_rect(f);
  const Params po = pixel_params(f, before), pn = pixel_params(f, params);
  const std::vector<Polygon> was = class_regions(po, view), now = class_regions(pn, view);
  const int K = params.classes();
  std::vector<float>& v = impl_->patch_vertices;
  v.clear();
  for (int k = 0; k < K; ++k) {
    if (now[k].size() < 3) continue;
    for (int j = 0; j < K; ++j) {
      if (j == k || was[j].size() < 3) continue;
      Polygon piece = now[k];
      for (int i = 0; i < K && piece.size() >= 3; ++i)
        if (i != j)
          piece = clip(piece, {Eigen::Vector2d(po.W(j, 0) - po.W(i, 0), po.W(j, 1) - po.W(i, 1)),
                               po.b(j) - po.b(i)});
      if (piece.size() >= 3) add_fan(piece, v);
    }
  }
  const auto on_border = [&](const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
    constexpr double e = 1e-9;
    return (std::abs(a.x()) < e && std::abs(b.x()) < e) ||
           (std::abs(a.y()) < e && std::abs(b.y()) < e) ||
           (std::abs(a.x() - view.x_max) < e && std::abs(b.x() - view.x_max) < e) ||
           (std::abs(a.y() - view.y_max) < e && std::abs(b.y() - view.y_max) < e);
  };
  for (const std::vector<Polygon>* regions : {&was, &now})
    for (const Polygon& poly : *regions)
      for (std::size_t i = 0; poly.size() >= 3 && i < poly.size(); ++i) {
        const Eigen::Vector2d &a = poly[i], &b = poly[(i + 1) % poly.size()];
        if (!on_border(a, b)) add_band(a, b, 1.5, v);
      }
  for (std::size_t i = 0; rects && i + 3 < rects->size(); i += 4) {
    const double x0 = (*rects)[i], y0 = (*rects)[i + 1], x1 = (*rects)[i + 2], y1 = (*rects)[i + 3];
    add_fan({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, v);
  }
  if (!v.empty()) draw_regions_now(f, params, false, &v);
}

void CanvasRenderer::draw_polygons(const CanvasFrame& f, const Params& params) {
  Impl& m = *impl_;
  // Pixel centres inside a polygon get its class, as the per-pixel pass decides at the same
  // centres (ties and float rounding: within a pixel).
  const std::vector<Polygon> regions = class_regions(pixel_params(f, params), viewport_rect(f));
  std::vector<float>& v = m.flat_vertices;
  v.clear();
  for (std::size_t k = 0; k < regions.size(); ++k) {
    const Polygon& poly = regions[k];
    if (poly.size() < 3) continue;
    const Rgb8 c = f.style.class_region(static_cast<int>(k));
    // A hundredth of a pixel outwards: neighbours computed apart may round apart, and a pixel
    // centre in such a crack would get no colour; an overlap is harmless (the pass is opaque).
    const Eigen::Vector2d centre = polygon_centroid(poly);
    const auto vertex = [&](const Eigen::Vector2d& p) {
      const Eigen::Vector2d d = p - centre;
      const double len = d.norm();
      const Eigen::Vector2d q = len > 0.0 ? Eigen::Vector2d(p + d * (0.01 / len)) : p;
      v.insert(v.end(), {static_cast<float>(q.x()), static_cast<float>(q.y()), c.r / 255.0f,
                         c.g / 255.0f, c.b / 255.0f});
    };
    for (std::size_t i = 1; i + 1 < poly.size(); ++i) {  // a fan: the polygon is convex
      vertex(poly[0]);
      vertex(poly[i]);
      vertex(poly[i + 1]);
    }
  }
  const GlProgram& p = m.flat;
  glUseProgram(p.id());
  glUniform2f(p.uniform("u_viewport_px"), static_cast<float>(f.fb_w), static_cast<float>(f.fb_h));
  glUniform1i(p.uniform("u_overlay"), 0);
  glUniform2f(p.uniform("u_overlay_origin"), static_cast<float>(f.fb_x),
              static_cast<float>(f.fb_y));
  glBindVertexArray(m.flat_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m.flat_vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(float)), v.data(),
               GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(v.size() / 5));
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glBindVertexArray(0);
  glUseProgram(0);
}

void CanvasRenderer::draw_regions_now(const CanvasFrame& f, const Params& params, bool polygons,
                                      const std::vector<float>* patches) {
  glViewport(f.fb_x, f.fb_y, f.fb_w, f.fb_h);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, impl_->overlay.texture());
  if (polygons) {
    draw_polygons(f, params);
    glBindTexture(GL_TEXTURE_2D, 0);
    return;
  }
  const int K = std::clamp(params.classes(), kMinClasses, kMaxClasses);
  const GlProgram* prog = impl_->region_program(f.mode, K, patches != nullptr);
  if (!prog) return;
  const GlProgram& p = *prog;
  glUseProgram(p.id());
  // Scores at the triangle's vertices (0,0), (2,0), (0,2) in viewport units, in double.
  float s[3][kMaxClasses] = {};
  for (int v = 0; v < 3; ++v) {
    const double x0 = f.world_x0 + (v == 1 ? 2.0 * f.fb_w : 0.0) * f.world_per_px;
    const double x1 = f.world_y0 + (v == 2 ? 2.0 * f.fb_h : 0.0) * f.world_per_px;
    double sv[kMaxClasses] = {};
    double top = -std::numeric_limits<double>::infinity();
    for (int k = 0; k < K; ++k) {
      sv[k] = params.W(k, 0) * x0 + params.W(k, 1) * x1 + params.b(k);
      top = std::max(top, sv[k]);
    }
    const double shift = f.mode == RegionMode::Score ? 0.0 : top;
    for (int k = 0; k < K; ++k) s[v][k] = static_cast<float>(sv[k] - shift);
  }
  static_assert(kMaxClasses == 10, "the region shader takes scores as vec4 + vec4 + vec2");
  float s0[3][4], s1[3][4], s2[3][2];
  for (int v = 0; v < 3; ++v) {
    for (int k = 0; k < 4; ++k) {
      s0[v][k] = s[v][k];
      s1[v][k] = s[v][k + 4];
    }
    for (int k = 0; k < 2; ++k) s2[v][k] = s[v][k + 8];
  }
  glUniform2f(p.uniform("u_viewport_px"), static_cast<float>(f.fb_w), static_cast<float>(f.fb_h));
  glUniform2f(p.uniform("u_world_origin"), static_cast<float>(f.world_x0),
              static_cast<float>(f.world_y0));
  glUniform1f(p.uniform("u_world_per_px"), static_cast<float>(f.world_per_px));
  glUniform4fv(p.uniform("u_s0"), 3, &s0[0][0]);
  glUniform4fv(p.uniform("u_s1"), 3, &s1[0][0]);
  glUniform2fv(p.uniform("u_s2"), 3, &s2[0][0]);
  set_colors(p.uniform("u_region"), f.style, true);
  set_colors(p.uniform("u_line"), f.style, false);
  const Rgb8 bg = f.style.colors().background;
  glUniform3f(p.uniform("u_background"), bg.rf(), bg.gf(), bg.bf());
  const int sc = std::clamp(f.score_class, 0, K - 1);
  glUniform1i(p.uniform("u_score_class"), sc);
  glUniform1f(p.uniform("u_score_px"),
              static_cast<float>(std::hypot(params.W(sc, 0), params.W(sc, 1)) * f.world_per_px));
  glUniform1f(p.uniform("u_px_scale"), f.px_scale);
  glUniform1i(p.uniform("u_overlay"), 0);
  glUniform2f(p.uniform("u_overlay_origin"), static_cast<float>(f.fb_x),
              static_cast<float>(f.fb_y));
  if (patches) {
    glBindVertexArray(impl_->patch_vao);
    glBindBuffer(GL_ARRAY_BUFFER, impl_->patch_vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(patches->size() * sizeof(float)),
                 patches->data(), GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(patches->size() / 2));
    glBindBuffer(GL_ARRAY_BUFFER, 0);
  } else {
    glBindVertexArray(impl_->empty_vao);
    glDrawArrays(GL_TRIANGLES, 0, 3);
  }
  glBindVertexArray(0);
  glUseProgram(0);
  glBindTexture(GL_TEXTURE_2D, 0);
}

void CanvasRenderer::draw_points(const CanvasFrame& f, const std::vector<PointInstance>& pts,
                                 PointsKey key) {
  if (pts.empty()) return;
  if (pts.size() < kCachedPoints) {  // cheaper to draw than to composite a full layer
    draw_points_now(f, pts, false);
    return;
  }
  if (pts.size() > kCompactPoints) {
    // Many small discs: one cached layer holds them without flags (training does not move
    // points); the misclassified ones with their red outline go over it (draw_wrong).
    draw_cached(f, pts, true, key);
    draw_wrong(f, pts, key);
    return;
  }
  draw_cached(f, pts, false, key);
}

void CanvasRenderer::draw_wrong(const CanvasFrame& f, const std::vector<PointInstance>& pts,
                                PointsKey key) {
  Impl& m = *impl_;
  if (!m.wrong_valid || !(m.wrong_key == key)) {
    // Listed again only when the flags may have changed (every step while training, never
    // while idle); the layer is redrawn only when the set really changed (a training step
    // seldom changes which points are misclassified).
    std::vector<PointInstance> wrong = wrong_markers(pts);
    const bool same_set = m.wrong_valid && wrong.size() == m.wrong.size() &&
                          std::equal(wrong.begin(), wrong.end(), m.wrong.begin(),
                                     [](const PointInstance& a, const PointInstance& b) {
                                       return a.x == b.x && a.y == b.y && a.label == b.label;
                                     });
    if (!same_set) {
      m.wrong = std::move(wrong);
      m.wrong_layer_valid = false;
      m.wrong_still = 0;
    }
    m.wrong_key = key;
    m.wrong_valid = true;
  }
  m.wrong_still = std::min(m.wrong_still + 1, kSettleFrames);
  // A few sprites cost less than a composite; so do many while the set changes (early in
  // training, every step): the layer would be redrawn each frame and composited too.
  if (m.wrong.size() <= kDirectMarkers || m.wrong_still < kSettleFrames) {
    draw_points_now(f, m.wrong, true, pts.size());  // outlines the size of the discs
    return;
  }
  if (!m.wrong_layer_valid || !same_frame(f, m.wrong_frame)) {
    CanvasFrame local = f;  // the layer's own pixels start at (0, 0)
    local.fb_x = local.fb_y = 0;
    m.wrong_layer.begin(f.fb_w, f.fb_h);
    mark_sprites(m.wrong_layer, local, m.wrong, sprite_extent(local, true, pts.size()));
    draw_points_now(local, m.wrong, true, pts.size());
    m.wrong_layer.end();
    m.wrong_frame = f;
    m.wrong_layer_valid = true;
  }
  m.wrong_layer.composite(f.fb_x, f.fb_y);
}

void CanvasRenderer::set_sprites_per_frame(std::size_t n) { impl_->sprites_per_frame = n; }

const CanvasRenderer::Counters& CanvasRenderer::counters() const { return impl_->counters; }

bool CanvasRenderer::filling() const {
  const Impl& m = *impl_;
  return (m.layer_valid && m.layer_drawn < m.layer_size) ||
         (m.overlay_valid && m.overlay_drawn < m.overlay_size);
}

void CanvasRenderer::draw_cached(const CanvasFrame& f, const std::vector<PointInstance>& pts,
                                 bool plain, PointsKey key) {
  Impl& m = *impl_;
  if (plain) key.flags = 0;  // the plain layer shows no flags
  if (!m.layer_valid || !same_frame(f, m.layer_frame) || !(m.layer_key == key) ||
      m.layer_plain != plain) {
    m.layer_key = key;
    m.layer_plain = plain;
    m.layer_frame = f;
    m.layer_valid = true;
    m.layer_drawn = 0;
    m.layer_size = pts.size();
  }
  if (m.layer_drawn < pts.size()) {
    CanvasFrame local = f;  // the layer's own pixels start at (0, 0)
    local.fb_x = local.fb_y = 0;
    const std::size_t budget = m.sprites_per_frame ? m.sprites_per_frame : pts.size();
    const std::size_t n = std::min(pts.size() - m.layer_drawn, budget);
    m.layer.begin(f.fb_w, f.fb_h, m.layer_drawn == 0);  // cleared only for the first part
    if (m.layer_drawn == 0)
      mark_sprites(m.layer, local, pts, sprite_extent(local, plain, pts.size()));
    const auto first = pts.begin() + static_cast<std::ptrdiff_t>(m.layer_drawn);
    std::vector<PointInstance> part(first, first + static_cast<std::ptrdiff_t>(n));
    if (plain)
      for (PointInstance& p : part) p.flags = 0;
    draw_points_now(local, part, plain, pts.size());  // sized for all of them
    m.layer.end();
    m.layer_drawn += n;
  }
  m.layer.composite(f.fb_x, f.fb_y);
}

void CanvasRenderer::draw_points_now(const CanvasFrame& f, const std::vector<PointInstance>& pts,
                                     bool compact, std::size_t size_for, bool masked) {
  if (pts.empty()) return;
  const GlProgram& p =
      compact ? impl_->points_compact : (masked ? impl_->points_masked : impl_->points);
  const float radius = compact ? compact_radius(size_for ? size_for : pts.size(), f.px_scale)
                               : kPointRadius * f.px_scale;
  const float extent = sprite_extent(f, compact, size_for ? size_for : pts.size());
  const int pad = static_cast<int>(std::ceil(extent));
  glViewport(f.fb_x - pad, f.fb_y - pad, f.fb_w + 2 * pad, f.fb_h + 2 * pad);
  glEnable(GL_SCISSOR_TEST);
  glScissor(f.fb_x, f.fb_y, f.fb_w, f.fb_h);
  glEnable(GL_PROGRAM_POINT_SIZE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(p.id());
  glUniform2f(p.uniform("u_world_origin"), static_cast<float>(f.world_x0),
              static_cast<float>(f.world_y0));
  glUniform1f(p.uniform("u_world_per_px"), static_cast<float>(f.world_per_px));
  glUniform2f(p.uniform("u_viewport_px"), static_cast<float>(f.fb_w), static_cast<float>(f.fb_h));
  glUniform1f(p.uniform("u_pad_px"), static_cast<float>(pad));
  glUniform1f(p.uniform("u_extent_px"), extent);
  glUniform1f(p.uniform("u_radius_px"), radius);
  glUniform1f(p.uniform("u_px_scale"), f.px_scale);
  set_colors(p.uniform("u_line"), f.style, false);
  if (!compact) set_shapes(p, f.style);
  if (masked) {  // the mask repaint_changed uploaded, on unit 1
    glUniform1i(p.uniform("u_mask"), 1);
    glUniform1f(p.uniform("u_tile"), static_cast<float>(TileMarks::kTile));
  }
  glUniform1f(p.uniform("u_ring_gap"), figure::kRingGap * f.px_scale);
  glUniform1f(p.uniform("u_ring_half"), figure::kRingHalf * f.px_scale);
  const Rgb8 outline = f.style.colors().outline;
  glUniform3f(p.uniform("u_outline"), outline.rf(), outline.gf(), outline.bf());
  const Rgb8 loss = figure::loss_color(f.style);
  glUniform3f(p.uniform("u_loss_color"), loss.rf(), loss.gf(), loss.bf());
  glBindVertexArray(impl_->point_vao);
  glBindBuffer(GL_ARRAY_BUFFER, impl_->instance_vbo);
  // A new store each time (orphaning): updating a store the driver may still be reading from
  // would make it wait for, or copy, the previous draw's points.
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(pts.size() * sizeof(PointInstance)),
               pts.data(), GL_STREAM_DRAW);
  glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(pts.size()));
  impl_->counters.sprites += pts.size();
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glBindVertexArray(0);
  glUseProgram(0);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_PROGRAM_POINT_SIZE);
}

}  // namespace ll::gui
