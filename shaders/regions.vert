#version 330 core
// One triangle covering the viewport. Scores are affine in x, so they are computed exactly at
// the three vertices and interpolated by the rasterizer: the fragment shader then needs no
// per-pixel dot products and no uniform-array lookups (slow on software rasterizers).
const int kMaxClasses = 8;

uniform vec2 u_world_origin;   // world point at the viewport's bottom-left corner
uniform float u_world_per_px;
uniform vec2 u_viewport_px;    // viewport size in framebuffer pixels
uniform vec2 u_W[kMaxClasses];
uniform float u_b[kMaxClasses];

out vec2 v_world;
out vec4 v_s0;  // scores of classes 0-3
out vec4 v_s1;  // scores of classes 4-7

void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));  // (0,0) (2,0) (0,2)
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
  vec2 x = u_world_origin + p * u_viewport_px * u_world_per_px;
  v_world = x;
  v_s0 = vec4(dot(u_W[0], x) + u_b[0], dot(u_W[1], x) + u_b[1], dot(u_W[2], x) + u_b[2],
              dot(u_W[3], x) + u_b[3]);
  v_s1 = vec4(dot(u_W[4], x) + u_b[4], dot(u_W[5], x) + u_b[5], dot(u_W[6], x) + u_b[6],
              dot(u_W[7], x) + u_b[7]);
}
