#version 330 core
// Data points as instanced screen-aligned quads; the fragment shader draws the disc.
layout(location = 0) in vec2 a_corner;  // (-1,-1) .. (1,1)
layout(location = 1) in vec2 a_pos;     // world position
layout(location = 2) in vec2 a_info;    // label, flags

uniform vec2 u_world_origin;  // world point at the viewport's bottom-left corner
uniform float u_world_per_px;
uniform vec2 u_viewport_px;   // viewport size in framebuffer pixels
uniform float u_extent_px;    // half size of the quad in pixels

out vec2 v_local;             // pixels from the centre
flat out int v_label;
flat out int v_flags;

void main() {
  vec2 px = (a_pos - u_world_origin) / u_world_per_px + a_corner * u_extent_px;
  gl_Position = vec4(px / u_viewport_px * 2.0 - 1.0, 0.0, 1.0);
  v_local = a_corner * u_extent_px;
  v_label = int(a_info.x + 0.5);
  v_flags = int(a_info.y + 0.5);
}
