#pragma once
// The "x² vs |x|" tab: gradient descent from x0 with a fixed rate on both functions, the traces
// on their curves and the lecture's step tables (t, x_t, f'(x_t), x_{t+1}).
namespace ll::lab {

class GdPanel {
 public:
  void draw();

 private:
  float x0_ = 2.0f;
  float rate_ = 0.3f;
  int steps_ = 10;
};

}  // namespace ll::lab
