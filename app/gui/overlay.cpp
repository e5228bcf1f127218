#include "app/gui/overlay.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/gui/arrow_display.h"
#include "app/gui/canvas_renderer.h"
#include "app/gui/geometry.h"
#include "app/gui/text_format.h"
#include "core/ticks.h"

namespace ll::gui {

namespace {
ImVec2 iv(Vec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

ImU32 class_col(const Style& style, int k, int alpha = 255) {
  return pack_rgba(style.class_line(k), static_cast<std::uint8_t>(alpha));
}

// The line W_k . x + b = 0 (b given) across the visible area.
void draw_score_line(ImDrawList* dl, const AppState& st, int k, double b, ImU32 col, float w) {
  Params p;
  p.W = st.scene.params.W.row(k);
  p.b = BiasVector::Constant(1, b);
  const Vec2 pad{1.0 / st.view.pixels_per_unit() * 4, 1.0 / st.view.pixels_per_unit() * 4};
  Vec2 a, c;
  if (clip_line(p, 0, st.view.world_min() - pad, st.view.world_max() + pad, a, c))
    dl->AddLine(iv(st.view.to_screen(a)), iv(st.view.to_screen(c)), col, w);
}

void draw_arrow(ImDrawList* dl, Vec2 from, Vec2 to, ImU32 col, float w, float head) {
  const Vec2 d = to - from;
  const double len = length(d);
  if (len < 1e-6) return;
  const Vec2 u = (1.0 / len) * d, n{-u.y, u.x};
  const double h = std::min<double>(head, 0.6 * len + 4);
  const Vec2 back = to - h * u;
  dl->AddLine(iv(from), iv(back + 0.2 * h * u), col, w);
  dl->AddTriangleFilled(iv(to), iv(back + 0.45 * h * n), iv(back - 0.45 * h * n), col);
}

void draw_ticks(ImDrawList* dl, const AppState& st, const Fonts& fonts, const Style& style) {
  const float scale = style.scale;
  const ViewTransform& v = st.view;
  const double step = nice_grid_step(v.pixels_per_unit(), 90.0 * scale);
  const UiColors ui = ui_colors(style.theme);
  const Vec2 lo = v.world_min(), hi = v.world_max();
  ImFont* f = fonts.small;
  const float fs = f->FontSize;
  // Labels sit on the axes when they are visible, otherwise on the canvas edges.
  const Vec2 origin = v.to_screen({0, 0});
  const double ax_y = std::clamp(origin.y + 3, v.rect_y() + 2, v.rect_y() + v.rect_h() - fs - 2);
  const double ax_x =
      std::clamp(origin.x + 3, v.rect_x() + 2, v.rect_x() + v.rect_w() - 40 * scale);
  for (double x : ticks_with_step(lo.x, hi.x, step)) {
    if (x == 0.0) continue;
    const std::string s = tick_label(x, step);
    dl->AddText(f, fs,
                ImVec2(static_cast<float>(v.to_screen({x, 0}).x + 3), static_cast<float>(ax_y)),
                ui.text_weak, s.c_str());
  }
  for (double y : ticks_with_step(lo.y, hi.y, step)) {
    if (y == 0.0) continue;
    const std::string s = tick_label(y, step);
    dl->AddText(
        f, fs, ImVec2(static_cast<float>(ax_x), static_cast<float>(v.to_screen({0, y}).y - fs - 1)),
        ui.text_weak, s.c_str());
  }
}
}  // namespace

void draw_overlay(ImDrawList* dl, const AppState& st, const OverlayState& o, const Fonts& fonts) {
  const float s = o.style.scale;
  const Params& P = st.scene.params;
  const ViewTransform& v = st.view;
  const UiColors ui = ui_colors(o.style.theme);
  const int K = P.classes();
  dl->PushClipRect(ImVec2(static_cast<float>(v.rect_x()), static_cast<float>(v.rect_y())),
                   ImVec2(static_cast<float>(v.rect_x() + v.rect_w()),
                          static_cast<float>(v.rect_y() + v.rect_h())),
                   true);
  if (st.options.grid) draw_ticks(dl, st, fonts, o.style);

  // Margin lines s_k = +-delta for the hinge losses.
  const bool hinge = st.scene.loss.kind != LossKind::Softmax;
  if (st.options.margins && hinge) {
    for (int k = 0; k < K; ++k) {
      for (double m : {-st.scene.loss.delta, st.scene.loss.delta})
        draw_score_line(dl, st, k, P.b(k) - m, class_col(o.style, k, 150), 1.0f * s);
    }
  }
  // Per-point pull: the direction the point's loss wants the point to move, -dL_i/dx.
  const Evaluation& e = st.eval();
  if (st.options.pull_arrows &&
      e.dscores.rows() == static_cast<Eigen::Index>(st.scene.points.size()) &&
      st.scene.points.size() <= 5000) {
    for (std::size_t i = 0; i < st.scene.points.size(); ++i) {
      const auto ii = static_cast<Eigen::Index>(i);
      Vec2 g{};
      for (int k = 0; k < K; ++k) g = g + e.dscores(ii, k) * weight(P, k);
      if (length(g) < 1e-9) continue;
      const Point& pt = st.scene.points[i];
      const Vec2 a = v.to_screen({pt.x0, pt.x1});
      const Vec2 b = v.to_screen(Vec2{pt.x0, pt.x1} - 0.05 * g);
      draw_arrow(dl, a, b, ui.loss_pos, 1.5f * s, 7.0f * s);
    }
  }
  // Zero-score lines and weight arrows (at least kArrowMinRadii pick radii long on screen, the
  // canvas's pick radius being 12 px), then their labels, placed so they never overlap.
  struct Label {
    Vec2 head, dir;  // arrow head and unit direction on screen
    char text[48];
    int k;
  };
  Label labels[kMaxClasses];
  int n_labels = 0;
  for (int k = 0; k < K; ++k) {
    if (length(weight(P, k)) < kMinWeightNorm) continue;
    const bool hot = k == o.hover_line || k == o.active_line;
    draw_score_line(dl, st, k, P.b(k), class_col(o.style, k), (hot ? 4.0f : 2.0f) * s);
    const Vec2 base = nearest_on_line(P, k, o.anchors ? o.anchors[k] : v.center());
    const Vec2 sb = v.to_screen(base);
    const Vec2 sh = shown_arrow_head(P, k, base, v, kArrowMinRadii * 12.0 * s);
    const bool hot_arrow = k == o.hover_arrow || k == o.active_arrow;
    draw_arrow(dl, sb, sh, class_col(o.style, k), (hot_arrow ? 3.5f : 2.0f) * s, 13.0f * s);
    if (hot_arrow) dl->AddCircle(iv(sh), 9.0f * s, ui.highlight, 20, 1.5f * s);
    Label& l = labels[n_labels++];
    l.k = k;
    l.head = sh;
    l.dir = (1.0 / std::max(1e-6, length(sh - sb))) * (sh - sb);
    if (!st.scene.class_names.empty() && k < static_cast<int>(st.scene.class_names.size()))
      std::snprintf(l.text, sizeof l.text, "%s", st.scene.class_names[k].c_str());
    else
      std::snprintf(l.text, sizeof l.text, "W%d", k);
  }
  {
    ImVec2 placed[2 * kMaxClasses];  // min, max corners of the labels placed so far
    int n_placed = 0;
    const float fs = fonts.bold->FontSize;
    auto free_at = [&](ImVec2 a, ImVec2 b) {
      for (int i = 0; i < n_placed; ++i) {
        const ImVec2 c = placed[2 * i], d = placed[2 * i + 1];
        if (a.x < d.x && c.x < b.x && a.y < d.y && c.y < b.y) return false;
      }
      for (int i = 0; i < n_labels; ++i) {  // keep clear of every arrow head
        const Vec2 h = labels[i].head;
        if (h.x > a.x - 4 * s && h.x < b.x + 4 * s && h.y > a.y - 4 * s && h.y < b.y + 4 * s)
          return false;
      }
      return true;
    };
    for (int i = 0; i < n_labels; ++i) {
      const Label& l = labels[i];
      const ImVec2 size = fonts.bold->CalcTextSizeA(fs, 1e9f, 0.0f, l.text);
      // Centre beyond the head along the arrow, far enough for the box to clear the head; then
      // further out, then to either side, until it overlaps nothing placed before.
      const double reach = 0.5 * (std::abs(l.dir.x) * size.x + std::abs(l.dir.y) * size.y);
      const Vec2 side{-l.dir.y, l.dir.x};
      ImVec2 a, b;
      bool found = false;
      for (int attempt = 0; attempt < 12 && !found; ++attempt) {
        const double along = reach + 6.0 * s + (attempt / 3) * 0.8 * fs;
        const double across = (attempt % 3 == 0 ? 0.0 : attempt % 3 == 1 ? 1.0 : -1.0) * 1.1 * fs;
        const Vec2 c = l.head + along * l.dir + across * side;
        a = ImVec2(static_cast<float>(c.x - 0.5 * size.x), static_cast<float>(c.y - 0.5 * size.y));
        b = ImVec2(a.x + size.x, a.y + size.y);
        found = free_at(a, b);
      }
      placed[2 * n_placed] = a;
      placed[2 * n_placed + 1] = b;
      ++n_placed;
      dl->AddText(fonts.bold, fs, a, class_col(o.style, l.k), l.text);
    }
  }
  // Hovered and selected points.
  const float r = kPointRadius * s;
  auto ring = [&](int i, float rr, float w) {
    if (i < 0 || i >= static_cast<int>(st.scene.points.size())) return;
    const Point& pt = st.scene.points[i];
    dl->AddCircle(iv(v.to_screen({pt.x0, pt.x1})), rr, ui.highlight, 24, w);
  };
  ring(st.sel.hovered, r + 8.0f * s, 1.5f * s);
  ring(st.sel.selected, r + 8.0f * s, 3.0f * s);
  // What a click on empty space does, top left.
  {
    const float fs = fonts.small->FontSize;
    const ImVec2 at(static_cast<float>(v.rect_x() + 8 * s), static_cast<float>(v.rect_y() + 6 * s));
    const char* hint = "click adds class";
    dl->AddText(fonts.small, fs, at, ui.text_strong, hint);
    const float w = fonts.small->CalcTextSizeA(fs, 1e9f, 0.0f, hint).x;
    const ImVec2 c(at.x + w + 10 * s, at.y + fs * 0.55f);
    dl->AddCircleFilled(c, 5.0f * s, class_col(o.style, st.new_point_class));
    dl->AddCircle(c, 5.0f * s, IM_COL32(0, 0, 0, 255), 16, 1.0f * s);
    const std::string k = std::to_string(st.new_point_class);
    dl->AddText(fonts.small, fs, ImVec2(c.x + 9 * s, at.y), ui.text_strong, k.c_str());
  }
  // Cursor readout.
  if (o.mouse_inside) {
    const std::string t = "x = (" + num(o.mouse_world.x) + ", " + num(o.mouse_world.y) + ")";
    dl->AddText(fonts.small, fonts.small->FontSize,
                ImVec2(static_cast<float>(v.rect_x() + 6 * s),
                       static_cast<float>(v.rect_y() + v.rect_h() - fonts.small->FontSize - 6 * s)),
                ui.text_strong, t.c_str());
  }
  dl->AddRect(ImVec2(static_cast<float>(v.rect_x()), static_cast<float>(v.rect_y())),
              ImVec2(static_cast<float>(v.rect_x() + v.rect_w()),
                     static_cast<float>(v.rect_y() + v.rect_h())),
              ui.canvas_border);
  dl->PopClipRect();
}

}  // namespace ll::gui
