#pragma once
// Helpers for the export tests: decoding PNGs (through cairo), running commands and tools.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/style/style.h"

namespace ll::test {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint32_t> argb;  // cairo ARGB32, premultiplied
  std::uint32_t at(int x, int y) const { return argb[static_cast<std::size_t>(y) * width + x]; }
  int alpha(int x, int y) const { return static_cast<int>(at(x, y) >> 24); }
  // Un-premultiplied colour.
  palette::Rgb rgb(int x, int y) const;
};

// Throws std::runtime_error on anything that is not a PNG.
Image decode_png(const std::string& bytes);
Image read_png(const std::filesystem::path& path);

// Largest per-channel difference.
int color_distance(palette::Rgb a, palette::Rgb b);

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs a shell command line, capturing stdout and stderr.
RunResult run(const std::string& command);

// True when `tool` is on PATH.
bool have_tool(const std::string& tool);

// A fresh empty folder for one test process, removed by the caller (or left for inspection).
std::filesystem::path scratch_dir(const std::string& name);

std::string read_all(const std::filesystem::path& path);

// Quotes for /bin/sh.
std::string sh_quote(const std::string& s);

}  // namespace ll::test
