#pragma once
// Runs the real `losslab` binary for end-to-end tests and captures its output and exit code.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>

namespace ll::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string read_all(const std::string& path) {
  std::string text;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) text.append(buf.data(), n);
    std::fclose(f);
  }
  return text;
}

// `args` is appended to the binary's path as shell words (quote them yourself).
inline CommandResult run_losslab(const std::string& args) {
  // CTest runs tests in parallel processes: one stderr file per process.
  const std::string err_path =
      ::testing::TempDir() + "losslab_stderr_" + std::to_string(::getpid()) + ".txt";
  const std::string cmd = std::string(LOSSLAB_BIN) + " " + args + " 2>" + err_path;
  CommandResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = read_all(err_path);
  return r;
}

}  // namespace ll::test
