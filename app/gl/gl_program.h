#pragma once
// A linked GL program from vertex + fragment source, with uniform lookup. Needs a current
// GL 3.3 core context with glad loaded.
#include <initializer_list>
#include <string>

namespace ll::gui {

// A new vertex array over a new array buffer of interleaved floats: attribute
// first_location + i takes sizes[i] floats of each vertex. Leaves nothing bound.
void make_vertex_array(unsigned& vao, unsigned& vbo, int first_location,
                       std::initializer_list<int> sizes);

class GlProgram {
 public:
  GlProgram() = default;
  ~GlProgram();
  GlProgram(const GlProgram&) = delete;
  GlProgram& operator=(const GlProgram&) = delete;

  // False with a message naming the stage and the driver's log.
  bool build(const char* name, const char* vert, const char* frag, std::string* error);
  unsigned id() const { return id_; }
  int uniform(const char* name) const;

 private:
  unsigned id_ = 0;
};

}  // namespace ll::gui
