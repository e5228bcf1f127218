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
  marks_.reset(w, h, true);
  marks_changed_ = true;
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
}

void LayerCache::end() { glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo_)); }

void LayerCache::clear_marks() {
  marks_.clear();
  marks_changed_ = true;
}

void LayerCache::mark(float x0, float y0, float x1, float y1) {
  marks_.mark(x0, y0, x1, y1);
  marks_changed_ = true;
}

void LayerCache::composite(int x, int y) {
  if (marks_changed_) {  // the marked tiles' rectangles, in clip space
    std::vector<float> v;
    const auto nx = [&](int px) { return 2.0f * static_cast<float>(px) / w_ - 1.0f; };
    const auto ny = [&](int py) { return 2.0f * static_cast<float>(py) / h_ - 1.0f; };
    const std::vector<int> rects = marks_.rects();
    for (std::size_t i = 0; i + 3 < rects.size(); i += 4) {
      const float l = nx(rects[i]), b = ny(rects[i + 1]), r = nx(rects[i + 2]),
                  t = ny(rects[i + 3]);
      v.insert(v.end(), {l, b, r, b, l, t, l, t, r, b, r, t});
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
