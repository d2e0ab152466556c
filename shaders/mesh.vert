#version 330 core
// Surfaces of the scene in world millimetres; the section plane clips through gl_ClipDistance.
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;

uniform mat4 u_view;
uniform mat4 u_projection;
uniform vec4 u_clip_plane;   // keep where dot(plane, p) >= 0; (0,0,0,1) keeps everything
uniform float u_depth_bias;  // mm toward the viewer

out vec3 v_world;
out vec3 v_normal;
out vec3 v_view_pos;

void main() {
  vec4 view_pos = u_view * vec4(a_position, 1.0);
  view_pos.xyz += normalize(-view_pos.xyz) * u_depth_bias;
  v_world = a_position;
  v_normal = a_normal;
  v_view_pos = view_pos.xyz;
  gl_ClipDistance[0] = dot(u_clip_plane, vec4(a_position, 1.0));
  gl_Position = u_projection * view_pos;
}
