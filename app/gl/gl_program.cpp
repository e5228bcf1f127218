#include "app/gl/gl_program.h"

#include <glad/gl.h>

namespace ll::gui {

namespace {
GLuint compile(GLenum type, const char* src, std::string* log) {
  const GLuint s = glCreateShader(type);
  glShaderSource(s, 1, &src, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char buf[2048] = {};
    glGetShaderInfoLog(s, sizeof buf, nullptr, buf);
    *log = buf;
    glDeleteShader(s);
    return 0;
  }
  return s;
}
}  // namespace

GlProgram::~GlProgram() {
  if (id_) glDeleteProgram(id_);
}

bool GlProgram::build(const char* name, const char* vert, const char* frag, std::string* error) {
  std::string log;
  const GLuint vs = compile(GL_VERTEX_SHADER, vert, &log);
  if (!vs) {
    if (error) *error = std::string(name) + ": vertex shader: " + log;
    return false;
  }
  const GLuint fs = compile(GL_FRAGMENT_SHADER, frag, &log);
  if (!fs) {
    glDeleteShader(vs);
    if (error) *error = std::string(name) + ": fragment shader: " + log;
    return false;
  }
  id_ = glCreateProgram();
  glAttachShader(id_, vs);
  glAttachShader(id_, fs);
  glLinkProgram(id_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char buf[2048] = {};
    glGetProgramInfoLog(id_, sizeof buf, nullptr, buf);
    if (error) *error = std::string(name) + ": link: " + buf;
    glDeleteProgram(id_);
    id_ = 0;
    return false;
  }
  return true;
}

int GlProgram::uniform(const char* name) const { return glGetUniformLocation(id_, name); }

}  // namespace ll::gui
