#pragma once
// Small IDX files for the image tests, generated on the spot (gzipped through zlib like the
// real Fashion-MNIST files): headers, pixels and labels, and a folder with the four files.
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/images/idx.h"

namespace ll::test {

using Bytes = std::vector<std::uint8_t>;

inline void put_be32(Bytes& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>((v >> s) & 0xFF));
}

// An idx3 image file's bytes: the header, then `pixels` (count * rows * cols bytes expected,
// but anything is written: the tests make broken files with it).
inline Bytes idx_images_bytes(std::uint32_t count, std::uint32_t rows, std::uint32_t cols,
                              const Bytes& pixels, std::uint32_t magic = images::kIdxImagesMagic) {
  Bytes b;
  put_be32(b, magic);
  put_be32(b, count);
  put_be32(b, rows);
  put_be32(b, cols);
  b.insert(b.end(), pixels.begin(), pixels.end());
  return b;
}

inline Bytes idx_labels_bytes(const Bytes& labels, std::uint32_t magic = images::kIdxLabelsMagic,
                              std::uint32_t count = 0xFFFFFFFFu) {
  Bytes b;
  put_be32(b, magic);
  put_be32(b, count == 0xFFFFFFFFu ? static_cast<std::uint32_t>(labels.size()) : count);
  b.insert(b.end(), labels.begin(), labels.end());
  return b;
}

// Writes `data` gzipped to `path`.
inline void write_gz(const std::filesystem::path& path, const Bytes& data) {
  gzFile f = gzopen(path.string().c_str(), "wb");
  if (f == nullptr) throw std::runtime_error("cannot write " + path.string());
  if (!data.empty() &&
      gzwrite(f, data.data(), static_cast<unsigned>(data.size())) != static_cast<int>(data.size()))
    throw std::runtime_error("gzwrite failed: " + path.string());
  gzclose(f);
}

// Writes `data` as it is (no gzip).
inline void write_plain(const std::filesystem::path& path, const Bytes& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
}

inline Bytes read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A fresh empty folder under the system's temporary folder.
inline std::filesystem::path fresh_dir(const std::string& name) {
  const std::filesystem::path d = std::filesystem::temp_directory_path() /
                                  ("losslab-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

// A generated image set: `count` images of rows x cols pixels with labels in [0, 10). Image i
// has label i % classes; its pixels are a bright block (value 200 + i % 50) in the label's own
// column band of the image and a dim background (i * 7 + pixel) % 40, so a linear classifier
// separates the classes perfectly.
struct ImageFiles {
  std::uint32_t count = 0, rows = 0, cols = 0;
  Bytes pixels, labels;
};

inline ImageFiles banded_images(std::uint32_t count, std::uint32_t rows, std::uint32_t cols,
                                int classes = 10) {
  ImageFiles f{count, rows, cols, {}, {}};
  for (std::uint32_t i = 0; i < count; ++i) {
    const int y = static_cast<int>(i % static_cast<std::uint32_t>(classes));
    f.labels.push_back(static_cast<std::uint8_t>(y));
    for (std::uint32_t r = 0; r < rows; ++r)
      for (std::uint32_t c = 0; c < cols; ++c) {
        const bool band = static_cast<int>(c * static_cast<std::uint32_t>(classes) / cols) == y;
        const std::uint32_t v = band ? 200 + i % 50 : (i * 7 + r * cols + c) % 40;
        f.pixels.push_back(static_cast<std::uint8_t>(v));
      }
  }
  return f;
}

// Writes the four Fashion-MNIST files of `train` and `test` into `dir`.
inline void write_dataset(const std::filesystem::path& dir, const ImageFiles& train,
                          const ImageFiles& test) {
  write_gz(dir / images::kTrainImagesFile,
           idx_images_bytes(train.count, train.rows, train.cols, train.pixels));
  write_gz(dir / images::kTrainLabelsFile, idx_labels_bytes(train.labels));
  write_gz(dir / images::kTestImagesFile,
           idx_images_bytes(test.count, test.rows, test.cols, test.pixels));
  write_gz(dir / images::kTestLabelsFile, idx_labels_bytes(test.labels));
}

}  // namespace ll::test
