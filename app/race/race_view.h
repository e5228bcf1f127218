#pragma once
// The "Race" tab: the classifier's scene and start (W, b) trained at once by several runs,
// each with its own optimizer or loss settings, in lock step. Left: the transport (Play/Pause,
// Step, Reset, steps per tick), the runs (add, remove, optimizer, lr, batch, momentum, loss)
// and Export; right: the race figure (app/figure/race_figure.h) as the exporter draws it, one
// small canvas per run, one loss plot holding every run and (optional, on by default) the
// landscape through the start with every run's path, computed in the background
// (gui::LandscapeView). `losslab race [--landscape]` is its twin.
#include <cstdint>
#include <memory>

#include "app/style/style.h"
#include "core/scene.h"

namespace ll::gui {
class HeatTexture;
}

namespace ll::race {

class RaceView {
 public:
  RaceView();
  ~RaceView();
  // Draws the view into the current ImGui window (fills the content region). `classifier` is
  // the classifier's scene, the race's start; `revision` moves whenever it changes: a race not
  // yet started follows it, a race under way offers to restart from it. `heat`: the landscape's
  // map as a texture (the frame loop's; null: drawn cell by cell).
  void draw(const Style& style, const Scene& classifier, std::uint64_t revision,
            gui::HeatTexture* heat = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ll::race
