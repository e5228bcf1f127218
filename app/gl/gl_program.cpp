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

void make_vertex_array(unsigned& vao, unsigned& vbo, int first_location,
                       std::initializer_list<int> sizes) {
  GLuint a = 0, b = 0;
  glGenVertexArrays(1, &a);
  glGenBuffers(1, &b);
  glBindVertexArray(a);
  glBindBuffer(GL_ARRAY_BUFFER, b);
  int stride = 0;
  for (int n : sizes) stride += n;
  int offset = 0, location = first_location;
  for (int n : sizes) {
    glEnableVertexAttribArray(static_cast<GLuint>(location));
    glVertexAttribPointer(
        static_cast<GLuint>(location), n, GL_FLOAT, GL_FALSE,
        stride * static_cast<int>(sizeof(float)),
        reinterpret_cast<void*>(static_cast<std::uintptr_t>(offset) * sizeof(float)));
    offset += n;
    ++location;
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  vao = a;
  vbo = b;
}

}  // namespace ll::gui
