#version 330 core
// One data point: its class's marker shape (a disc or a polygon, app/figure's shape_outline) in
// its class colour with an outline; a ring in the neutral loss colour whose opacity is the
// point's loss level (hinge losses: 1 where L_i > 0; softmax, sigmoid, focal: L_i against the
// loss at zero scores); misclassified points also get a cross. With COMPACT defined (many
// points, small discs) every point is a plain disc, misclassified ones outlined in the loss
// colour. With MASKED defined, only on the marked tiles of a mask.
const int kMaxClasses = 10;
const int kShapeVertices = 12;
const int kFlagWrong = 2;
const float kMaxShapeRadius = 1.3;  // app/figure/canvas_figure.h

uniform vec3 u_line[kMaxClasses];
uniform vec2 u_shape[kMaxClasses * kShapeVertices];  // polygon per class, in radii (y down)
uniform int u_shape_n[kMaxClasses];                  // its vertex count, 0: a disc
uniform vec3 u_outline;
uniform vec3 u_loss_color;
uniform float u_radius_px;
uniform float u_px_scale;
uniform float u_extent_px;
uniform float u_ring_gap;   // ring centre beyond the radius (scaled pixels)
uniform float u_ring_half;  // ring half-width (scaled pixels)

#ifdef MASKED
// Only on the tiles being repainted (CanvasRenderer::repaint_changed): 1 where they are.
uniform sampler2D u_mask;
uniform float u_tile;  // its tile size in pixels
#endif

flat in int v_label;
flat in int v_flags;
flat in float v_loss;
out vec4 frag_color;

float cover(float d) { return clamp(0.5 - d, 0.0, 1.0); }  // d: signed px distance, < 0 inside

// Signed distance (in radii) to the polygon of class k, negative inside (even-odd rule).
float shape_distance(int k, vec2 p) {
  int n = u_shape_n[k];
  if (n == 0) return length(p) - 1.0;
  int base = k * kShapeVertices;
  vec2 v0 = u_shape[base];
  float d = dot(p - v0, p - v0);
  float s = 1.0;
  for (int i = 0; i < kShapeVertices; ++i) {
    if (i >= n) break;
    int j = i == 0 ? n - 1 : i - 1;
    vec2 vi = u_shape[base + i], vj = u_shape[base + j];
    vec2 e = vj - vi, w = p - vi;
    vec2 b = w - e * clamp(dot(w, e) / dot(e, e), 0.0, 1.0);
    d = min(d, dot(b, b));
    bool c1 = p.y >= vi.y, c2 = p.y < vj.y, c3 = e.x * w.y > e.y * w.x;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s;
  }
  return s * sqrt(d);
}

void main() {
#ifdef MASKED
  if (texelFetch(u_mask, ivec2(gl_FragCoord.xy / u_tile), 0).r < 0.5) discard;
#endif
  vec2 v_local = (gl_PointCoord - 0.5) * (2.0 * u_extent_px);  // pixels from the centre, y down
  float r = length(v_local);
  float R = u_radius_px;
  float ow = 1.25 * u_px_scale;  // outline width
  int k = clamp(v_label, 0, kMaxClasses - 1);
  vec3 fill = u_line[k];
#ifdef COMPACT
  ow = min(ow, 0.4 * R);  // discs shrunk for a million points stay mostly their class colour
  float disc = cover(r - R);
  if (disc <= 0.0) discard;
  vec3 c = fill;
  if ((v_flags & kFlagWrong) != 0) c = mix(u_loss_color, fill, cover(r - (R - ow)));
  frag_color = vec4(c, disc);
#else
  vec4 c = vec4(0.0);
  // Loss ring around the marker, as opaque as the loss is large.
  if (v_loss > 0.0) {
    float mid = R + u_ring_gap;
    c = vec4(u_loss_color, v_loss * cover(abs(r - mid) - u_ring_half));
  }
  // Half a pixel beyond the largest shape (kMaxShapeRadius radii, app/figure) the marker
  // covers nothing: the ring alone, without the polygon's distance loop (the same colour).
  if (r >= kMaxShapeRadius * R + 0.5) {
    if (c.a <= 0.0) discard;
    frag_color = c;
    return;
  }
  // The marker shape with its outline band inside the edge.
  float d = shape_distance(k, v_local / R) * R;
  float body = cover(d);
  vec3 dc = mix(u_outline, fill, cover(d + ow));
  if ((v_flags & kFlagWrong) != 0) {
    // A thin cross of half-length 0.5 R in the outline colour (the fill stays readable).
    vec2 q = abs(v_local);
    float dd = abs(q.x - q.y) * 0.70710678 - 0.6 * u_px_scale;
    float len = max(q.x, q.y) - 0.5 * R;
    dc = mix(dc, u_outline, cover(max(dd, len)));
  }
  // Over the ring: colour and coverage composited (the ring shows only outside the body).
  float a = body + c.a * (1.0 - body);
  if (a <= 0.0) discard;
  frag_color = vec4((dc * body + c.rgb * c.a * (1.0 - body)) / a, a);
#endif
}
