#version 330 core
// The argmax regions as flat polygons (core/regions.h, CanvasRenderer's polygon path): vertices
// in viewport pixels, each with its region's colour.
layout(location = 0) in vec2 a_px;
layout(location = 1) in vec3 a_color;
uniform vec2 u_viewport_px;
flat out vec3 v_color;
void main() {
  gl_Position = vec4(a_px / u_viewport_px * 2.0 - 1.0, 0.0, 1.0);
  v_color = a_color;
}
