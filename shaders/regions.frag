#version 330 core
// Decision regions of a linear classifier s_k(x) = W_k . x + b_k, exact per pixel (the scores
// arrive interpolated from regions.vert, exact for affine functions). What lies over the regions
// (grid, axes and the cached points: the renderer's overlay layer, premultiplied alpha) is
// composited in the same pass: on a software rasteriser every pass over the canvas costs about
// as much as the regions themselves.
// The renderer compiles one variant per MODE (0 argmax, 1 softmax confidence, 2 one class's
// score) and CLASSES (2..10), defined before this text: software rasterizers pay for every
// instruction of a branch not taken, so each variant holds only what it draws.
#ifndef MODE
#define MODE 0
#endif
#ifndef CLASSES
#define CLASSES 3
#endif
const int kMaxClasses = 10;

uniform float u_world_per_px;
uniform vec3 u_region[kMaxClasses];  // light region colours
uniform vec3 u_line[kMaxClasses];    // strong class colours
uniform vec3 u_background;           // colour of "no confidence"
uniform int u_score_class;
uniform float u_score_px;            // |W_c| * world per pixel: score change per pixel
uniform float u_px_scale;            // HiDPI scale for line widths
uniform sampler2D u_overlay;         // premultiplied RGBA, one texel per viewport pixel
uniform vec2 u_overlay_origin;       // framebuffer pixel of the viewport's bottom-left corner

in vec4 v_s0;
in vec4 v_s1;
in vec2 v_s2;
out vec4 frag_color;

// Coverage of a line of half-width hw (pixels) at pixel distance d.
float line_cover(float d, float hw) { return clamp(hw + 0.5 - d, 0.0, 1.0); }

void main() {
  // argmax with ties to the lower index (as core's argmax); constant indices only.
  float top = v_s0.x;
  vec3 region = u_region[0], line = u_line[0];
#define TRY(k, s)       \
  if (s > top) {        \
    top = s;            \
    region = u_region[k]; \
    line = u_line[k];   \
  }
  TRY(1, v_s0.y)
#if CLASSES > 2
  TRY(2, v_s0.z)
#endif
#if CLASSES > 3
  TRY(3, v_s0.w)
#endif
#if CLASSES > 4
  TRY(4, v_s1.x)
#endif
#if CLASSES > 5
  TRY(5, v_s1.y)
#endif
#if CLASSES > 6
  TRY(6, v_s1.z)
#endif
#if CLASSES > 7
  TRY(7, v_s1.w)
#endif
#if CLASSES > 8
  TRY(8, v_s2.x)
#endif
#if CLASSES > 9
  TRY(9, v_s2.y)
#endif
  vec3 c = region;
#if MODE == 1
  // Top softmax probability, from the scores shifted by the maximum.
  vec4 e0 = exp(v_s0 - top), e1 = exp(v_s1 - top);
  vec2 e2 = exp(v_s2 - top);
  vec4 m0 = vec4(0 < CLASSES, 1 < CLASSES, 2 < CLASSES, 3 < CLASSES);
  vec4 m1 = vec4(4 < CLASSES, 5 < CLASSES, 6 < CLASSES, 7 < CLASSES);
  vec2 m2 = vec2(8 < CLASSES, 9 < CLASSES);
  float p = 1.0 / (dot(e0, m0) + dot(e1, m1) + dot(e2, m2));
  float kf = float(CLASSES);
  float t = clamp((p - 1.0 / kf) / (1.0 - 1.0 / kf), 0.0, 1.0);
  c = mix(u_background, mix(region, line, 0.45), t);
#elif MODE == 2
  float v = u_score_class < 4   ? v_s0[u_score_class]
            : u_score_class < 8 ? v_s1[u_score_class - 4]
                                : v_s2[u_score_class - 8];
  float t = tanh(abs(v) * 0.5);
  vec3 neg = vec3(0.45, 0.45, 0.5);
  c = mix(u_background, v >= 0.0 ? u_line[u_score_class] : neg, 0.85 * t);
  // Iso-score lines at every integer score.
  float d = abs(v - floor(v + 0.5)) / max(u_score_px, 1e-6);
  c = mix(c, c * 0.7, line_cover(d, 0.5 * u_px_scale) * 0.8);
#endif
  vec4 o = texelFetch(u_overlay, ivec2(gl_FragCoord.xy - u_overlay_origin), 0);
  frag_color = vec4(o.rgb + (1.0 - o.a) * c, 1.0);
}
