// Shared lighting: a key light from above the viewer's right, a soft fill, a rim and a sky/ground
// hemisphere; wrap diffuse keeps skin from looking like plastic.
vec3 shade(vec3 base, vec3 n_world, vec3 view_dir_world, vec3 key_dir, vec3 fill_dir) {
  vec3 n = normalize(n_world);
  vec3 v = normalize(view_dir_world);
  float hemi = 0.5 + 0.5 * n.y;
  vec3 ambient = mix(vec3(0.26, 0.24, 0.22), vec3(0.42, 0.44, 0.48), hemi);
  float key = max((dot(n, key_dir) + 0.25) / 1.25, 0.0);
  float fill = max(dot(n, fill_dir), 0.0);
  float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0);
  vec3 h = normalize(key_dir + v);
  float spec = pow(max(dot(n, h), 0.0), 48.0);
  vec3 colour = base * (ambient + 0.78 * key + 0.25 * fill) + vec3(0.10) * rim + vec3(0.16) * spec;
  return colour;
}
