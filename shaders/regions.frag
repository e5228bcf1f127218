#version 330 core
// Decision regions of a linear classifier s_k(x) = W_k . x + b_k, exact per pixel, plus the
// grid and the axes. World coordinates come from the fragment position (y up).
const int kMaxClasses = 8;
const int kModeArgmax = 0;
const int kModeConfidence = 1;
const int kModeScore = 2;

uniform vec2 u_origin_px;      // framebuffer pixel of the viewport's bottom-left corner
uniform vec2 u_world_origin;   // world point at that corner
uniform float u_world_per_px;
uniform int u_classes;
uniform vec2 u_W[kMaxClasses];
uniform float u_b[kMaxClasses];
uniform vec3 u_region[kMaxClasses];  // light region colours
uniform vec3 u_line[kMaxClasses];    // strong class colours
uniform vec3 u_background;           // colour of "no confidence"
uniform int u_mode;
uniform int u_score_class;
uniform float u_grid_step;           // world units; 0 hides the grid
uniform vec4 u_grid_color;
uniform vec4 u_axis_color;
uniform float u_px_scale;            // HiDPI scale for line widths

out vec4 frag_color;

// Coverage of a line of half-width hw (pixels) at pixel distance d.
float line_cover(float d, float hw) { return clamp(hw + 0.5 - d, 0.0, 1.0); }

// Pixel distance to the nearest multiple of `step` along one coordinate.
float grid_dist(float w, float step) {
  float f = w / step;
  return abs(f - floor(f + 0.5)) * step / u_world_per_px;
}

void main() {
  vec2 x = u_world_origin + (gl_FragCoord.xy - u_origin_px) * u_world_per_px;
  float s[kMaxClasses];
  int best = 0;
  for (int k = 0; k < u_classes; ++k) {
    s[k] = dot(u_W[k], x) + u_b[k];
    if (s[k] > s[best]) best = k;  // ties go to the lower index, as in core's argmax
  }
  vec3 c = u_region[best];
  if (u_mode == kModeConfidence) {
    float sum = 0.0;
    for (int k = 0; k < u_classes; ++k) sum += exp(s[k] - s[best]);
    float p = 1.0 / sum;  // top softmax probability
    float k = float(u_classes);
    float t = clamp((p - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0);
    vec3 strong = mix(u_region[best], u_line[best], 0.45);
    c = mix(u_background, strong, t);
  } else if (u_mode == kModeScore) {
    float v = s[u_score_class];
    float t = tanh(abs(v) * 0.5);
    vec3 pos = u_line[u_score_class];
    vec3 neg = vec3(0.45, 0.45, 0.5);
    c = mix(u_background, v >= 0.0 ? pos : neg, 0.85 * t);
    // Iso-score lines at every integer score.
    float fw = max(fwidth(v), 1e-6);
    float d = abs(v - floor(v + 0.5)) / fw;
    c = mix(c, c * 0.7, line_cover(d, 0.5 * u_px_scale) * 0.8);
  }
  if (u_grid_step > 0.0) {
    float g = max(line_cover(grid_dist(x.x, u_grid_step), 0.5 * u_px_scale),
                  line_cover(grid_dist(x.y, u_grid_step), 0.5 * u_px_scale));
    c = mix(c, u_grid_color.rgb, g * u_grid_color.a);
  }
  float a = max(line_cover(abs(x.x) / u_world_per_px, 0.75 * u_px_scale),
                line_cover(abs(x.y) / u_world_per_px, 0.75 * u_px_scale));
  c = mix(c, u_axis_color.rgb, a * u_axis_color.a);
  frag_color = vec4(c, 1.0);
}
