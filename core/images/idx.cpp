#include "core/images/idx.h"

#include <zlib.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

namespace ll::images {

namespace {

struct GzCloser {
  void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzPtr = std::unique_ptr<gzFile_s, GzCloser>;

// A gzip file opened for reading, with the path in every message.
class GzReader {
 public:
  explicit GzReader(const std::string& path) : path_(path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    // Only regular files: opening a FIFO would block, a folder cannot be read.
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) fail("no such file");
    if (fs::is_directory(st)) fail("is a folder, not an IDX file");
    if (!fs::is_regular_file(st)) fail("is not a regular file (a FIFO or device?)");
    if (fs::file_size(path, ec) == 0 && !ec) fail("empty file, not a gzip file");
    file_.reset(gzopen(path.c_str(), "rb"));
    if (!file_) fail("cannot be opened");
    gzbuffer(file_.get(), 1 << 17);
    // Forces the first read: a file that does not start with the gzip magic is refused.
    if (gzdirect(file_.get()) != 0) fail("not a gzip file");
  }

  [[noreturn]] void fail(const std::string& what) const { throw IdxError(path_ + ": " + what); }

  // Reads exactly n bytes (n <= INT_MAX chunks at a time); `what` names them in the message.
  void read(void* out, std::size_t n, const char* what) {
    auto* p = static_cast<unsigned char*>(out);
    while (n > 0) {
      const unsigned chunk = n > (1u << 30) ? (1u << 30) : static_cast<unsigned>(n);
      const int got = gzread(file_.get(), p, chunk);
      if (got < 0) fail(error_text());
      if (got == 0) fail(std::string("truncated: the file ends inside the ") + what);
      p += got;
      n -= static_cast<std::size_t>(got);
    }
  }
  std::uint32_t read_be32(const char* what) {
    unsigned char b[4];
    read(b, 4, what);
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
           std::uint32_t{b[3]};
  }
  // Reads and drops n bytes.
  void skip(std::size_t n, const char* what) {
    std::array<unsigned char, 1 << 16> buf;
    while (n > 0) {
      const std::size_t chunk = n < buf.size() ? n : buf.size();
      read(buf.data(), chunk, what);
      n -= chunk;
    }
  }
  // The data must end here (this also makes zlib check the gzip trailer's CRC and length).
  void expect_end() {
    unsigned char b = 0;
    const int got = gzread(file_.get(), &b, 1);
    if (got < 0) fail(error_text());
    if (got > 0) fail("trailing data after the items the header announces");
  }

 private:
  std::string error_text() const {
    int code = Z_OK;
    const char* msg = gzerror(file_.get(), &code);
    if (code == Z_BUF_ERROR) return "truncated: the gzip stream ends early";
    if (code == Z_DATA_ERROR) return std::string("corrupt gzip data (") + msg + ")";
    if (code == Z_ERRNO) return "read error";
    return std::string("cannot be read (") + (msg != nullptr ? msg : "zlib error") + ")";
  }

  std::string path_;
  GzPtr file_;
};

std::string hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", v);
  return buf;
}

void check_magic(GzReader& r, std::uint32_t magic, std::uint32_t expected, const char* kind) {
  if (magic == expected) return;
  if ((magic >> 16) != 0 || ((magic >> 8) & 0xFF) != 0x08)
    r.fail("not an IDX file of unsigned bytes (magic " + hex(magic) + ", expected " +
           hex(expected) + " for " + kind + ")");
  r.fail("an IDX file with " + std::to_string(magic & 0xFF) + " dimensions, expected " +
         std::to_string(expected & 0xFF) + " (" + kind + ")");
}

std::uint32_t read_count(GzReader& r) {
  const std::uint32_t n = r.read_be32("header");
  if (n > kIdxMaxItems)
    r.fail("the header announces " + std::to_string(n) + " items (at most " +
           std::to_string(kIdxMaxItems) + ")");
  return n;
}

}  // namespace

IdxImages read_idx_images(const std::string& path, std::size_t max_count) {
  GzReader r(path);
  check_magic(r, r.read_be32("header"), kIdxImagesMagic, "images");
  IdxImages out;
  const std::uint32_t count = read_count(r);
  out.rows = r.read_be32("header");
  out.cols = r.read_be32("header");
  if (out.rows == 0 || out.cols == 0 || out.rows > kIdxMaxSide || out.cols > kIdxMaxSide)
    r.fail("images of " + std::to_string(out.rows) + " x " + std::to_string(out.cols) +
           " pixels (1 to " + std::to_string(kIdxMaxSide) + " a side)");
  const std::uint64_t per = std::uint64_t{out.rows} * out.cols;
  if (per * count > kIdxMaxBytes)
    r.fail("the header announces " + std::to_string(per * count) + " bytes of pixels (at most " +
           std::to_string(kIdxMaxBytes) + ")");
  out.count = max_count > 0 && max_count < count ? static_cast<std::uint32_t>(max_count) : count;
  out.pixels.resize(static_cast<std::size_t>(per * out.count));
  r.read(out.pixels.data(), out.pixels.size(), "pixels");
  r.skip(static_cast<std::size_t>(per * (count - out.count)), "pixels");
  r.expect_end();
  return out;
}

std::vector<std::uint8_t> read_idx_labels(const std::string& path, std::size_t max_count) {
  GzReader r(path);
  check_magic(r, r.read_be32("header"), kIdxLabelsMagic, "labels");
  const std::uint32_t count = read_count(r);
  const std::size_t keep = max_count > 0 && max_count < count ? max_count : count;
  std::vector<std::uint8_t> labels(keep);
  r.read(labels.data(), keep, "labels");
  r.skip(count - keep, "labels");
  r.expect_end();
  return labels;
}

std::string missing_data_message(const std::string& dir, const std::string& file) {
  return "Fashion-MNIST not found in " + dir + " (missing " + file +
         "): install it with `apt install " + kFashionMnistPackage + "`";
}

namespace {

ImageSet make_set(const std::string& images_path, const std::string& labels_path,
                  std::size_t limit) {
  IdxImages im = read_idx_images(images_path, limit);
  const std::vector<std::uint8_t> lab = read_idx_labels(labels_path, limit);
  if (lab.size() != im.count)
    throw IdxError(images_path + " has " + std::to_string(im.count) + " images but " + labels_path +
                   " has " + std::to_string(lab.size()) + " labels");
  ImageSet s;
  s.class_names = fashion_mnist_class_names();
  s.classes = static_cast<int>(s.class_names.size());
  s.rows = static_cast<int>(im.rows);
  s.cols = static_cast<int>(im.cols);
  s.labels.resize(lab.size());
  for (std::size_t i = 0; i < lab.size(); ++i) {
    if (lab[i] >= s.classes)
      throw IdxError(labels_path + ": label " + std::to_string(lab[i]) + " of item " +
                     std::to_string(i) + " is not one of the " + std::to_string(s.classes) +
                     " classes");
    s.labels[i] = lab[i];
  }
  std::array<float, 256> scale{};
  for (int v = 0; v < 256; ++v) scale[static_cast<std::size_t>(v)] = static_cast<float>(v / 255.0);
  const auto D = static_cast<Eigen::Index>(std::size_t{im.rows} * im.cols);
  s.X.resize(static_cast<Eigen::Index>(im.count), D);
  float* x = s.X.data();
  for (std::size_t i = 0; i < im.pixels.size(); ++i) x[i] = scale[im.pixels[i]];
  return s;
}

}  // namespace

Dataset load_fashion_mnist(const std::string& dir, const LoadOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw MissingDataError(missing_data_message(dir, "the folder"));
  for (const char* f : {kTrainImagesFile, kTrainLabelsFile, kTestImagesFile, kTestLabelsFile})
    if (!fs::exists(fs::path(dir) / f, ec)) throw MissingDataError(missing_data_message(dir, f));
  const fs::path d(dir);
  Dataset data;
  data.test =
      make_set((d / kTestImagesFile).string(), (d / kTestLabelsFile).string(), options.test_limit);
  if (options.skip_train) return data;
  data.train = make_set((d / kTrainImagesFile).string(), (d / kTrainLabelsFile).string(),
                        options.train_limit);
  if (data.train.size() == 0) throw IdxError((d / kTrainImagesFile).string() + ": no images");
  if (data.test.rows != data.train.rows || data.test.cols != data.train.cols)
    throw IdxError((d / kTestImagesFile).string() + ": images of " +
                   std::to_string(data.test.rows) + " x " + std::to_string(data.test.cols) +
                   " pixels, but the training images are " + std::to_string(data.train.rows) +
                   " x " + std::to_string(data.train.cols));
  if (options.center) center(data);
  return data;
}

}  // namespace ll::images
