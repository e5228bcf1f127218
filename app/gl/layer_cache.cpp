#include "app/gl/layer_cache.h"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>

#include "app/gl/shaders_embedded.h"

namespace ll::gui {

LayerCache::~LayerCache() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (tex_) glDeleteTextures(1, &tex_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (rects_vbo_) glDeleteBuffers(1, &rects_vbo_);
}

bool LayerCache::init(std::string* error) {
  if (!program_.build("layer", shaders::layer_vert, shaders::layer_frag, error)) return false;
  glGenFramebuffers(1, &fbo_);
  glGenTextures(1, &tex_);
  make_vertex_array(vao_, rects_vbo_, 0, {2});
  return true;
}

void LayerCache::begin(int w, int h, bool clear) {
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_fbo_);
  glBindTexture(GL_TEXTURE_2D, tex_);
  if (w != w_ || h != h_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    w_ = w;
    h_ = h;
    clear = true;  // a new texture holds nothing yet
  }
  glBindTexture(GL_TEXTURE_2D, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex_, 0);
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, w, h);
  if (!clear) return;
  tiles_x_ = (w + kTile - 1) / kTile;
  tiles_y_ = (h + kTile - 1) / kTile;
  marked_.assign(static_cast<std::size_t>(tiles_x_) * static_cast<std::size_t>(tiles_y_), 1);
  marks_changed_ = true;
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
}

void LayerCache::end() { glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo_)); }

void LayerCache::clear_marks() {
  std::fill(marked_.begin(), marked_.end(), 0);
  marks_changed_ = true;
}

void LayerCache::mark(float x0, float y0, float x1, float y1) {
  if (!(x1 >= 0.0f && y1 >= 0.0f && x0 < static_cast<float>(w_) && y0 < static_cast<float>(h_)))
    return;  // outside the layer (or NaN)
  const auto tile = [](float v, int n) {
    return std::clamp(static_cast<int>(std::floor(v / kTile)), 0, n - 1);
  };
  const int tx0 = tile(x0, tiles_x_), tx1 = tile(x1, tiles_x_);
  const int ty0 = tile(y0, tiles_y_), ty1 = tile(y1, tiles_y_);
  for (int ty = ty0; ty <= ty1; ++ty)
    for (int tx = tx0; tx <= tx1; ++tx)
      marked_[static_cast<std::size_t>(ty) * static_cast<std::size_t>(tiles_x_) +
              static_cast<std::size_t>(tx)] = 1;
  marks_changed_ = true;
}

void LayerCache::composite(int x, int y) {
  if (marks_changed_) {  // one rectangle per run of marked tiles in a row, in clip space
    std::vector<float> v;
    const auto nx = [&](int px) { return 2.0f * static_cast<float>(std::min(px, w_)) / w_ - 1.0f; };
    const auto ny = [&](int py) { return 2.0f * static_cast<float>(std::min(py, h_)) / h_ - 1.0f; };
    for (int ty = 0; ty < tiles_y_; ++ty) {
      const unsigned char* row = &marked_[static_cast<std::size_t>(ty) * tiles_x_];
      for (int tx = 0; tx < tiles_x_;) {
        if (!row[tx]) {
          ++tx;
          continue;
        }
        int end = tx;
        while (end < tiles_x_ && row[end]) ++end;
        const float l = nx(tx * kTile), r = nx(end * kTile);
        const float b = ny(ty * kTile), t = ny((ty + 1) * kTile);
        v.insert(v.end(), {l, b, r, b, l, t, l, t, r, b, r, t});
        tx = end;
      }
    }
    glBindBuffer(GL_ARRAY_BUFFER, rects_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(float)), v.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    rect_vertices_ = static_cast<int>(v.size() / 2);
    marks_changed_ = false;
  }
  if (rect_vertices_ == 0) return;
  glViewport(x, y, w_, h_);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(program_.id());
  glUniform1i(program_.uniform("u_layer"), 0);
  glUniform2f(program_.uniform("u_origin_px"), static_cast<float>(x), static_cast<float>(y));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, tex_);
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, rect_vertices_);
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glUseProgram(0);
  glDisable(GL_BLEND);
}

void LayerCache::blit(int x, int y) const {
  GLint draw = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  // Without the scissor (ImGui's clip rectangle while the canvas draws): a scissored blit is a
  // shader pass on llvmpipe (about 1.6 ms for the canvas), an unscissored one a memory copy.
  const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
  glDisable(GL_SCISSOR_TEST);
  glBlitFramebuffer(0, 0, w_, h_, x, y, x + w_, y + h_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  if (scissor) glEnable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(draw));
}

}  // namespace ll::gui
