#pragma once
// Test helpers for animation files: ffprobe's view of a file, one decoded frame (ffmpeg to raw
// RGB), and how far two RGB images are apart. Header-only: tests/video and tests/cli use it.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ll::test::media {

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs a shell command; its stdout, and the exit status in `status`.
inline std::string capture(const std::string& command, int& status) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int s = ::pclose(p);
  status = WIFEXITED(s) ? WEXITSTATUS(s) : -1;
  return out;
}

inline bool have(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

struct Probe {
  std::string codec, pix_fmt, format;
  int width = 0, height = 0;
  long frames = -1;        // decoded frames (ffprobe -count_frames)
  double duration = -1.0;  // the container's duration, seconds
  std::string frame_rate;  // r_frame_rate, e.g. "25/1"
};

inline Probe probe(const std::filesystem::path& file) {
  int status = -1;
  const std::string out = capture(
      "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
      "stream=codec_name,pix_fmt,width,height,nb_read_frames,r_frame_rate -show_entries "
      "format=duration,format_name -of json " +
          quote(file.string()),
      status);
  Probe p;
  if (status != 0) return p;
  const nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.contains("streams") || j["streams"].empty()) return p;
  const nlohmann::json& s = j["streams"][0];
  p.codec = s.value("codec_name", "");
  p.pix_fmt = s.value("pix_fmt", "");
  p.width = s.value("width", 0);
  p.height = s.value("height", 0);
  p.frames = std::stol(s.value("nb_read_frames", std::string("-1")));
  p.frame_rate = s.value("r_frame_rate", "");
  p.format = j["format"].value("format_name", "");
  p.duration = std::stod(j["format"].value("duration", std::string("-1")));
  return p;
}

// An empty folder for the running test: <temp>/<prefix>_<test name>_<pid>, emptied first. The
// fixture removes it in TearDown.
inline std::filesystem::path fresh_test_dir(const std::string& prefix) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      (prefix + "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
       std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// RGB24 pixels (width * height * 3 bytes) of frame `index` of `file`, or of an image file.
inline std::vector<std::uint8_t> decode_rgb(const std::filesystem::path& file, int index = 0) {
  const std::filesystem::path raw =
      std::filesystem::temp_directory_path() /
      ("losslab_frame_" + std::to_string(::getpid()) + "_" + std::to_string(index) + ".rgb");
  const std::string cmd = "ffmpeg -v error -y -i " + quote(file.string()) + " -vf 'select=eq(n\\," +
                          std::to_string(index) + ")' -frames:v 1 -f rawvideo -pix_fmt rgb24 " +
                          quote(raw.string());
  int status = std::system(cmd.c_str());
  const std::string bytes = status == 0 ? slurp(raw) : std::string();
  std::filesystem::remove(raw);
  return {bytes.begin(), bytes.end()};
}

struct Difference {
  double mean = 1e9;    // mean absolute difference per channel, in levels of 255
  double within = 0.0;  // fraction of pixels whose channels all differ by <= the tolerance
};

inline Difference compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                          int tolerance) {
  Difference d;
  if (a.size() != b.size() || a.empty()) return d;
  double sum = 0.0;
  std::size_t ok = 0;
  for (std::size_t i = 0; i + 2 < a.size(); i += 3) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) {
      const int e = std::abs(int(a[i + c]) - int(b[i + c]));
      sum += e;
      worst = std::max(worst, e);
    }
    ok += worst <= tolerance;
  }
  d.mean = sum / static_cast<double>(a.size());
  d.within = static_cast<double>(ok) / static_cast<double>(a.size() / 3);
  return d;
}

// Lossy frames (MP4, WebM: yuv420p, chroma at half resolution) against a still of the same
// step, without asking for every pixel: the colour at sample points where the still is flat
// (a 7 x 7 patch of one colour: inside a region, the background), and the positions of sharp
// edges (a class line, a frame) along rows, found again within +-2 px.
struct LossyMatch {
  int samples = 0;         // flat sample points found in the still
  double colour_ok = 0.0;  // fraction of them whose decoded colour is within the tolerance
  int edges = 0;           // sharp edges found in the still along the sampled rows
  double edge_ok = 0.0;    // fraction of them with an edge within +-2 px in the decoded frame
};

inline LossyMatch lossy_match(const std::vector<std::uint8_t>& decoded,
                              const std::vector<std::uint8_t>& still, int width, int height,
                              int tolerance = 14) {
  LossyMatch m;
  const std::size_t n = static_cast<std::size_t>(width) * height * 3;
  if (decoded.size() != n || still.size() != n) return m;
  const auto px = [&](const std::vector<std::uint8_t>& img, int x, int y, int c) {
    return int(img[(static_cast<std::size_t>(y) * width + x) * 3 + c]);
  };
  const auto diff = [&](const std::vector<std::uint8_t>& a, int x0, int y0,
                        const std::vector<std::uint8_t>& b, int x1, int y1) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(px(a, x0, y0, c) - px(b, x1, y1, c)));
    return d;
  };
  int ok = 0;
  const int step = std::max(4, std::min(width, height) / 24);
  for (int y = 3; y + 3 < height; y += step)
    for (int x = 3; x + 3 < width; x += step) {
      bool flat = true;
      for (int dy = -3; dy <= 3 && flat; ++dy)
        for (int dx = -3; dx <= 3 && flat; ++dx)
          flat = diff(still, x + dx, y + dy, still, x, y) == 0;
      if (!flat) continue;
      ++m.samples;
      ok += diff(decoded, x, y, still, x, y) <= tolerance;
    }
  m.colour_ok = m.samples ? static_cast<double>(ok) / m.samples : 0.0;
  // Edges: a step of more than 80 levels across two pixels (an antialiased region boundary or
  // line side) with flat colour (within 4 levels) for 2 pixels on each side.
  int found = 0;
  for (int y = 3; y + 3 < height; y += 3)
    for (int x = 3; x + 3 < width; ++x) {
      if (diff(still, x - 1, y, still, x + 1, y) <= 80) continue;
      bool flat = true;
      for (int k = 1; k <= 2 && flat; ++k)
        flat = diff(still, x - 1 - k, y, still, x - 1, y) <= 4 &&
               diff(still, x + 1 + k, y, still, x + 1, y) <= 4;
      if (!flat) continue;
      ++m.edges;
      bool near = false;
      for (int a = x - 3; a <= x + 1 && !near; ++a)  // within +-2 px
        near = a >= 0 && a + 2 < width && diff(decoded, a, y, decoded, a + 2, y) > 40;
      found += near;
      x += 2;  // one edge once
    }
  m.edge_ok = m.edges ? static_cast<double>(found) / m.edges : 0.0;
  return m;
}

}  // namespace ll::test::media
