#include "app/classifier/overlay.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "app/classifier/model/geometry.h"
#include "app/classifier/model/text_format.h"
#include "app/classifier/text_textures.h"
#include "app/text/formulas.h"

namespace ll::gui {

namespace {
ImVec2 iv(const Eigen::Vector2d& v) {
  return ImVec2(static_cast<float>(v.x()), static_cast<float>(v.y()));
}

ImU32 rgba(palette::Rgb c, double alpha = 1.0) {
  return pack_rgba(c, static_cast<std::uint8_t>(std::lround(std::clamp(alpha, 0.0, 1.0) * 255.0)));
}

ImFont* font_of(const Fonts& fonts, bool bold) { return bold ? fonts.bold : fonts.small; }

// ImDrawList::AddLine draws through the pixel centres (it adds half a pixel): the figure's
// coordinates are exact, so take that half pixel back off.
void add_line(ImDrawList* dl, const Eigen::Vector2d& off, const figure::Line& l) {
  const Eigen::Vector2d a = off + l.a - Eigen::Vector2d(0.5, 0.5), d = l.b - l.a;
  const ImU32 col = rgba(l.color, l.alpha);
  const float w = static_cast<float>(l.width);
  const double len = d.norm();
  if (!l.dashed || !(l.dash > 0.0) || !(len > 0.0)) {
    dl->AddLine(iv(a), iv(a + d), col, w);
    return;
  }
  const Eigen::Vector2d u = d / len;  // dashes from l.a, as cairo starts its dash pattern
  for (double t = 0.0; t < len; t += l.dash + l.gap)
    dl->AddLine(iv(a + t * u), iv(a + std::min(len, t + l.dash) * u), col, w);
}

void add_arrow(ImDrawList* dl, const Eigen::Vector2d& off, const figure::Arrow& a) {
  const figure::ArrowShape s = figure::arrow_shape(a);
  if (s.empty) return;
  const Eigen::Vector2d h(0.5, 0.5);
  const ImU32 col = rgba(a.color);
  dl->AddLine(iv(off + s.shaft_from - h), iv(off + s.shaft_to - h), col,
              static_cast<float>(a.width));
  dl->AddTriangleFilled(iv(off + s.tip), iv(off + s.left), iv(off + s.right), col);
}

void add_text(ImDrawList* dl, const Eigen::Vector2d& off, const figure::Text& t,
              const Fonts& fonts) {
  dl->AddText(font_of(fonts, t.bold), static_cast<float>(t.size), iv(off + t.top_left),
              rgba(t.color, t.alpha), t.text.c_str());
}

void draw_arrow(ImDrawList* dl, const Eigen::Vector2d& from, const Eigen::Vector2d& to, ImU32 col,
                float w, float head) {
  figure::Arrow a;
  a.from = from;
  a.to = to;
  a.width = w;
  a.head = head;
  const figure::ArrowShape s = figure::arrow_shape(a);
  if (s.empty) return;
  dl->AddLine(iv(s.shaft_from), iv(s.shaft_to), col, w);
  dl->AddTriangleFilled(iv(s.tip), iv(s.left), iv(s.right), col);
}
}  // namespace

namespace {
constexpr const char* kAddHint = "click adds class";
// Width of the top-left hint "click adds class ● 2 (frog)" (drawn in draw_overlay).
float add_hint_width(const AppState& st, const Fonts& fonts, float s) {
  const float fs = fonts.small->FontSize;
  const std::string k = class_label(st.scene, st.new_point_class);
  return 8.0f * s + fonts.small->CalcTextSizeA(fs, FLT_MAX, 0.0f, kAddHint).x + 24.0f * s +
         fonts.small->CalcTextSizeA(fs, FLT_MAX, 0.0f, k.c_str()).x + 8.0f * s;
}
}  // namespace

figure::CanvasFigure describe_window_canvas(const AppState& st, const OverlayState& o,
                                            const Fonts& fonts) {
  figure::CanvasInput in;
  in.scene = &st.scene;
  in.eval = &st.eval();
  in.map = st.view.mapping();
  in.options = st.options;
  in.options.margins = st.options.margins && is_hinge(st.scene.loss.kind);
  in.options.legend = false;
  in.style = o.style;
  in.anchors = o.anchors;
  in.highlight.hot_line = o.hover_line >= 0 ? o.hover_line : o.active_line;
  in.highlight.hot_arrow = o.hover_arrow >= 0 ? o.hover_arrow : o.active_arrow;
  in.measure = [&fonts](const std::string& text, double size, bool bold) {
    return static_cast<double>(
        font_of(fonts, bold)
            ->CalcTextSizeA(static_cast<float>(size), FLT_MAX, 0.0f, text.c_str())
            .x);
  };
  in.markers = false;  // the GL points layer draws them
  in.multi_label_points = &st.multi_label_points();
  // The "click adds class" hint at the top left (below) stays clear of the x₂ name.
  const float s = o.style.scale;
  in.keep_clear = figure::Vec(add_hint_width(st, fonts, s), fonts.small->FontSize + 8.0f * s);
  return figure::describe_canvas(in);
}

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
  const figure::CanvasFigure fig = describe_window_canvas(st, o, fonts);
  const Eigen::Vector2d off(v.rect_x(), v.rect_y());
  for (const figure::Text& t : fig.tick_labels) add_text(dl, off, t, fonts);
  if (fonts.text) {  // axis names x₁, x₂, typeset where the figure places them
    const ImU32 col = rgba(fig.axis_color, fig.axis_alpha);
    for (const figure::CanvasFigure::AxisName& a : fig.axis_names)
      fonts.text->draw_at(dl, iv(off + a.top_left), text::axis_markup(a.axis),
                          static_cast<float>(a.size), col);
  }
  for (const figure::Line& l : fig.margin_lines) add_line(dl, off, l);

  // Per-point pull: the direction the point's loss wants the point to move, -dL_i/dx.
  const Evaluation& e = st.eval();
  if (st.options.pull_arrows &&
      e.dscores.rows() == static_cast<Eigen::Index>(st.scene.points.size()) &&
      st.scene.points.size() <= 5000) {
    for (std::size_t i = 0; i < st.scene.points.size(); ++i) {
      const auto ii = static_cast<Eigen::Index>(i);
      Eigen::Vector2d g = Eigen::Vector2d::Zero();
      for (int k = 0; k < K; ++k) g += e.dscores(ii, k) * weight(P, k);
      if (g.norm() < 1e-9) continue;
      const Point& pt = st.scene.points[i];
      const Eigen::Vector2d a = v.to_screen({pt.x0, pt.x1});
      const Eigen::Vector2d b = v.to_screen(Eigen::Vector2d(pt.x0, pt.x1) - 0.05 * g);
      draw_arrow(dl, a, b, ui.loss_pos, 1.5f * s, 7.0f * s);
    }
  }
  // Multi-label points: a pie of their classes over the GL disc (which shows the first label).
  for (const figure::CanvasFigure::MultiLabel& ml : fig.multi_labels) {
    const ImVec2 c = iv(off + ml.at);
    constexpr float kPi = 3.14159265358979f;
    const float R = static_cast<float>(fig.points.radius), n = static_cast<float>(ml.cls.size());
    for (std::size_t j = 0; j < ml.cls.size(); ++j) {
      const float a0 = -0.5f * kPi + 2.0f * kPi * static_cast<float>(j) / n;
      dl->PathLineTo(c);
      dl->PathArcTo(c, R, a0, a0 + 2.0f * kPi / n, 12);
      dl->PathFillConvex(pack_rgba(o.style.class_line(ml.cls[j])));
    }
    dl->AddCircle(c, R, pack_rgba(fig.points.outline_color), 24,
                  static_cast<float>(fig.points.outline));
  }
  // Zero-score lines, weight arrows and their labels: the figure's.
  for (const figure::Line& l : fig.class_lines) add_line(dl, off, l);
  for (const figure::Arrow& a : fig.arrows) {
    add_arrow(dl, off, a);
    if (a.cls == o.hover_arrow || a.cls == o.active_arrow)
      dl->AddCircle(iv(off + a.to), 9.0f * s, ui.highlight, 20, 1.5f * s);
  }
  for (const figure::Text& t : fig.arrow_labels) add_text(dl, off, t, fonts);
  // The colour bar of confidence or score shading: what the colours mean, which class is scored.
  if (const figure::CanvasFigure::ColorBar& b = fig.color_bar; !b.columns.empty()) {
    dl->AddRectFilled(iv(off + b.top_left), iv(off + b.top_left + figure::Vec(b.width, b.height)),
                      rgba(b.box_color, b.box_alpha), 3.0f * s);
    for (const figure::CanvasFigure::ColorCell& c : fig.color_bar_cells())
      dl->AddRectFilled(iv(off + c.top_left), iv(off + c.bottom_right), rgba(c.color, 1.0));
    for (const figure::Text& t : b.labels) add_text(dl, off, t, fonts);
  }
  // Hovered and selected points.
  const float r = figure::kPointRadius * s;
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
    dl->AddText(fonts.small, fs, at, ui.text_strong, kAddHint);
    const float w = fonts.small->CalcTextSizeA(fs, 1e9f, 0.0f, kAddHint).x;
    const ImVec2 c(at.x + w + 10 * s, at.y + fs * 0.55f);
    dl->AddCircleFilled(c, 5.0f * s, rgba(o.style.class_line(st.new_point_class)));
    dl->AddCircle(c, 5.0f * s, IM_COL32(0, 0, 0, 255), 16, 1.0f * s);
    const std::string k = class_label(st.scene, st.new_point_class);  // "2 (frog)"
    dl->AddText(fonts.small, fs, ImVec2(c.x + 9 * s, at.y), ui.text_strong, k.c_str());
  }
  // Cursor readout.
  if (o.mouse_inside) {
    const std::string t = "x = (" + num(o.mouse_world.x()) + ", " + num(o.mouse_world.y()) + ")";
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
