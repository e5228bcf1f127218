#include "core/images/evaluation.h"

#include <stdexcept>

namespace ll::images {

SetEvaluation evaluate(const LinearModel&, const ImageSet&, const LossSettings&, JobControl*) {
  throw std::logic_error("images::evaluate is not written yet");
}
Summary summarize(const LinearModel&, const ImageSet&, const LossSettings&, std::size_t) {
  throw std::logic_error("images::summarize is not written yet");
}
std::vector<Mistake> top_misclassified(const SetEvaluation&, const ImageSet&, std::size_t) {
  return {};
}

}  // namespace ll::images
