#include "core/images/trainer.h"

#include <stdexcept>

namespace ll::images {

const char* to_string(Init i) { return i == Init::Zero ? "zero" : "small"; }
bool parse(const std::string& s, Init& out) {
  if (s == "zero")
    out = Init::Zero;
  else if (s == "small")
    out = Init::Small;
  else
    return false;
  return true;
}
TrainSettings default_settings(LossKind kind) {
  TrainSettings t;
  t.loss.kind = kind;
  t.optimizer.kind = OptimizerKind::SGD;
  t.optimizer.batch = 256;
  return t;
}
Trainer::Trainer(std::shared_ptr<const Dataset> data, const TrainSettings& settings)
    : data_(std::move(data)), settings_(settings) {
  throw std::logic_error("images::Trainer is not written yet");
}
long Trainer::train_steps(long, JobControl*) { return 0; }
long Trainer::steps_for_epochs(double) const { return 0; }
double Trainer::epochs() const { return 0.0; }
const EvalRecord& Trainer::evaluate_now() { return evaluations_.back(); }
TrainSnapshot Trainer::snapshot() const { return {}; }
bool Trainer::step() { return false; }
void Trainer::log_step(double, double) {}

}  // namespace ll::images
