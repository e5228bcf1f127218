#include "tests/export/test_util.h"

#include <cairo.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ll::test {

palette::Rgb Image::rgb(int x, int y) const {
  const std::uint32_t p = at(x, y);
  const unsigned a = p >> 24;
  auto ch = [a](unsigned v) {
    return static_cast<std::uint8_t>(a == 0 ? 0 : std::min(255u, (v * 255 + a / 2) / a));
  };
  return {ch((p >> 16) & 0xFF), ch((p >> 8) & 0xFF), ch(p & 0xFF)};
}

namespace {
struct Reader {
  const std::string* bytes;
  std::size_t pos = 0;
};
cairo_status_t read_chunk(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->pos + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes->data() + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}
}  // namespace

Image decode_png(const std::string& bytes) {
  Reader reader{&bytes};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_chunk, &reader);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    throw std::runtime_error("not a PNG");
  }
  // Normalise to ARGB32 whatever the PNG's format (RGB24 for opaque images).
  Image img;
  img.width = cairo_image_surface_get_width(s);
  img.height = cairo_image_surface_get_height(s);
  const cairo_format_t format = cairo_image_surface_get_format(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  img.argb.resize(static_cast<std::size_t>(img.width) * img.height);
  for (int y = 0; y < img.height; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < img.width; ++x) {
      std::uint32_t p = row[x];
      if (format == CAIRO_FORMAT_RGB24) p |= 0xFF000000u;
      img.argb[static_cast<std::size_t>(y) * img.width + x] = p;
    }
  }
  cairo_surface_destroy(s);
  return img;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Image read_png(const std::filesystem::path& path) { return decode_png(read_all(path)); }

int color_distance(palette::Rgb a, palette::Rgb b) {
  return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

RunResult run(const std::string& command) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string tag = std::to_string(::getpid());
  const std::filesystem::path out = dir / ("losslab_run_" + tag + ".out");
  const std::filesystem::path err = dir / ("losslab_run_" + tag + ".err");
  const int status = std::system(
      (command + " >" + sh_quote(out.string()) + " 2>" + sh_quote(err.string())).c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_all(out);
  r.err = read_all(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

bool have_tool(const std::string& tool) {
  return std::system(("command -v " + sh_quote(tool) + " >/dev/null 2>&1").c_str()) == 0;
}

std::filesystem::path scratch_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("losslab_export_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace ll::test
