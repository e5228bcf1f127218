#pragma once
// The GLFW window with a GL 3.3 core context (glad loaded) and the ImGui platform/renderer
// backends. One instance per process. While open it turns SIGTERM, SIGINT and SIGHUP into a
// request to exit through the normal path (signal_received()), waking the event loop.
#include <string>
#include <thread>

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
  bool should_close() const;  // the close button (or a script's `close`)
  void cancel_close();        // keep the window open after all (the close prompt's Cancel)
  // The first SIGTERM / SIGINT / SIGHUP received since open(), or 0. A second one of them
  // ends the process at once (default action).
  int signal_received() const;
  void framebuffer_size(int* w, int* h) const;
  void window_size(int* w, int* h) const;

 private:
  GLFWwindow* window_ = nullptr;
  bool glfw_ready_ = false;
  float scale_ = 1.0f;
  int saved_[4] = {0, 0, 1280, 800};  // windowed position and size while fullscreen
  std::thread signal_watch_;          // wakes glfwWaitEvents when a signal arrives
};

}  // namespace ll::gui
