#include "app/race/race_canvas.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ll::race {

namespace {

ImU32 rgba(palette::Rgb c, double alpha = 1.0) {
  const int a = static_cast<int>(std::lround(std::clamp(alpha, 0.0, 1.0) * 255.0));
  return IM_COL32(c.r, c.g, c.b, a);
}

ImVec2 at(ImVec2 o, const figure::Vec& p) {
  return ImVec2(o.x + static_cast<float>(p.x()), o.y + static_cast<float>(p.y()));
}

void line(ImDrawList* dl, ImVec2 o, const figure::Line& l) {
  const ImU32 c = rgba(l.color, l.alpha);
  const auto w = static_cast<float>(l.width);
  if (!l.dashed || l.dash <= 0.0) {
    dl->AddLine(at(o, l.a), at(o, l.b), c, w);
    return;
  }
  const figure::Vec d = l.b - l.a;
  const double len = d.norm();
  if (len <= 0.0) return;
  const figure::Vec u = d / len;
  for (double t = 0.0; t < len; t += l.dash + l.gap)
    dl->AddLine(at(o, l.a + u * t), at(o, l.a + u * std::min(len, t + l.dash)), c, w);
}

void text(ImDrawList* dl, ImVec2 o, const figure::Text& t) {
  ImFont* font = t.bold ? bold_font() : ImGui::GetFont();
  dl->AddText(font, static_cast<float>(t.size), at(o, t.top_left), rgba(t.color, t.alpha),
              t.text.c_str());
}

void markers(ImDrawList* dl, ImVec2 o, const figure::CanvasFigure& f) {
  const figure::PointLook& look = f.points;
  figure::ShapeOutline shapes[kMaxClasses];
  for (int k = 0; k < kMaxClasses; ++k) shapes[k] = figure::shape_outline(f.style.class_shape(k));
  const auto R = static_cast<float>(look.radius);
  const ImU32 outline = rgba(look.outline_color), loss = rgba(look.loss_color);
  for (const figure::Marker& m : f.markers) {
    const ImVec2 c = at(o, m.at);
    const ImU32 fill = rgba(f.style.class_line(m.cls));
    if (look.compact) {
      dl->AddCircleFilled(c, R, fill, 10);
      if (m.wrong) dl->AddCircle(c, R, loss, 10, static_cast<float>(look.outline));
      continue;
    }
    if (m.loss > 0.0)
      dl->AddCircle(c, R + static_cast<float>(look.ring_mid), rgba(look.loss_color, m.loss), 20,
                    static_cast<float>(2.0 * look.ring_half));
    const figure::ShapeOutline& s = shapes[std::clamp(m.cls, 0, kMaxClasses - 1)];
    if (s.count == 0) {
      dl->AddCircleFilled(c, R, fill, 16);
      dl->AddCircle(c, R - 0.5f * static_cast<float>(look.outline), outline, 16,
                    static_cast<float>(look.outline));
    } else {
      ImVec2 v[figure::kShapeVertices];
      for (int i = 0; i < s.count; ++i)
        v[i] = ImVec2(c.x + R * static_cast<float>(s.v[i].x()),
                      c.y + R * static_cast<float>(s.v[i].y()));
      // A fan from the centre: the star and the plus are star-shaped about it, not convex.
      for (int i = 0; i < s.count; ++i) dl->AddTriangleFilled(c, v[i], v[(i + 1) % s.count], fill);
      dl->AddPolyline(v, s.count, outline, ImDrawFlags_Closed, static_cast<float>(look.outline));
    }
    if (m.wrong) {
      const float h = 0.5f * R * static_cast<float>(M_SQRT1_2), w = 1.2f * f.style.scale;
      dl->AddLine(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), outline, w);
      dl->AddLine(ImVec2(c.x - h, c.y + h), ImVec2(c.x + h, c.y - h), outline, w);
    }
  }
}

}  // namespace

ImFont* bold_font() {
  ImFont* cur = ImGui::GetFont();
  for (ImFont* f : ImGui::GetIO().Fonts->Fonts)
    if (f->FontSize == cur->FontSize && std::strstr(f->GetDebugName(), "Bold")) return f;
  return cur;
}

void draw_canvas_figure(ImDrawList* dl, ImVec2 o, const figure::CanvasFigure& f) {
  const ImVec2 end(o.x + static_cast<float>(f.map.width), o.y + static_cast<float>(f.map.height));
  dl->PushClipRect(o, end, true);
  if (f.regions.empty()) dl->AddRectFilled(o, end, rgba(f.style.colors().background));
  for (std::size_t k = 0; k < f.regions.size(); ++k) {
    const std::vector<figure::Vec>& poly = f.regions[k];
    if (poly.size() < 3) continue;
    std::vector<ImVec2> pts;
    pts.reserve(poly.size());
    for (const figure::Vec& p : poly) pts.push_back(at(o, p));
    dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()),
                            rgba(f.style.class_region(static_cast<int>(k))));
  }
  for (const figure::Line& l : f.grid) line(dl, o, l);
  for (const figure::Line& l : f.axes) line(dl, o, l);
  markers(dl, o, f);
  for (const figure::Text& t : f.tick_labels) text(dl, o, t);
  for (const figure::Line& l : f.margin_lines) line(dl, o, l);
  for (const figure::Line& l : f.class_lines) line(dl, o, l);
  for (const figure::Arrow& a : f.arrows) {
    const figure::ArrowShape s = figure::arrow_shape(a);
    if (s.empty) continue;
    const ImU32 c = rgba(a.color);
    dl->AddLine(at(o, s.shaft_from), at(o, s.shaft_to), c, static_cast<float>(a.width));
    dl->AddTriangleFilled(at(o, s.tip), at(o, s.left), at(o, s.right), c);
  }
  for (const figure::Text& t : f.arrow_labels) text(dl, o, t);
  dl->PopClipRect();
}

}  // namespace ll::race
