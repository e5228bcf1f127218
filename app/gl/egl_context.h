#pragma once
// A headless OpenGL 3.3 core context through EGL surfaceless (Mesa), no X, for render tests and
// the frame soak benchmark, plus an RGBA8 framebuffer object to draw into.
#include <string>
#include <vector>

namespace ll::gui {

class EglContext {
 public:
  EglContext() = default;
  ~EglContext();
  // False with a reason when no context can be made.
  bool create(std::string* error);

 private:
  void* display_ = nullptr;
  void* context_ = nullptr;
};

class Framebuffer {
 public:
  Framebuffer(int w, int h);
  ~Framebuffer();
  // RGBA rows, top row first.
  std::vector<unsigned char> read() const;
  int width() const { return w_; }
  int height() const { return h_; }

 private:
  int w_, h_;
  unsigned fbo_ = 0, color_ = 0;
};

}  // namespace ll::gui
