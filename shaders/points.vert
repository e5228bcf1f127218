#version 330 core
// Data points as point sprites (one vertex each: software rasterizers handle one large point
// far faster than an instanced quad). The viewport is enlarged by u_pad_px on every side (and
// scissored back) so that points whose centre lies just outside the canvas are still drawn.
layout(location = 1) in vec2 a_pos;   // world position
layout(location = 2) in vec3 a_info;  // label, flags, loss level 0..1

uniform vec2 u_world_origin;  // world point at the canvas's bottom-left corner
uniform float u_world_per_px;
uniform vec2 u_viewport_px;   // canvas size in framebuffer pixels
uniform float u_pad_px;       // viewport enlargement on each side
uniform float u_extent_px;    // half size of the sprite in pixels

flat out int v_label;
flat out int v_flags;
flat out float v_loss;

void main() {
  vec2 px = (a_pos - u_world_origin) / u_world_per_px + u_pad_px;
  gl_Position = vec4(px / (u_viewport_px + 2.0 * u_pad_px) * 2.0 - 1.0, 0.0, 1.0);
  gl_PointSize = 2.0 * u_extent_px;
  v_label = int(a_info.x + 0.5);
  v_flags = int(a_info.y + 0.5);
  v_loss = a_info.z;
}
