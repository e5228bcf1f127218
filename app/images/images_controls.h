#pragma once
// The Images tab's training controls: loss (the classifier's kinds and names), regularizer and
// λ, optimizer, step size η, batch size, epochs and the initialisation (the labels of the
// classifier's loss panel), then Train / Continue / Cancel with the run's progress.
#include "app/images/images_model.h"
#include "app/style/style.h"

namespace ll::imagestab {

void controls(ImagesModel& m, const Style& style);

}  // namespace ll::imagestab
