#define IMGUI_DEFINE_MATH_OPERATORS
#include "app/widgets/figure_plot.h"

#include <imgui_internal.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>

namespace ll::widgets {
namespace {

using figure::PlotSeries;
using figure::SeriesKind;

ImU32 fig_rgba(palette::Rgb c, double alpha = 1.0) {
  return IM_COL32(c.r, c.g, c.b,
                  static_cast<int>(std::lround(255.0 * std::clamp(alpha, 0.0, 1.0))));
}
ImVec2 fig_iv(const figure::Vec& v) {
  return ImVec2(static_cast<float>(v.x()), static_cast<float>(v.y()));
}

// The bold twin of the current font (DejaVu Sans Bold at the same size), or the current font.
ImFont* fig_bold_font() {
  ImFont* cur = ImGui::GetFont();
  for (ImFont* f : ImGui::GetIO().Fonts->Fonts)
    if (f->FontSize == cur->FontSize && std::strstr(f->GetDebugName(), "Bold")) return f;
  return cur;
}

void fig_draw_text(ImDrawList* dl, ImVec2 o, const figure::Text& t, ImU32 col) {
  ImFont* font = t.bold ? fig_bold_font() : ImGui::GetFont();
  dl->AddText(font, static_cast<float>(t.size), o + fig_iv(t.top_left), col, t.text.c_str());
}

// A polyline in pixels, dashed or solid; chunks keep each primitive under 16-bit indices.
void fig_stroke(ImDrawList* dl, std::vector<ImVec2>& pts, ImU32 col, float w, bool dashed,
                float s) {
  if (pts.size() >= 2 && !dashed) {
    for (size_t i = 0; i + 1 < pts.size(); i += 2999)
      dl->AddPolyline(pts.data() + i, static_cast<int>(std::min<size_t>(3000, pts.size() - i)), col,
                      0, w);
  } else if (pts.size() >= 2) {
    const float on = 6.0f * s, off = 4.0f * s;
    float phase = 0.0f;  // distance into the current on+off period
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
      const ImVec2 a = pts[i], b = pts[i + 1];
      const float len = std::sqrt(ImLengthSqr(b - a));
      float t = 0.0f;
      while (t < len) {
        const bool drawing = phase < on;
        const float step = std::min(len - t, drawing ? on - phase : on + off - phase);
        if (drawing) dl->AddLine(a + (b - a) * (t / len), a + (b - a) * ((t + step) / len), col, w);
        t += step;
        phase += step;
        if (phase >= on + off - 1e-4f) phase = 0.0f;
      }
    }
  }
  pts.clear();
}

void fig_draw_line(ImDrawList* dl, ImVec2 o, const PlotSeries& s, const figure::PlotLayout& l) {
  const ImU32 col = fig_rgba(s.color, s.alpha);
  const float w = static_cast<float>(s.width * l.scale), sc = static_cast<float>(l.scale);
  const size_t n = std::min(s.x.size(), s.y.size());
  std::vector<ImVec2> pts;
  pts.reserve(std::min<size_t>(n, 8192));
  // More points than pixel columns: min/max per column (x ascending), one point where they lie
  // within half a pixel of each other. A long run's curve is then a few hundred segments, not
  // thousands of triangles a frame for a software rasteriser to set up (same picture).
  const bool decimate =
      n > static_cast<size_t>(l.right - l.left) && n >= 2 && s.x.front() <= s.x.back();
  int col_px = INT_MIN;
  double lo = 0, hi = 0;
  size_t ilo = 0, ihi = 0;
  auto emit_column = [&] {
    if (col_px == INT_MIN) return;
    const float x = o.x + static_cast<float>(col_px);
    const float ylo = o.y + static_cast<float>(l.px_y(lo, s.right_axis));
    const float yhi = o.y + static_cast<float>(l.px_y(hi, s.right_axis));
    if (std::abs(ylo - yhi) < 0.5f)
      pts.push_back({x, 0.5f * (ylo + yhi)});
    else if (ilo <= ihi)
      pts.push_back({x, ylo}), pts.push_back({x, yhi});
    else
      pts.push_back({x, yhi}), pts.push_back({x, ylo});
  };
  for (size_t i = 0; i < n; ++i) {
    const double x = s.x[i], y = s.y[i];
    if (!std::isfinite(x) || !std::isfinite(y)) {
      emit_column();
      col_px = INT_MIN;
      fig_stroke(dl, pts, col, w, s.dashed, sc);
      continue;
    }
    if (!decimate) {
      pts.push_back(
          o + ImVec2(static_cast<float>(l.px_x(x)), static_cast<float>(l.px_y(y, s.right_axis))));
      continue;
    }
    const int c = static_cast<int>(std::floor(l.px_x(x)));
    if (c != col_px) {
      emit_column();
      col_px = c, lo = hi = y, ilo = ihi = i;
    } else {
      if (y < lo) lo = y, ilo = i;
      if (y > hi) hi = y, ihi = i;
    }
  }
  emit_column();
  if (pts.size() == 1)  // a single value: a dot
    dl->AddCircleFilled(pts[0], 1.5f * w, col);
  fig_stroke(dl, pts, col, w, s.dashed, sc);
}

void fig_draw_markers(ImDrawList* dl, ImVec2 o, const PlotSeries& s, const figure::PlotLayout& l,
                      const Style& style) {
  const ImU32 col = fig_rgba(s.color, s.alpha);
  const size_t n = std::min(s.x.size(), s.y.size());
  const float r = static_cast<float>(s.width * l.scale);
  const ImRect area(o + ImVec2(float(l.left), float(l.top)),
                    o + ImVec2(float(l.right), float(l.bottom)));
  constexpr size_t kManyMarkers = 1000, kBatch = 8192;
  if (n > kManyMarkers) {  // squares, 4 vertices each, batched under the 16-bit index limit
    const ImVec2 half(r, r);
    for (size_t start = 0; start < n; start += kBatch) {
      const size_t end = std::min(n, start + kBatch);
      const int count = static_cast<int>(end - start);
      dl->PrimReserve(6 * count, 4 * count);
      int drawn = 0;
      for (size_t i = start; i < end; ++i) {
        const ImVec2 p = o + ImVec2(float(l.px_x(s.x[i])), float(l.px_y(s.y[i], s.right_axis)));
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !area.Contains(p)) continue;
        dl->PrimRect(p - half, p + half, col);
        ++drawn;
      }
      dl->PrimUnreserve(6 * (count - drawn), 4 * (count - drawn));
    }
    return;
  }
  const ImU32 outline = fig_rgba(style.colors().outline, 0.65);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
    const ImVec2 p = o + ImVec2(float(l.px_x(s.x[i])), float(l.px_y(s.y[i], s.right_axis)));
    if (s.filled) {
      dl->AddCircleFilled(p, r, col);
      dl->AddCircle(p, r, outline, 0, 1.25f * float(l.scale));
    } else {
      dl->AddCircle(p, r, col, 0, 2.0f * float(l.scale));
    }
  }
}

void fig_draw_band(ImDrawList* dl, ImVec2 o, const PlotSeries& s, const figure::PlotLayout& l) {
  const ImU32 col = fig_rgba(s.color, s.alpha);
  const size_t n = std::min({s.x.size(), s.y.size(), s.y_hi.size()});
  for (size_t i = 0; i + 1 < n; ++i) {
    const double v[6] = {s.x[i], s.y[i], s.y_hi[i], s.x[i + 1], s.y[i + 1], s.y_hi[i + 1]};
    if (!std::all_of(v, v + 6, [](double d) { return std::isfinite(d); })) continue;
    const float x0 = o.x + float(l.px_x(v[0])), x1 = o.x + float(l.px_x(v[3]));
    dl->AddQuadFilled(ImVec2(x0, o.y + float(l.px_y(v[1], s.right_axis))),
                      ImVec2(x1, o.y + float(l.px_y(v[4], s.right_axis))),
                      ImVec2(x1, o.y + float(l.px_y(v[5], s.right_axis))),
                      ImVec2(x0, o.y + float(l.px_y(v[2], s.right_axis))), col);
  }
}

// The heat map: one quad per cell with its corner nodes' colours (the GPU interpolates them).
void fig_draw_heat(ImDrawList* dl, ImVec2 o, const figure::PlotHeat& h,
                   const figure::PlotLayout& l) {
  const auto px = [&](int i) {
    return o.x + float(l.px_x(h.x_min + (h.x_max - h.x_min) * i / (h.cols - 1)));
  };
  const auto py = [&](int j) {
    return o.y + float(l.px_y(h.y_min + (h.y_max - h.y_min) * j / (h.rows - 1)));
  };
  const auto c = [&](int i, int j) {
    return fig_rgba(h.colors[size_t(j) * size_t(h.cols) + size_t(i)]);
  };
  for (int j = 0; j + 1 < h.rows; ++j) {
    const float y0 = py(j + 1), y1 = py(j);  // y0 is the upper edge on screen
    for (int i = 0; i + 1 < h.cols; ++i)
      dl->AddRectFilledMultiColor(ImVec2(px(i), y0), ImVec2(px(i + 1), y1), c(i, j + 1),
                                  c(i + 1, j + 1), c(i + 1, j), c(i, j));
  }
}

// The heat map from its texture (FigurePlotOptions::heat_texture): texel centres on the nodes.
void fig_draw_heat_image(ImDrawList* dl, ImVec2 o, const figure::PlotHeat& h,
                         const figure::PlotLayout& l, ImTextureID tex) {
  const float du = 0.5f / float(h.cols), dv = 0.5f / float(h.rows);
  dl->AddImage(tex, ImVec2(o.x + float(l.px_x(h.x_min)), o.y + float(l.px_y(h.y_max))),
               ImVec2(o.x + float(l.px_x(h.x_max)), o.y + float(l.px_y(h.y_min))), ImVec2(du, dv),
               ImVec2(1.0f - du, 1.0f - dv));
}

bool fig_is_hidden(const std::vector<bool>* hidden, size_t i) {
  return hidden && i < hidden->size() && (*hidden)[i];
}

}  // namespace

figure::MeasureText imgui_measure(ImFont* font) {
  ImFont* regular = font ? font : ImGui::GetFont();
  ImFont* bold = font ? font : fig_bold_font();
  return [regular, bold](const std::string& text, double size, bool b) {
    return static_cast<double>(
        (b ? bold : regular)
            ->CalcTextSizeA(static_cast<float>(size), FLT_MAX, 0.0f, text.c_str())
            .x);
  };
}

figure::PlotLayout figure_layout(const figure::PlotFigure& f, ImVec2 size, const Style& style) {
  return figure::layout_plot(f, size.x, size.y, style, imgui_measure());
}

void DrawFigure(ImDrawList* dl, ImVec2 o, const figure::PlotFigure& f, const figure::PlotLayout& l,
                const Style& style, const std::vector<bool>* hidden, ImTextureID heat_texture) {
  const palette::ThemeColors& tc = style.colors();
  const float s = static_cast<float>(l.scale);
  const ImVec2 a0 = o + ImVec2(float(l.left), float(l.top)),
               a1 = o + ImVec2(float(l.right), float(l.bottom));
  const float frame_w = std::max(1.0f, std::round(s));
  // The whole figure on the Style's background, as the export draws it.
  dl->AddRectFilled(o, o + ImVec2(float(l.width), float(l.height)), fig_rgba(tc.background));
  // Grid at the ticks (lines at x + 0.5, as cairo draws them).
  const ImU32 grid = fig_rgba(tc.grid);
  for (const figure::PlotTick& t : l.x_ticks)
    dl->AddLine(ImVec2(o.x + float(t.at), a0.y), ImVec2(o.x + float(t.at), a1.y), grid);
  for (const figure::PlotTick& t : l.y_ticks)
    dl->AddLine(ImVec2(a0.x, o.y + float(t.at)), ImVec2(a1.x, o.y + float(t.at)), grid);
  const ImU32 axis = fig_rgba(tc.axis, 0.55);
  if (l.x_min < 0 && l.x_max > 0)
    dl->AddLine(ImVec2(o.x + float(l.px_x(0)), a0.y), ImVec2(o.x + float(l.px_x(0)), a1.y), axis);
  if (l.y_min < 0 && l.y_max > 0)
    dl->AddLine(ImVec2(a0.x, o.y + float(l.px_y(0))), ImVec2(a1.x, o.y + float(l.px_y(0))), axis);

  dl->PushClipRect(a0, a1, true);
  if (!f.heat.empty() && heat_texture)
    fig_draw_heat_image(dl, o, f.heat, l, heat_texture);
  else if (!f.heat.empty())
    fig_draw_heat(dl, o, f.heat, l);
  for (size_t i = 0; i < f.series.size(); ++i)
    if (f.series[i].kind == SeriesKind::Band && !fig_is_hidden(hidden, i))
      fig_draw_band(dl, o, f.series[i], l);
  for (size_t i = 0; i < f.series.size(); ++i) {
    const PlotSeries& ser = f.series[i];
    if (fig_is_hidden(hidden, i)) continue;
    if (ser.kind == SeriesKind::Line) fig_draw_line(dl, o, ser, l);
    if (ser.kind == SeriesKind::Markers) fig_draw_markers(dl, o, ser, l, style);
  }
  for (const figure::RefLine& r : f.ref_lines) {
    const ImU32 col = fig_rgba(r.color, r.alpha);
    if (r.vertical) {
      const float x = o.x + float(l.px_x(r.value));
      for (float y = a0.y; y < a1.y; y += 8.0f * s)
        dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4.0f * s, a1.y)), col, 1.5f * s);
      if (!r.label.empty())
        dl->AddText(ImGui::GetFont(), float(l.font),
                    ImVec2(std::floor(x + 3 * s), a0.y + std::floor(2 * s)), col, r.label.c_str());
    } else {
      const float y = o.y + float(l.px_y(r.value));
      dl->AddLine(ImVec2(a0.x, y), ImVec2(a1.x, y), col, s);
      if (!r.label.empty())
        dl->AddText(ImGui::GetFont(), float(l.font),
                    ImVec2(a0.x + std::floor(3 * s), std::floor(y - float(l.font) - s)), col,
                    r.label.c_str());
    }
  }
  dl->PopClipRect();

  // Frame, tick marks and texts on top.
  if (f.axes) {
    const ImU32 ax = fig_rgba(tc.axis);
    dl->AddRect(a0, a1, ax, 0.0f, 0, frame_w);
    const float tl = float(l.tick_len);
    for (const figure::PlotTick& t : l.x_ticks)
      dl->AddLine(ImVec2(o.x + float(t.at), a1.y), ImVec2(o.x + float(t.at), a1.y + tl), ax,
                  frame_w);
    for (const figure::PlotTick& t : l.y_ticks)
      dl->AddLine(ImVec2(a0.x - tl, o.y + float(t.at)), ImVec2(a0.x, o.y + float(t.at)), ax,
                  frame_w);
    for (const figure::PlotTick& t : l.y2_ticks)
      dl->AddLine(ImVec2(a1.x, o.y + float(t.at)), ImVec2(a1.x + tl, o.y + float(t.at)), ax,
                  frame_w);
    const ImU32 text = fig_rgba(tc.text);
    for (const auto* ticks : {&l.x_ticks, &l.y_ticks, &l.y2_ticks})
      for (const figure::PlotTick& t : *ticks) fig_draw_text(dl, o, t.label, text);
    for (const figure::Text& t : l.texts) fig_draw_text(dl, o, t, text);
  }
  if (l.legend) {
    const ImVec2 b0 = o + ImVec2(float(l.legend_x0), float(l.legend_y0)),
                 b1 = o + ImVec2(float(l.legend_x1), float(l.legend_y1));
    dl->AddRectFilled(b0, b1, fig_rgba(tc.legend_fill, 0.88));
    dl->AddRect(b0, b1, fig_rgba(tc.axis, 0.6), 0.0f, 0, std::max(1.0f, std::round(0.75f * s)));
    for (const figure::LegendRow& r : l.legend_rows) {
      const PlotSeries& ser = f.series[size_t(r.series)];
      const bool off = fig_is_hidden(hidden, size_t(r.series));
      const ImU32 c = off ? fig_rgba(tc.text, 0.35) : fig_rgba(ser.color, std::max(ser.alpha, 0.6));
      if (ser.kind == SeriesKind::Markers)
        dl->AddCircleFilled(o + fig_iv(r.swatch_a), float(std::min(ser.width, 5.0)) * s, c);
      else if (ser.kind == SeriesKind::Band)
        dl->AddRectFilled(o + fig_iv(r.swatch_a) - ImVec2(0, 4 * s),
                          o + fig_iv(r.swatch_b) + ImVec2(0, 4 * s), c);
      else
        dl->AddLine(o + fig_iv(r.swatch_a), o + fig_iv(r.swatch_b), c, 3.0f * s);
      fig_draw_text(dl, o, r.label, off ? fig_rgba(tc.text, 0.45) : fig_rgba(tc.text));
    }
  }
}

FigureHover FigurePlot(const char* id, const figure::PlotFigure& f, ImVec2 size, const Style& style,
                       const FigurePlotOptions& options, figure::PlotLayout* layout_out,
                       ImVec2* origin_out) {
  FigureHover h;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return h;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = std::max(avail.x + size.x, 120.0f);
  if (size.y <= 0) size.y = std::max(avail.y + size.y, 100.0f);
  size = ImVec2(std::floor(size.x), std::floor(size.y));
  const ImGuiID gid = window->GetID(id);
  const ImVec2 o(std::floor(window->DC.CursorPos.x), std::floor(window->DC.CursorPos.y));
  const figure::PlotLayout l = figure_layout(f, size, style);
  if (layout_out) *layout_out = l;
  if (origin_out) *origin_out = o;
  const ImRect frame(o, o + size);
  const ImRect area(o + ImVec2(float(l.left), float(l.top)),
                    o + ImVec2(float(l.right), float(l.bottom)));
  ImGui::ItemSize(frame);
  if (!ImGui::ItemAdd(area, gid)) return h;
  bool item_hovered = false, held = false;
  ImGui::ButtonBehavior(area, gid, &item_hovered, &held,
                        ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);

  ImGuiStorage* st = ImGui::GetStateStorage();
  auto key = [&](size_t i) { return ImHashStr(f.series[i].name.c_str(), 0, gid); };
  const ImVec2 mouse = ImGui::GetMousePos();
  // Also while the plot area itself is active (held): clicks on the legend lie inside it.
  const bool window_hovered =
      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (l.legend) {
    const ImRect box(o + ImVec2(float(l.legend_x0), float(l.legend_y0)),
                     o + ImVec2(float(l.legend_x1), float(l.legend_y1)));
    h.over_legend = window_hovered && box.Contains(mouse);
    if (h.over_legend && ImGui::IsMouseClicked(0))
      for (const figure::LegendRow& r : l.legend_rows)
        if (r.contains(mouse.x - o.x, mouse.y - o.y)) {
          const ImGuiID k = key(size_t(r.series));
          st->SetBool(k, !st->GetBool(k, false));
        }
  }
  std::vector<bool> hidden(f.series.size(), false);
  for (size_t i = 0; i < f.series.size(); ++i)
    hidden[i] = !f.series[i].name.empty() && st->GetBool(key(i), false);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  DrawFigure(dl, o, f, l, style, &hidden, options.heat_texture);

  h.hovered = window_hovered && area.Contains(mouse);
  if (!h.hovered) return h;
  h.x = l.x_at(mouse.x - o.x);
  h.y = l.y_at(mouse.y - o.y);
  float best = 8.0f * 8.0f * float(l.scale * l.scale);
  for (size_t k = 0; k < f.series.size(); ++k) {
    const PlotSeries& s = f.series[k];
    if (s.kind != SeriesKind::Markers || hidden[k]) continue;
    for (size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i) {
      const float dx = float(l.px_x(s.x[i])) + o.x - mouse.x,
                  dy = float(l.px_y(s.y[i], s.right_axis)) + o.y - mouse.y;
      if (dx * dx + dy * dy < best) best = dx * dx + dy * dy, h.series = int(k), h.index = int(i);
    }
  }
  if (options.readout && !h.over_legend) {
    const double x = f.x_integer ? std::round(h.x) : h.x;
    const float px = o.x + float(l.px_x(x));
    dl->AddLine(ImVec2(px, area.Min.y), ImVec2(px, area.Max.y), IM_COL32(128, 128, 128, 200));
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(figure::x_readout(f, x).c_str());
    for (size_t k = 0; k < f.series.size(); ++k) {
      const PlotSeries& s = f.series[k];
      if (s.name.empty() || hidden[k]) continue;
      const double v = figure::series_value_at(s, x);
      if (!std::isfinite(v)) continue;
      const ImVec2 p(px, o.y + float(l.px_y(v, s.right_axis)));
      if (area.Contains(p)) dl->AddCircleFilled(p, 4.0f * float(l.scale), fig_rgba(s.color));
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(fig_rgba(s.color)), "%s: %.5g",
                         s.name.c_str(), v);
    }
    ImGui::EndTooltip();
  }
  return h;
}

}  // namespace ll::widgets
