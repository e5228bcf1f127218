#version 330 core
// One triangle covering the viewport. Scores are affine in x, so they are exact at the three
// vertices and interpolated by the rasterizer: the fragment shader needs no per-pixel dot
// products. The renderer computes the vertex scores in double precision (and, for argmax and
// confidence, shifts them by each vertex's maximum, which changes neither), so the regions
// stay exact at any zoom, where float world coordinates would not.
uniform vec2 u_world_origin;   // world point at the viewport's bottom-left corner
uniform float u_world_per_px;
uniform vec2 u_viewport_px;    // viewport size in framebuffer pixels
uniform vec4 u_s0[3];          // scores of classes 0-3 at the three vertices
uniform vec4 u_s1[3];          // scores of classes 4-7
uniform vec2 u_s2[3];          // scores of classes 8-9

out vec2 v_world;
out vec4 v_s0;
out vec4 v_s1;
out vec2 v_s2;

#ifdef PATCHES
// Patches of the viewport (a_px in viewport pixels), the scores interpolated from the same
// three vertices: the renderer repaints only the pixels whose class may have changed.
layout(location = 0) in vec2 a_px;
void main() {
  vec2 p = a_px / u_viewport_px;  // 0..1 over the viewport
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
  v_world = u_world_origin + a_px * u_world_per_px;
  vec2 t = 0.5 * p;  // barycentric weights of the vertices (2,0) and (0,2)
  float w0 = 1.0 - t.x - t.y;
  v_s0 = w0 * u_s0[0] + t.x * u_s0[1] + t.y * u_s0[2];
  v_s1 = w0 * u_s1[0] + t.x * u_s1[1] + t.y * u_s1[2];
  v_s2 = w0 * u_s2[0] + t.x * u_s2[1] + t.y * u_s2[2];
}
#else
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));  // (0,0) (2,0) (0,2)
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
  v_world = u_world_origin + p * u_viewport_px * u_world_per_px;
  v_s0 = u_s0[gl_VertexID];
  v_s1 = u_s1[gl_VertexID];
  v_s2 = u_s2[gl_VertexID];
}
#endif
