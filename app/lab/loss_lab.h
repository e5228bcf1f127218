#pragma once
// The loss lab workspace: loss curves, the regression playground, the slides' demonstrations
// (x² vs |x| gradient descent, same accuracy / different loss) and the link to the classifier.
#include <cstdint>
#include <memory>

#include "app/style/style.h"

namespace ll {
struct Scene;
}

namespace ll::lab {

class LossLab {
 public:
  LossLab();
  ~LossLab();
  // Draws the loss-lab workspace into the current ImGui window (fills the content region).
  // `classifier` is the current classifier scene for the link view (may be null); `revision`
  // moves whenever it changes (the document's revision): the link view is rebuilt only then.
  // `style`: the window's theme and class-colour scheme.
  void draw(const Style& style, const ll::Scene* classifier, std::uint64_t revision);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ll::lab
