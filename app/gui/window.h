#pragma once
// The GLFW window with a GL 3.3 core context (glad loaded) and the ImGui platform/renderer
// backends. One instance per process.
#include <string>

struct GLFWwindow;

namespace ll::gui {

class Window {
 public:
  Window() = default;
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // False with a one-line reason (no display, no GL 3.3 context, ...).
  bool open(int width, int height, const char* title, std::string* error);
  GLFWwindow* handle() const { return window_; }
  float content_scale() const { return scale_; }
  void override_scale(float s) { scale_ = s; }
  void set_vsync(bool on);
  void toggle_fullscreen();
  bool should_close() const;
  void framebuffer_size(int* w, int* h) const;
  void window_size(int* w, int* h) const;

 private:
  GLFWwindow* window_ = nullptr;
  bool glfw_ready_ = false;
  float scale_ = 1.0f;
  int saved_[4] = {0, 0, 1280, 800};  // windowed position and size while fullscreen
};

}  // namespace ll::gui
