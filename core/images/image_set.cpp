#include "core/images/image_set.h"

#include <stdexcept>
#include <string>

#include "core/scene.h"

namespace ll::images {

void gather_batch(const ImageSet& set, std::span<const int> indices, BatchMatrix& X,
                  std::vector<int>& labels) {
  if (indices.empty()) {
    gather_range(set, 0, set.size(), X, labels);
    return;
  }
  const auto n = static_cast<Eigen::Index>(indices.size());
  X.resize(n, set.X.cols());
  labels.resize(indices.size());
  for (Eigen::Index r = 0; r < n; ++r) {
    const int i = indices[static_cast<std::size_t>(r)];
    X.row(r) = set.X.row(i).cast<double>();
    labels[static_cast<std::size_t>(r)] = set.labels[static_cast<std::size_t>(i)];
  }
}

void gather_range(const ImageSet& set, std::size_t begin, std::size_t end, BatchMatrix& X,
                  std::vector<int>& labels) {
  const auto b = static_cast<Eigen::Index>(begin), n = static_cast<Eigen::Index>(end - begin);
  X = set.X.middleRows(b, n).cast<double>();
  labels.assign(set.labels.begin() + b, set.labels.begin() + b + n);
}

void check_image_set(const ImageSet& set) {
  auto fail = [](const std::string& what) { throw std::invalid_argument("image set: " + what); };
  if (set.classes < kMinClasses || set.classes > kMaxClasses)
    fail(std::to_string(set.classes) + " classes (2 to 10 are supported)");
  if (set.rows <= 0 || set.cols <= 0 ||
      static_cast<long long>(set.rows) * set.cols != static_cast<long long>(set.X.cols()))
    fail("the image size " + std::to_string(set.rows) + " x " + std::to_string(set.cols) +
         " does not match " + std::to_string(set.X.cols()) + " pixels");
  if (static_cast<std::size_t>(set.X.rows()) != set.labels.size())
    fail(std::to_string(set.X.rows()) + " images but " + std::to_string(set.labels.size()) +
         " labels");
  if (set.class_names.size() != static_cast<std::size_t>(set.classes))
    fail(std::to_string(set.class_names.size()) + " class names for " +
         std::to_string(set.classes) + " classes");
  for (std::size_t i = 0; i < set.labels.size(); ++i)
    if (set.labels[i] < 0 || set.labels[i] >= set.classes)
      fail("image " + std::to_string(i) + " has label " + std::to_string(set.labels[i]) +
           ", outside [0, " + std::to_string(set.classes) + ")");
  if (!set.X.allFinite()) fail("a pixel is not a finite number");
}

void center(Dataset& data) {
  if (data.centered() || data.train.size() == 0) return;
  // Summed in double, row by row (no double copy of the pixels).
  Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(data.train.X.cols());
  for (Eigen::Index i = 0; i < data.train.X.rows(); ++i) sum += data.train.X.row(i).cast<double>();
  data.mean = (sum / static_cast<double>(data.train.X.rows())).transpose().cast<float>();
  data.train.X.rowwise() -= data.mean.transpose();
  if (data.test.X.cols() == data.mean.size()) data.test.X.rowwise() -= data.mean.transpose();
}

std::vector<std::string> fashion_mnist_class_names() {
  return {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
          "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
}

}  // namespace ll::images
