#version 330 core
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec4 a_colour;
uniform mat4 u_view;
uniform mat4 u_projection;
uniform vec4 u_clip_plane;
out vec4 v_colour;
void main() {
  vec4 view_pos = u_view * vec4(a_position, 1.0);
  view_pos.xyz += normalize(-view_pos.xyz) * 0.6;  // lift off the surface it lies on
  v_colour = a_colour;
  gl_ClipDistance[0] = dot(u_clip_plane, vec4(a_position, 1.0));
  gl_Position = u_projection * view_pos;
}
