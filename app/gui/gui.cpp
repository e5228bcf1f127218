// Placeholder window: replaced by the interactive classifier (issue 3).
#define GLFW_INCLUDE_NONE
#include "app/gui/gui.h"

#include <GLFW/glfw3.h>
#include <glad/gl.h>

#include <cstdio>

namespace ll::gui {

int run(const GuiOptions& options) {
  if (!glfwInit()) {
    std::fprintf(stderr,
                 "losslab: no display available; run under xvfb-run, or use `losslab render`\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* w = glfwCreateWindow(1280, 800, "LossLab", nullptr, nullptr);
  if (!w) {
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(w);
  gladLoadGL(glfwGetProcAddress);
  int frame = 0;
  while (!glfwWindowShouldClose(w) && (options.frames <= 0 || frame < options.frames)) {
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glfwSwapBuffers(w);
    glfwPollEvents();
    ++frame;
  }
  glfwDestroyWindow(w);
  glfwTerminate();
  return 0;
}

}  // namespace ll::gui
