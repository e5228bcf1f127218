#pragma once
// The "Same accuracy" tab: two models' 4-sample, 3-class probability tables, editable, with
// their error rate and mean cross-entropy computed live, and each sample placed on −ln p.
#include "core/lab/same_accuracy.h"

namespace ll::lab {

class SameAccuracyPanel {
 public:
  SameAccuracyPanel();
  void draw();

 private:
  ProbabilityTable models_[2];
};

}  // namespace ll::lab
