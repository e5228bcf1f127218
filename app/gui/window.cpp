#define GLFW_INCLUDE_NONE
#include "app/gui/window.h"

#include <GLFW/glfw3.h>
#include <glad/gl.h>

#include <algorithm>
#include <cstdio>

namespace ll::gui {

namespace {
std::string g_glfw_error;
void on_glfw_error(int code, const char* what) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "GLFW error %d: %s", code, what ? what : "?");
  g_glfw_error = buf;
}
}  // namespace

Window::~Window() {
  if (window_) glfwDestroyWindow(window_);
  if (glfw_ready_) glfwTerminate();
}

bool Window::open(int width, int height, const char* title, std::string* error) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    *error = "no display available (" + g_glfw_error +
             "); run under xvfb-run -a losslab ..., or render offscreen with `losslab render`";
    return false;
  }
  glfw_ready_ = true;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  window_ = glfwCreateWindow(width, height, title, nullptr, nullptr);
  if (!window_) {
    *error = "cannot create an OpenGL 3.3 core window (" + g_glfw_error + ")";
    return false;
  }
  glfwMakeContextCurrent(window_);
  if (!gladLoadGL(glfwGetProcAddress)) {
    *error = "cannot load OpenGL 3.3 functions";
    return false;
  }
  float sx = 1.0f, sy = 1.0f;
  glfwGetWindowContentScale(window_, &sx, &sy);
  scale_ = std::clamp(std::max(sx, sy), 1.0f, 4.0f);
  set_vsync(true);
  return true;
}

void Window::set_vsync(bool on) { glfwSwapInterval(on ? 1 : 0); }

void Window::toggle_fullscreen() {
  GLFWmonitor* monitor = glfwGetWindowMonitor(window_);
  if (monitor) {
    glfwSetWindowMonitor(window_, nullptr, saved_[0], saved_[1], saved_[2], saved_[3], 0);
    return;
  }
  GLFWmonitor* primary = glfwGetPrimaryMonitor();
  if (!primary) return;
  const GLFWvidmode* mode = glfwGetVideoMode(primary);
  if (!mode) return;
  glfwGetWindowPos(window_, &saved_[0], &saved_[1]);
  glfwGetWindowSize(window_, &saved_[2], &saved_[3]);
  glfwSetWindowMonitor(window_, primary, 0, 0, mode->width, mode->height, mode->refreshRate);
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::framebuffer_size(int* w, int* h) const { glfwGetFramebufferSize(window_, w, h); }
void Window::window_size(int* w, int* h) const { glfwGetWindowSize(window_, w, h); }

}  // namespace ll::gui
