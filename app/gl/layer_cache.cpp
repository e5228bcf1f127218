#include "app/gl/layer_cache.h"

#include <glad/gl.h>

#include "app/gl/shaders_embedded.h"

namespace ll::gui {

LayerCache::~LayerCache() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (tex_) glDeleteTextures(1, &tex_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

bool LayerCache::init(std::string* error) {
  if (!program_.build("layer", shaders::layer_vert, shaders::layer_frag, error)) return false;
  glGenVertexArrays(1, &vao_);
  glGenFramebuffers(1, &fbo_);
  glGenTextures(1, &tex_);
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
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
}

void LayerCache::end() { glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo_)); }

void LayerCache::composite(int x, int y) const {
  glViewport(x, y, w_, h_);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(program_.id());
  glUniform1i(program_.uniform("u_layer"), 0);
  glUniform2f(program_.uniform("u_origin_px"), static_cast<float>(x), static_cast<float>(y));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, tex_);
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glUseProgram(0);
  glDisable(GL_BLEND);
}

void LayerCache::blit(int x, int y) const {
  GLint draw = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBlitFramebuffer(0, 0, w_, h_, x, y, x + w_, y + h_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(draw));
}

}  // namespace ll::gui
