#pragma once
// The EGL context of a render test: made, or the test skips (no GPU or driver here) and fails
// instead under CI=true, where a context must exist. Call it from SetUp or a test body; the
// test body does not run after a skip or failure in SetUp.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "app/gl/egl_context.h"

namespace ll::test {

inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// The context, or nullptr after recording the skip (or, under CI=true, the failure).
inline std::unique_ptr<gui::EglContext> make_gl_context() {
  auto ctx = std::make_unique<gui::EglContext>();
  std::string err;
  if (ctx->create(&err)) return ctx;
  // In a lambda: FAIL() and GTEST_SKIP() return from the function they are written in.
  if (in_ci())
    [&] { FAIL() << "CI=true but no GL context: " << err; }();
  else
    [&] { GTEST_SKIP() << "no GL context: " << err; }();
  return nullptr;
}

}  // namespace ll::test
