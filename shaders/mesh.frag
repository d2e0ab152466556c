#version 330 core
// One shader for opaque surfaces, section caps and the weighted-blended order-independent
// transparency pass (McGuire & Bavoil 2013).
in vec3 v_world;
in vec3 v_normal;
in vec3 v_view_pos;

uniform vec4 u_colour;
uniform vec3 u_eye;
uniform vec3 u_key_dir;
uniform vec3 u_fill_dir;
uniform int u_oit;            // 0: opaque, 1: accumulate transparency
uniform int u_flat;           // 1: a section cap, flat and unlit
uniform float u_depth_ref;    // view distance (mm) around which transparency weights are centred

layout(location = 0) out vec4 o_colour;  // opaque colour, or accumulated premultiplied colour
layout(location = 1) out vec4 o_weight;  // sum of weights (OIT only)

#include "lighting.glsl"

void main() {
  vec3 base = u_colour.rgb;
  vec3 colour;
  if (u_flat == 1) {
    colour = base * 0.92;  // cut face: flat, unlit, slightly darker than the surface
  } else {
    vec3 n = gl_FrontFacing ? v_normal : -v_normal;
    colour = shade(base, n, u_eye - v_world, u_key_dir, u_fill_dir);
  }
  if (u_oit == 0) {
    o_colour = vec4(colour, 1.0);
    o_weight = vec4(0.0);
    return;
  }
  float a = u_colour.a;
  float z = abs(v_view_pos.z);
  // Tissue layers lie millimetres apart, far closer than the generic weights of McGuire & Bavoil
  // can separate: weight falls by e every 6 mm of depth, so the nearer layer dominates the blend.
  float w = a * clamp(exp((u_depth_ref - z) / 6.0), 1e-3, 1e3);
  o_colour = vec4(colour * a * w, a);
  o_weight = vec4(a * w, 0.0, 0.0, a);
}
