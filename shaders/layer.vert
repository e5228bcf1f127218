#version 330 core
// The marked tiles of a cached layer (LayerCache::mark), as triangles in clip space.
layout(location = 0) in vec2 a_pos;
void main() { gl_Position = vec4(a_pos, 0.0, 1.0); }
