#define IMGUI_DEFINE_MATH_OPERATORS
#include "app/widgets/plot.h"

#include <imgui_internal.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "core/ticks.h"

namespace ll::widgets {
namespace {

struct Series {
  const char* name;
  const double* xs;
  const double* ys;
  int n;
  ImU32 color;
  Axis axis;
  float size;
  bool filled;
  bool scatter;
  int scatter_ordinal;
  bool hidden;
};

struct RefLine {
  const char* label;
  double v;
  ImU32 color;
  bool vertical;
};

struct Range {
  double lo = 0.0, hi = 1.0;
  double span() const { return hi - lo; }
};

struct PlotState {
  bool open = false;
  ImGuiID id = 0;
  PlotOptions opt;
  ImRect frame, area;
  Range x, y, y2;
  std::vector<Series> series;
  std::vector<RefLine> lines;
  int scatter_count = 0;
};

PlotState g;
std::unordered_map<ImGuiID, ImRect> g_legend_rects;  // last frame's legend per plot

ImU32 text_col() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 weak_col() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }

// (v - lo) / (hi - lo) computed on halves, so that spans beyond DBL_MAX (-1e308 .. 1e308) do
// not overflow (halving is exact, so the ratio is the same for every other span).
double fraction(double v, const Range& r) {
  return (0.5 * v - 0.5 * r.lo) / (0.5 * r.hi - 0.5 * r.lo);
}
// Far off-screen values stay drawable and convertible to int; NaN (a non-finite v) stays NaN.
float clamp_px(double p) { return std::isnan(p) ? float(p) : float(std::clamp(p, -1e5, 1e5)); }
float px_x(double x) { return clamp_px(g.area.Min.x + fraction(x, g.x) * g.area.GetWidth()); }
float px_y(double y, const Range& r) {
  return clamp_px(g.area.Max.y - fraction(y, r) * g.area.GetHeight());
}

// Auto-fit a range to the visible series on one axis; keeps a small margin and never collapses.
Range fit(Axis axis, bool for_x, bool include_zero) {
  double lo = INFINITY, hi = -INFINITY;
  for (const Series& s : g.series) {
    if (s.hidden || (!for_x && s.axis != axis)) continue;
    const double* v = for_x ? s.xs : s.ys;
    for (int i = 0; i < s.n; ++i) {
      if (!std::isfinite(v[i])) continue;
      lo = std::min(lo, v[i]);
      hi = std::max(hi, v[i]);
    }
  }
  if (!(lo <= hi)) return {0.0, 1.0};
  if (include_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  if (hi - lo < 1e-12) {
    const double pad = std::max(std::abs(lo) * 0.1, 0.5);
    return {lo - pad, hi + pad};
  }
  // Lines fill the x range edge to edge; markers get a margin so none is cut in half.
  bool markers = false;
  for (const Series& s : g.series) markers = markers || (s.scatter && !s.hidden);
  const double pad = (for_x && !markers) ? 0.0 : 0.1 * (0.5 * hi - 0.5 * lo);  // no overflow
  return {lo - pad, hi + pad};
}

bool is_hidden(const char* name) {
  return name && ImGui::GetStateStorage()->GetBool(ImHashStr(name, 0, g.id), false);
}

void draw_axes(ImDrawList* dl) {
  const PlotOptions& o = g.opt;
  dl->AddRectFilled(g.area.Min, g.area.Max, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const float lh = ImGui::GetTextLineHeight();
  const Ticks xt = nice_ticks(g.x.lo, g.x.hi, std::max(2, int(g.area.GetWidth() / 90.0f)));
  for (double v : xt.values) {
    const float x = px_x(v);
    dl->AddLine(ImVec2(x, g.area.Min.y), ImVec2(x, g.area.Max.y), IM_COL32(128, 128, 128, 50));
    dl->AddLine(ImVec2(x, g.area.Max.y), ImVec2(x, g.area.Max.y + 4), weak_col());
    const std::string label = tick_label(v, xt.step);
    const char* buf = label.c_str();
    const float w = ImGui::CalcTextSize(buf).x;
    dl->AddText(ImVec2(x - w * 0.5f, g.area.Max.y + 5), text_col(), buf);
  }
  auto y_ticks = [&](const Range& r, bool right) {
    const Ticks yt = nice_ticks(r.lo, r.hi, std::max(2, int(g.area.GetHeight() / 45.0f)));
    for (double v : yt.values) {
      const float y = px_y(v, r);
      if (!right)
        dl->AddLine(ImVec2(g.area.Min.x, y), ImVec2(g.area.Max.x, y), IM_COL32(128, 128, 128, 50));
      const std::string label = tick_label(v, yt.step);
      const char* buf = label.c_str();
      const float w = ImGui::CalcTextSize(buf).x;
      const float tx = right ? g.area.Max.x + 6 : g.area.Min.x - 6 - w;
      const float t0 = right ? g.area.Max.x : g.area.Min.x - 4;
      dl->AddLine(ImVec2(t0, y), ImVec2(t0 + 4, y), weak_col());
      dl->AddText(ImVec2(tx, y - lh * 0.5f), text_col(), buf);
    }
  };
  y_ticks(g.y, false);
  if (o.y2_label) y_ticks(g.y2, true);
  // Axis lines through zero help read signed quantities (residuals, margins).
  if (g.x.lo < 0 && g.x.hi > 0)
    dl->AddLine(ImVec2(px_x(0), g.area.Min.y), ImVec2(px_x(0), g.area.Max.y),
                IM_COL32(128, 128, 128, 140));
  if (g.y.lo < 0 && g.y.hi > 0)
    dl->AddLine(ImVec2(g.area.Min.x, px_y(0, g.y)), ImVec2(g.area.Max.x, px_y(0, g.y)),
                IM_COL32(128, 128, 128, 140));
  dl->AddRect(g.area.Min, g.area.Max, ImGui::GetColorU32(ImGuiCol_Border));
  if (o.x_label) {
    const float w = ImGui::CalcTextSize(o.x_label).x;
    dl->AddText(ImVec2(g.area.GetCenter().x - w * 0.5f, g.area.Max.y + 5 + lh), text_col(),
                o.x_label);
  }
  const float top = g.frame.Min.y;
  if (o.y_label) dl->AddText(ImVec2(g.frame.Min.x, top), text_col(), o.y_label);
  if (o.y2_label) {
    const float w = ImGui::CalcTextSize(o.y2_label).x;
    dl->AddText(ImVec2(g.frame.Max.x - w, top), text_col(), o.y2_label);
  }
  if (o.title) {
    const float w = ImGui::CalcTextSize(o.title).x;
    dl->AddText(ImVec2(g.area.GetCenter().x - w * 0.5f, top), text_col(), o.title);
  }
}

bool ascending(const Series& s) { return s.n < 2 || s.xs[0] <= s.xs[s.n - 1]; }

void draw_line(ImDrawList* dl, const Series& s) {
  const Range& r = s.axis == Axis::Y2 ? g.y2 : g.y;
  std::vector<ImVec2> pts;
  pts.reserve(size_t(std::min(s.n, 8192)));
  auto flush = [&] {
    // Chunks keep each primitive well under the 16-bit index limit of one draw command.
    for (size_t i = 0; i + 1 < pts.size(); i += 2999)
      dl->AddPolyline(pts.data() + i, int(std::min<size_t>(3000, pts.size() - i)), s.color, 0,
                      s.size);
    pts.clear();
  };
  const bool decimate = s.n > 2 * int(g.area.GetWidth()) && ascending(s);
  int col = INT_MIN;
  double lo = 0, hi = 0;
  int ilo = 0, ihi = 0;
  auto emit_column = [&] {
    if (col == INT_MIN) return;
    const float x = float(col);
    if (ilo <= ihi)
      pts.push_back({x, px_y(lo, r)}), pts.push_back({x, px_y(hi, r)});
    else
      pts.push_back({x, px_y(hi, r)}), pts.push_back({x, px_y(lo, r)});
  };
  for (int i = 0; i < s.n; ++i) {
    const double x = s.xs[i], y = s.ys[i];
    if (!std::isfinite(x) || !std::isfinite(y)) {
      emit_column();
      col = INT_MIN;
      flush();
      continue;
    }
    if (!decimate) {
      pts.push_back({px_x(x), px_y(y, r)});
      continue;
    }
    const int c = int(std::floor(px_x(x)));
    if (c != col) {
      emit_column();
      col = c, lo = hi = y, ilo = ihi = i;
    } else {
      if (y < lo) lo = y, ilo = i;
      if (y > hi) hi = y, ihi = i;
    }
  }
  emit_column();
  flush();
}

// Many markers (thousands) are drawn as plain squares, 4 vertices each, in batches that keep
// every batch under the 16-bit index limit; few markers get round outlined discs.
void draw_scatter(ImDrawList* dl, const Series& s) {
  const Range& r = s.axis == Axis::Y2 ? g.y2 : g.y;
  constexpr int kManyMarkers = 1000, kBatch = 8192;
  if (s.n > kManyMarkers) {
    const ImVec2 half(s.size, s.size);
    for (int start = 0; start < s.n; start += kBatch) {
      const int end = std::min(s.n, start + kBatch);
      dl->PrimReserve(6 * (end - start), 4 * (end - start));
      int drawn = 0;
      for (int i = start; i < end; ++i) {
        const ImVec2 p(px_x(s.xs[i]), px_y(s.ys[i], r));
        if (!std::isfinite(s.xs[i]) || !std::isfinite(s.ys[i]) || !g.area.Contains(p)) continue;
        dl->PrimRect(p - half, p + half, s.color);
        ++drawn;
      }
      dl->PrimUnreserve(6 * (end - start - drawn), 4 * (end - start - drawn));
    }
    return;
  }
  for (int i = 0; i < s.n; ++i) {
    if (!std::isfinite(s.xs[i]) || !std::isfinite(s.ys[i])) continue;
    const ImVec2 p(px_x(s.xs[i]), px_y(s.ys[i], r));
    if (!g.area.Contains(p)) continue;
    if (s.filled) dl->AddCircleFilled(p, s.size, s.color);
    dl->AddCircle(p, s.size, s.filled ? IM_COL32(0, 0, 0, 160) : s.color, 0, 1.5f);
  }
}

void draw_ref_lines(ImDrawList* dl) {
  for (const RefLine& l : g.lines) {
    if (l.vertical) {
      const float x = px_x(l.v);
      if (x < g.area.Min.x || x > g.area.Max.x) continue;
      for (float y = g.area.Min.y; y < g.area.Max.y; y += 8)
        dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, g.area.Max.y)), l.color, 1.5f);
      if (l.label) dl->AddText(ImVec2(x + 3, g.area.Min.y + 2), l.color, l.label);
    } else {
      const float y = px_y(l.v, g.y);
      if (y < g.area.Min.y || y > g.area.Max.y) continue;
      dl->AddLine(ImVec2(g.area.Min.x, y), ImVec2(g.area.Max.x, y), l.color, 1.0f);
      if (l.label)
        dl->AddText(ImVec2(g.area.Min.x + 3, y - ImGui::GetTextLineHeight() - 1), l.color, l.label);
    }
  }
}

// Legend entries toggle visibility on click.
void draw_legend(ImDrawList* dl) {
  const float lh = ImGui::GetTextLineHeight();
  float w = 0;
  int rows = 0;
  for (const Series& s : g.series)
    if (s.name) w = std::max(w, ImGui::CalcTextSize(s.name).x), ++rows;
  if (rows == 0) return;
  const ImVec2 size(w + 34, rows * (lh + 2) + 8);
  ImVec2 p0;
  using P = PlotOptions::LegendPos;
  const bool left = g.opt.legend_pos == P::TopLeft || g.opt.legend_pos == P::BottomLeft;
  const bool top = g.opt.legend_pos == P::TopLeft || g.opt.legend_pos == P::TopRight;
  p0.x = left ? g.area.Min.x + 6 : g.area.Max.x - 6 - size.x;
  p0.y = top ? g.area.Min.y + 6 : g.area.Max.y - 6 - size.y;
  const ImRect box(p0, p0 + size);
  g_legend_rects[g.id] = box;
  dl->AddRectFilled(box.Min, box.Max, ImGui::GetColorU32(ImGuiCol_PopupBg, 0.85f), 3.0f);
  dl->AddRect(box.Min, box.Max, ImGui::GetColorU32(ImGuiCol_Border), 3.0f);
  ImVec2 p(p0.x + 6, p0.y + 4);
  const ImVec2 mouse = ImGui::GetMousePos();
  for (const Series& s : g.series) {
    if (!s.name) continue;
    const ImRect row(p, ImVec2(box.Max.x - 4, p.y + lh + 2));
    if (row.Contains(mouse) && ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered()) {
      ImGuiStorage* st = ImGui::GetStateStorage();
      const ImGuiID key = ImHashStr(s.name, 0, g.id);
      st->SetBool(key, !st->GetBool(key, false));
    }
    const ImU32 c = s.hidden ? weak_col() : s.color;
    const float cy = p.y + lh * 0.5f + 1;
    if (s.scatter)
      dl->AddCircleFilled(ImVec2(p.x + 9, cy), 4.0f, c);
    else
      dl->AddLine(ImVec2(p.x, cy), ImVec2(p.x + 18, cy), c, 3.0f);
    dl->AddText(ImVec2(p.x + 24, p.y + 1), s.hidden ? weak_col() : text_col(), s.name);
    p.y += lh + 2;
  }
}

// Value of an ascending line series at x by linear interpolation (NaN outside or on a gap).
double value_at(const Series& s, double x) {
  if (s.n == 0 || !ascending(s) || x < s.xs[0] || x > s.xs[s.n - 1]) return NAN;
  const double* it = std::lower_bound(s.xs, s.xs + s.n, x);
  const int i = int(it - s.xs);
  if (i == 0) return s.ys[0];
  const double x0 = s.xs[i - 1], x1 = s.xs[i];
  const double t = x1 > x0 ? (x - x0) / (x1 - x0) : 1.0;
  return s.ys[i - 1] + t * (s.ys[i] - s.ys[i - 1]);
}

void draw_crosshair(ImDrawList* dl, double x) {
  const float px = px_x(x);
  dl->AddLine(ImVec2(px, g.area.Min.y), ImVec2(px, g.area.Max.y), IM_COL32(128, 128, 128, 200));
  ImGui::BeginTooltip();
  // The x label up to any parenthesized explanation: "p (probability ...)" reads "p = ...".
  const char* name = g.opt.x_label ? g.opt.x_label : "x";
  const char* paren = std::strstr(name, " (");
  ImGui::Text("%.*s = %.4g", paren ? int(paren - name) : int(std::strlen(name)), name, x);
  for (const Series& s : g.series) {
    if (s.scatter || s.hidden || !s.name) continue;
    const double v = value_at(s, x);
    if (!std::isfinite(v)) continue;
    const Range& r = s.axis == Axis::Y2 ? g.y2 : g.y;
    const ImVec2 p(px, px_y(v, r));
    if (g.area.Contains(p)) dl->AddCircleFilled(p, 4.0f, s.color);
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(s.color);
    c.w = 1.0f;  // faded series still get readable text
    ImGui::TextColored(c, "%s: %.5g", s.name, v);
  }
  ImGui::EndTooltip();
}

}  // namespace

bool BeginPlot(const char* id, ImVec2 size, const PlotOptions& options) {
  IM_ASSERT(!g.open && "EndPlot missing");
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return false;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = std::max(avail.x + size.x, 120.0f);
  if (size.y <= 0) size.y = std::max(avail.y + size.y, 100.0f);
  g.id = window->GetID(id);
  g.opt = options;
  g.series.clear();
  g.lines.clear();
  g.scatter_count = 0;
  const ImVec2 pos = window->DC.CursorPos;
  g.frame = ImRect(pos, pos + size);
  const float lh = ImGui::GetTextLineHeight();
  const float tick_w = ImGui::CalcTextSize("-0.000").x + 10;
  const bool has_top = options.title || options.y_label || options.y2_label;
  g.area = ImRect(ImVec2(pos.x + tick_w, pos.y + (has_top ? lh * 1.5f + 6 : lh * 0.5f + 2)),
                  ImVec2(pos.x + size.x - (options.y2_label ? tick_w : 10),
                         pos.y + size.y - lh - 8 - (options.x_label ? lh : 0)));
  g.x = {options.x_min, options.x_max};
  g.y = {options.y_min, options.y_max};
  g.y2 = {options.y2_min, options.y2_max};
  // Lay out the whole frame, then make the plot area an item of its own so that it is the
  // "last item" for IsItemHovered/IsItemActive while the plot is open.
  ImGui::ItemSize(g.frame);
  const ImGuiID area_id = g.id;
  if (!ImGui::ItemAdd(g.area, area_id)) return false;
  bool hovered = false, held = false;
  ImGui::ButtonBehavior(g.area, area_id, &hovered, &held,
                        ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  g.open = true;
  return true;
}

void PlotLine(const char* name, const double* xs, const double* ys, int n, ImU32 color, Axis axis,
              float thickness) {
  if (!g.open || n <= 0) return;
  g.series.push_back({name, xs, ys, n, color, axis, thickness, false, false, -1, is_hidden(name)});
}

void PlotScatter(const char* name, const double* xs, const double* ys, int n, ImU32 color,
                 Axis axis, float radius, bool filled) {
  if (!g.open) return;
  g.series.push_back({name, xs, ys, std::max(n, 0), color, axis, radius, filled, true,
                      g.scatter_count++, is_hidden(name)});
}

void PlotVLine(const char* label, double x, ImU32 color) {
  if (g.open && std::isfinite(x)) g.lines.push_back({label, x, color, true});
}

void PlotHLine(const char* label, double y, ImU32 color) {
  if (g.open && std::isfinite(y)) g.lines.push_back({label, y, color, false});
}

PlotHover EndPlot() {
  IM_ASSERT(g.open && "BeginPlot missing");
  g.open = false;
  const PlotOptions& o = g.opt;
  if (o.fit_x) g.x = fit(Axis::Y1, true, false);
  if (o.fit_y) g.y = fit(Axis::Y1, false, o.include_zero_y);
  if (o.y2_fit) g.y2 = fit(Axis::Y2, false, false);
  for (Range* r : {&g.x, &g.y, &g.y2}) {
    if (!std::isfinite(r->lo) || !std::isfinite(r->hi)) *r = Range{};  // given non-finite limits
    if (!(r->span() > 0)) r->hi = r->lo + 1.0;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_axes(dl);
  dl->PushClipRect(g.area.Min, g.area.Max, true);
  for (const Series& s : g.series)
    if (!s.hidden) s.scatter ? draw_scatter(dl, s) : draw_line(dl, s);
  draw_ref_lines(dl);
  dl->PopClipRect();

  PlotHover h;
  const ImVec2 mouse = ImGui::GetMousePos();
  h.hovered = g.area.Contains(mouse) && ImGui::IsWindowHovered();
  if (h.hovered) {
    ToPlot(mouse, h.x, h.y);
    float best = 8.0f * 8.0f;
    for (const Series& s : g.series) {
      if (!s.scatter || s.hidden) continue;
      const Range& r = s.axis == Axis::Y2 ? g.y2 : g.y;
      for (int i = 0; i < s.n; ++i) {
        const float dx = px_x(s.xs[i]) - mouse.x, dy = px_y(s.ys[i], r) - mouse.y;
        if (dx * dx + dy * dy < best)
          best = dx * dx + dy * dy, h.scatter_series = s.scatter_ordinal, h.scatter_index = i;
      }
    }
  }
  if (o.legend)
    draw_legend(dl);
  else
    g_legend_rects.erase(g.id);
  if (h.hovered && o.crosshair && !IsLegendHovered()) draw_crosshair(dl, h.x);
  return h;
}

ImVec2 ToPixels(double x, double y) { return ImVec2(px_x(x), px_y(y, g.y)); }

void ToPlot(ImVec2 p, double& x, double& y) {
  const double tx = double(p.x - g.area.Min.x) / g.area.GetWidth();
  const double ty = double(g.area.Max.y - p.y) / g.area.GetHeight();
  x = g.x.lo * (1.0 - tx) + g.x.hi * tx;  // no hi - lo: it may overflow
  y = g.y.lo * (1.0 - ty) + g.y.hi * ty;
}

bool IsLegendHovered() {
  auto it = g_legend_rects.find(g.id);
  return it != g_legend_rects.end() && it->second.Contains(ImGui::GetMousePos());
}

}  // namespace ll::widgets
