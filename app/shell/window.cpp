#define GLFW_INCLUDE_NONE
#include "app/shell/window.h"

#include <GLFW/glfw3.h>
#include <fcntl.h>
#include <glad/gl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>

namespace ll::gui {

namespace {
std::string g_glfw_error;
void on_glfw_error(int code, const char* what) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "GLFW error %d: %s", code, what ? what : "?");
  g_glfw_error = buf;
}

// Signals: the handler may only do async-signal-safe things, so it records the signal in a
// lock-free atomic and writes one byte to a self-pipe; a watcher thread blocked on the pipe
// calls glfwPostEmptyEvent (callable from any thread) to wake the loop. These are the one
// process-wide state the window needs: a signal handler has no other way to reach it.
std::atomic<int> g_signal{0};
int g_pipe[2] = {-1, -1};
constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};
struct sigaction g_old[3];
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_exit_signal(int sig) {
  const int saved_errno = errno;
  int none = 0;
  g_signal.compare_exchange_strong(none, sig);
  const unsigned char b = 1;
  if (g_pipe[1] >= 0) (void)!::write(g_pipe[1], &b, 1);
  errno = saved_errno;
}

bool install_signal_watch(std::thread* watcher) {
  if (::pipe2(g_pipe, O_CLOEXEC) != 0) return false;
  ::fcntl(g_pipe[1], F_SETFL, O_NONBLOCK);  // a full pipe never blocks the handler
  *watcher = std::thread([] {
    unsigned char b = 0;
    for (;;) {
      const ssize_t n = ::read(g_pipe[0], &b, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0 || b == 0) return;  // 0: the window is closing
      glfwPostEmptyEvent();
    }
  });
  struct sigaction sa {};
  sa.sa_handler = on_exit_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // a second signal takes the default action: a way out of a hang
  for (int i = 0; i < 3; ++i) ::sigaction(kSignals[i], &sa, &g_old[i]);
  return true;
}

void remove_signal_watch(std::thread* watcher) {
  if (!watcher->joinable()) return;
  for (int i = 0; i < 3; ++i) ::sigaction(kSignals[i], &g_old[i], nullptr);
  const unsigned char stop = 0;
  (void)!::write(g_pipe[1], &stop, 1);
  watcher->join();
  ::close(g_pipe[0]);
  ::close(g_pipe[1]);
  g_pipe[0] = g_pipe[1] = -1;
}
}  // namespace

Window::~Window() {
  remove_signal_watch(&signal_watch_);
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
  if (!install_signal_watch(&signal_watch_))
    std::fprintf(stderr, "losslab: cannot watch for signals; SIGTERM will not autosave\n");
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
void Window::cancel_close() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }
int Window::signal_received() const { return g_signal.load(); }
void Window::framebuffer_size(int* w, int* h) const { glfwGetFramebufferSize(window_, w, h); }
void Window::window_size(int* w, int* h) const { glfwGetWindowSize(window_, w, h); }

}  // namespace ll::gui
