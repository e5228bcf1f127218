#include "app/gl/line_bands.h"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>

#include "app/gl/canvas_renderer.h"
#include "app/gl/shaders_embedded.h"

namespace ll::gui {

namespace {
// [a, b] intervals around each position, clipped to [0, n] and merged where they overlap.
std::vector<std::pair<double, double>> bands(const std::vector<double>& at, double reach, int n) {
  std::vector<std::pair<double, double>> out;
  std::vector<double> sorted;
  for (const double v : at)
    if (std::isfinite(v)) sorted.push_back(v);
  std::sort(sorted.begin(), sorted.end());
  for (const double v : sorted) {
    const double a = std::max(0.0, v - reach), b = std::min(static_cast<double>(n), v + reach);
    if (!(a < b)) continue;  // outside the viewport
    if (!out.empty() && a <= out.back().second)
      out.back().second = std::max(out.back().second, b);
    else
      out.emplace_back(a, b);
  }
  return out;
}

// Positions in viewport pixels of the multiples of `step` (world) along one axis, or of 0 when
// step is 0 (denser than one a pixel: every pixel, so the bands merge into one).
std::vector<double> lines(double world0, double world_per_px, int n, double step) {
  if (step <= 0.0) return {-world0 / world_per_px};
  const double first = std::ceil(world0 / step),
               last = std::floor((world0 + n * world_per_px) / step);
  std::vector<double> out;
  if (!(last - first < n)) {
    for (int i = 0; i <= n; ++i) out.push_back(i);
    return out;
  }
  for (double k = first - 1; k <= last + 1; ++k) out.push_back((k * step - world0) / world_per_px);
  return out;
}
}  // namespace

std::vector<float> band_rects(const std::vector<double>& xs, const std::vector<double>& ys,
                              double reach, int w, int h) {
  const auto vx = bands(xs, reach, w), hy = bands(ys, reach, h);
  std::vector<float> r;
  const auto add = [&](double x0, double y0, double x1, double y1) {
    r.insert(r.end(), {static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1),
                       static_cast<float>(y1)});
  };
  for (const auto& [a, b] : vx) add(a, 0, b, h);  // vertical bands, full height
  for (const auto& [c, d] : hy) {                 // horizontal bands between the vertical ones
    double x = 0.0;
    for (const auto& [a, b] : vx) {
      if (a > x) add(x, c, a, d);
      x = std::max(x, b);
    }
    if (x < w) add(x, c, w, d);
  }
  return r;
}

LineBands::~LineBands() {
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (vbo_) glDeleteBuffers(1, &vbo_);
}

bool LineBands::init(std::string* error) {
  if (!program_.build("lines", shaders::lines_vert, shaders::lines_frag, error)) return false;
  make_vertex_array(vao_, vbo_, 0, {2});
  return true;
}

void LineBands::draw(const CanvasFrame& f, bool premultiplied, const std::vector<int>* within) {
  const bool dark = f.style.dark();
  const float grid[4] = {dark ? 1.0f : 0.0f, dark ? 1.0f : 0.0f, dark ? 1.0f : 0.0f,
                         dark ? 0.10f : 0.08f};
  const float axis[4] = {dark ? 0.85f : 0.0f, dark ? 0.85f : 0.0f, dark ? 0.85f : 0.0f,
                         dark ? 0.8f : 0.85f};
  if (f.grid_step > 0.0) pass(f, f.grid_step, 0.5f * f.px_scale, grid, premultiplied, within);
  pass(f, 0.0, 0.75f * f.px_scale, axis, premultiplied, within);
}

void LineBands::pass(const CanvasFrame& f, double step, float half, const float color[4],
                     bool premultiplied, const std::vector<int>* within) {
  // Pixels of coverage > 0 have their centre within half + 0.5 of the line; one pixel of slack.
  const double reach = half + 1.5;
  const std::vector<float> rects =
      band_rects(lines(f.world_x0, f.world_per_px, f.fb_w, step),
                 lines(f.world_y0, f.world_per_px, f.fb_h, step), reach, f.fb_w, f.fb_h);
  if (rects.empty()) return;
  std::vector<float> v;
  v.reserve(rects.size() * 3);
  const auto quad = [&v](float x0, float y0, float x1, float y1) {
    if (x0 < x1 && y0 < y1) v.insert(v.end(), {x0, y0, x1, y0, x0, y1, x0, y1, x1, y0, x1, y1});
  };
  for (std::size_t i = 0; i < rects.size(); i += 4) {
    const float x0 = rects[i], y0 = rects[i + 1], x1 = rects[i + 2], y1 = rects[i + 3];
    if (!within) {
      quad(x0, y0, x1, y1);
      continue;
    }
    for (std::size_t j = 0; j + 3 < within->size(); j += 4) {
      const int* c = &(*within)[j];
      quad(std::max(x0, static_cast<float>(c[0])), std::max(y0, static_cast<float>(c[1])),
           std::min(x1, static_cast<float>(c[2])), std::min(y1, static_cast<float>(c[3])));
    }
  }
  if (v.empty()) return;
  glViewport(f.fb_x, f.fb_y, f.fb_w, f.fb_h);
  glEnable(GL_BLEND);
  // mix(dst, colour, t) on the colour; the alpha the regions wrote stays (or, into a
  // premultiplied layer, alpha "over" too).
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, premultiplied ? GL_ONE : GL_ZERO,
                      premultiplied ? GL_ONE_MINUS_SRC_ALPHA : GL_ONE);
  glUseProgram(program_.id());
  glUniform2f(program_.uniform("u_world_origin"), static_cast<float>(f.world_x0),
              static_cast<float>(f.world_y0));
  glUniform1f(program_.uniform("u_world_per_px"), static_cast<float>(f.world_per_px));
  glUniform2f(program_.uniform("u_viewport_px"), static_cast<float>(f.fb_w),
              static_cast<float>(f.fb_h));
  glUniform1f(program_.uniform("u_step"), static_cast<float>(step));
  glUniform1f(program_.uniform("u_half"), half);
  glUniform4fv(program_.uniform("u_color"), 1, color);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(float)), v.data(),
               GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(v.size() / 2));
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glBindVertexArray(0);
  glUseProgram(0);
  glDisable(GL_BLEND);
}

}  // namespace ll::gui
