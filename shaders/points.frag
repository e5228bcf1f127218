#version 330 core
// One data point: a disc in its class colour with an outline; points with L_i > 0 get a ring
// in the loss colour, misclassified points also a cross. With COMPACT defined (many points,
// small discs) there is no ring and misclassified points get an outline in the loss colour.
const int kMaxClasses = 8;
const int kFlagLoss = 1;
const int kFlagWrong = 2;

uniform vec3 u_line[kMaxClasses];
uniform vec3 u_outline;
uniform vec3 u_loss_color;
uniform float u_radius_px;
uniform float u_px_scale;
uniform float u_extent_px;

flat in int v_label;
flat in int v_flags;
out vec4 frag_color;

float cover(float d) { return clamp(0.5 - d, 0.0, 1.0); }  // d: signed px distance, < 0 inside

void main() {
  vec2 v_local = (gl_PointCoord - 0.5) * (2.0 * u_extent_px);  // pixels from the centre
  float r = length(v_local);
  float R = u_radius_px;
  float ow = 1.25 * u_px_scale;  // outline width
  vec3 fill = u_line[clamp(v_label, 0, kMaxClasses - 1)];
#ifdef COMPACT
  ow = min(ow, 0.4 * R);  // discs shrunk for a million points stay mostly their class colour
  float disc = cover(r - R);
  if (disc <= 0.0) discard;
  vec3 edge = (v_flags & kFlagWrong) != 0 ? u_loss_color : u_outline;
  frag_color = vec4(mix(edge, fill, cover(r - (R - ow))), disc);
#else
  vec4 c = vec4(0.0);
  // Loss ring: R + 2.4 .. R + 4.6 (scaled).
  if ((v_flags & kFlagLoss) != 0) {
    float mid = R + 3.5 * u_px_scale, hw = 1.1 * u_px_scale;
    c = vec4(u_loss_color, cover(abs(r - mid) - hw));
  }
  // Disc with outline.
  float disc = cover(r - R);
  vec3 dc = mix(u_outline, fill, cover(r - (R - ow)));
  if ((v_flags & kFlagWrong) != 0) {
    // A thin cross of half-length 0.5 R in the outline colour (the fill stays readable).
    vec2 q = abs(v_local);
    float d = abs(q.x - q.y) * 0.70710678 - 0.6 * u_px_scale;
    float len = max(q.x, q.y) - 0.5 * R;
    dc = mix(dc, u_outline, cover(max(d, len)));
  }
  c = vec4(mix(c.rgb, dc, disc), max(c.a, disc));
  if (c.a <= 0.0) discard;
  frag_color = c;
#endif
}
