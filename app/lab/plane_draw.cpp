#include "app/lab/plane_draw.h"

#include <algorithm>
#include <cmath>

#include "app/widgets/figure_plot.h"  // imgui_measure

namespace ll::lab {

namespace {

ImU32 pd_rgba(palette::Rgb c, double alpha = 1.0) {
  return IM_COL32(c.r, c.g, c.b,
                  static_cast<int>(std::lround(255.0 * std::clamp(alpha, 0.0, 1.0))));
}
ImVec2 pd_at(ImVec2 o, const figure::Vec& v) {
  return ImVec2(o.x + static_cast<float>(v.x()), o.y + static_cast<float>(v.y()));
}

void pd_text(ImDrawList* dl, ImVec2 o, const figure::Text& t) {
  dl->AddText(ImGui::GetFont(), static_cast<float>(t.size), pd_at(o, t.top_left),
              pd_rgba(t.color, t.alpha), t.text.c_str());
}

int pd_segments(double r) { return std::clamp(static_cast<int>(r / 2.0), 48, 512); }

void pd_marker(ImDrawList* dl, ImVec2 o, const figure::PlaneMarkerLook& m) {
  const ImU32 fill = pd_rgba(m.fill, m.fill_alpha), line = pd_rgba(m.outline, m.outline_alpha);
  const float w = static_cast<float>(m.outline_width), r = static_cast<float>(m.radius);
  const ImVec2 c = pd_at(o, m.at);
  const std::vector<figure::Vec> poly = figure::plane_marker_polygon(m);
  if (poly.size() == 4) {
    const ImVec2 a = pd_at(o, poly[0]), b = pd_at(o, poly[1]), d = pd_at(o, poly[2]),
                 e = pd_at(o, poly[3]);
    dl->AddQuadFilled(a, b, d, e, fill);
    if (m.outlined) dl->AddQuad(a, b, d, e, line, w);
  } else {
    dl->AddCircleFilled(c, r, fill, 20);
    if (m.outlined) dl->AddCircle(c, r, line, 20, w);
  }
  if (m.highlight)
    dl->AddCircle(c, static_cast<float>(m.highlight_radius), pd_rgba(figure::kPlaneHighlight), 24,
                  static_cast<float>(m.highlight_width));
}

void pd_arrow(ImDrawList* dl, ImVec2 o, const figure::Arrow& a) {
  const figure::ArrowShape s = figure::arrow_shape(a);
  if (s.empty) return;
  const ImU32 col = pd_rgba(a.color);
  dl->AddLine(pd_at(o, s.shaft_from), pd_at(o, s.shaft_to), col, static_cast<float>(a.width));
  dl->AddTriangleFilled(pd_at(o, s.tip), pd_at(o, s.left), pd_at(o, s.right), col);
}

}  // namespace

figure::PlaneLayout imgui_plane_layout(const metric::PlaneFigure& f, ImVec2 size,
                                       const Style& style) {
  return figure::layout_plane(f, size.x, size.y, style, widgets::imgui_measure());
}

void draw_plane_layout(ImDrawList* dl, ImVec2 o, const figure::PlaneLayout& l) {
  const ImVec2 max(o.x + static_cast<float>(l.width), o.y + static_cast<float>(l.height));
  dl->PushClipRect(o, max, true);
  dl->AddRectFilled(o, max, pd_rgba(l.background));
  for (const figure::Line& g : l.grid)
    dl->AddLine(pd_at(o, g.a), pd_at(o, g.b), pd_rgba(g.color, g.alpha),
                static_cast<float>(g.width));
  for (const figure::Text& t : l.tick_labels) pd_text(dl, o, t);
  for (const figure::PlaneBand& b : l.bands) {
    const double mid = 0.5 * (b.inner + b.outer);
    dl->AddCircle(pd_at(o, b.center), static_cast<float>(mid), pd_rgba(b.color, b.alpha),
                  pd_segments(b.outer), static_cast<float>(b.outer - b.inner));
  }
  for (const figure::PlaneRingLook& r : l.rings) {
    const ImU32 col = pd_rgba(r.color, r.alpha);
    const ImVec2 c = pd_at(o, r.center);
    const float rad = static_cast<float>(r.radius), w = static_cast<float>(r.width);
    if (r.dashes.empty()) dl->AddCircle(c, rad, col, pd_segments(r.radius), w);
    for (const figure::PlaneRingLook::Arc& a : r.dashes) {  // screen angle −t (y down)
      dl->PathArcTo(c, rad, static_cast<float>(-a.t0), static_cast<float>(-a.t1), 2);
      dl->PathStroke(col, 0, w);
    }
  }
  for (const figure::Arrow& a : l.arrows) pd_arrow(dl, o, a);
  for (const figure::PlaneMarkerLook& m : l.markers) pd_marker(dl, o, m);
  for (const figure::Text& t : l.marker_labels) pd_text(dl, o, t);
  for (const figure::BoxedText& b : l.ring_labels) {
    dl->AddRectFilled(pd_at(o, b.box_min), pd_at(o, b.box_max), pd_rgba(b.box, b.box_alpha));
    pd_text(dl, o, b.text);
  }
  if (l.legend) {
    dl->AddRectFilled(pd_at(o, l.legend_min), pd_at(o, l.legend_max),
                      pd_rgba(l.legend_fill, l.legend_alpha));
    dl->AddRect(pd_at(o, l.legend_min), pd_at(o, l.legend_max), pd_rgba(l.legend_border));
    for (const figure::PlaneLegendRow& r : l.legend_rows) {
      if (r.ring)
        dl->AddLine(pd_at(o, r.sample_a), pd_at(o, r.sample_b), pd_rgba(r.color),
                    static_cast<float>(r.width));
      else
        pd_marker(dl, o, r.marker);
      pd_text(dl, o, r.label);
    }
  }
  dl->AddRect(o, max, pd_rgba(l.border));
  dl->PopClipRect();
}

metric::PlaneMapping draw_plane(ImDrawList* dl, ImVec2 origin, ImVec2 size,
                                const metric::PlaneFigure& f, const Style& style) {
  const figure::PlaneLayout l = imgui_plane_layout(f, size, style);
  draw_plane_layout(dl, origin, l);
  metric::PlaneMapping m = l.mapping;
  m.cx += origin.x, m.cy += origin.y;
  return m;
}

}  // namespace ll::lab
