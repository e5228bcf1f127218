#include "core/images/idx.h"

namespace ll::images {

IdxImages read_idx_images(const std::string& path, std::size_t) {
  throw IdxError(path + ": the IDX reader is not written yet");
}
std::vector<std::uint8_t> read_idx_labels(const std::string& path, std::size_t) {
  throw IdxError(path + ": the IDX reader is not written yet");
}
Dataset load_fashion_mnist(const std::string& dir, const LoadOptions&) {
  throw MissingDataError(missing_data_message(dir, kTrainImagesFile));
}
std::string missing_data_message(const std::string& dir, const std::string& file) {
  return "Fashion-MNIST not found in " + dir + " (missing " + file +
         "): install it with `apt install " + kFashionMnistPackage + "`";
}

}  // namespace ll::images
