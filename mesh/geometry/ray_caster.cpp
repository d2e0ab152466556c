#include "geometry/ray_caster.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <glm/geometric.hpp>

namespace mv {

namespace {
struct Box {
  glm::dvec3 lo{std::numeric_limits<double>::max()}, hi{std::numeric_limits<double>::lowest()};
  void grow(const glm::dvec3& p) { lo = glm::min(lo, p), hi = glm::max(hi, p); }
  void grow(const Box& b) { lo = glm::min(lo, b.lo), hi = glm::max(hi, b.hi); }
  // Slab test; returns entry distance or +inf when missed.
  double enter(const glm::dvec3& o, const glm::dvec3& inv_d, double t_max) const {
    const glm::dvec3 t0 = (lo - o) * inv_d, t1 = (hi - o) * inv_d;
    const glm::dvec3 tn = glm::min(t0, t1), tf = glm::max(t0, t1);
    const double near = std::max({tn.x, tn.y, tn.z, 0.0});
    const double far = std::min({tf.x, tf.y, tf.z, t_max});
    return near <= far ? near : std::numeric_limits<double>::infinity();
  }
};
struct Node {
  Box box;
  std::uint32_t first = 0, count = 0;  // leaf: triangle range in order_; inner: count == 0
  std::uint32_t left = 0, right = 0;
};
constexpr std::uint32_t kLeafSize = 4;
// Rays through a shared edge or vertex must hit one of its triangles despite rounding.
constexpr double kEdgeSlack = 1e-9;
}  // namespace

struct RayCaster::Impl {
  const TriangleMesh* mesh;
  std::vector<glm::dvec3> normals;
  std::vector<std::uint32_t> order;
  std::vector<Box> tri_box;
  std::vector<glm::dvec3> centroid;
  std::vector<Node> nodes;

  std::uint32_t build(std::uint32_t first, std::uint32_t count) {
    Node node;
    Box cbox;
    for (std::uint32_t i = first; i < first + count; ++i) {
      node.box.grow(tri_box[order[i]]);
      cbox.grow(centroid[order[i]]);
    }
    const auto index = static_cast<std::uint32_t>(nodes.size());
    nodes.push_back(node);
    if (count <= kLeafSize) {
      nodes[index].first = first;
      nodes[index].count = count;
      return index;
    }
    const glm::dvec3 extent = cbox.hi - cbox.lo;
    const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
    const std::uint32_t mid = first + count / 2;
    std::nth_element(order.begin() + first, order.begin() + mid, order.begin() + first + count,
                     [&](std::uint32_t a, std::uint32_t b) { return centroid[a][axis] < centroid[b][axis]; });
    const std::uint32_t left = build(first, mid - first);
    const std::uint32_t right = build(mid, first + count - mid);
    nodes[index].left = left;
    nodes[index].right = right;
    return index;
  }
};

RayCaster::RayCaster(const TriangleMesh& mesh) : impl_(std::make_unique<Impl>()) {
  impl_->mesh = &mesh;
  impl_->normals = vertex_normals(mesh);
  const auto n = static_cast<std::uint32_t>(mesh.triangles.size());
  impl_->order.resize(n);
  std::iota(impl_->order.begin(), impl_->order.end(), 0u);
  impl_->tri_box.resize(n);
  impl_->centroid.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (auto v : mesh.triangles[i]) impl_->tri_box[i].grow(mesh.positions[v]);
    impl_->centroid[i] = (impl_->tri_box[i].lo + impl_->tri_box[i].hi) * 0.5;
  }
  impl_->nodes.reserve(2 * n / kLeafSize + 1);
  if (n > 0) impl_->build(0, n);
}

RayCaster::~RayCaster() = default;
RayCaster::RayCaster(RayCaster&&) noexcept = default;
RayCaster& RayCaster::operator=(RayCaster&&) noexcept = default;

std::optional<RayHit> RayCaster::cast(const glm::dvec3& origin, const glm::dvec3& direction, double max_distance) const {
  const auto& m = *impl_->mesh;
  if (impl_->nodes.empty()) return std::nullopt;
  const glm::dvec3 d = glm::normalize(direction);
  // Axis-parallel rays: keep 1/d finite so the slab test never meets 0·∞.
  auto safe = [](double v) { return std::abs(v) < 1e-12 ? (v < 0.0 ? -1e-12 : 1e-12) : v; };
  const glm::dvec3 inv_d = 1.0 / glm::dvec3(safe(d.x), safe(d.y), safe(d.z));
  double best = max_distance;
  std::optional<RayHit> hit;
  double best_u = 0, best_v = 0;
  std::uint32_t stack[64];
  int top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& node = impl_->nodes[stack[--top]];
    if (!std::isfinite(node.box.enter(origin, inv_d, best))) continue;
    if (node.count == 0) {
      stack[top++] = node.left;
      stack[top++] = node.right;
      continue;
    }
    for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
      const std::uint32_t tri = impl_->order[i];
      const auto& t = m.triangles[tri];
      const glm::dvec3 &a = m.positions[t[0]], &b = m.positions[t[1]], &c = m.positions[t[2]];
      // Möller–Trumbore.
      const glm::dvec3 e1 = b - a, e2 = c - a, p = glm::cross(d, e2);
      const double det = glm::dot(e1, p);
      if (std::abs(det) < 1e-14) continue;
      const double inv = 1.0 / det;
      const glm::dvec3 s = origin - a;
      const double u = glm::dot(s, p) * inv;
      if (u < -kEdgeSlack || u > 1.0 + kEdgeSlack) continue;
      const glm::dvec3 q = glm::cross(s, e1);
      const double v = glm::dot(d, q) * inv;
      if (v < -kEdgeSlack || u + v > 1.0 + kEdgeSlack) continue;
      const double dist = glm::dot(e2, q) * inv;
      if (dist < 0.0 || dist > best) continue;
      best = dist;
      best_u = u, best_v = v;
      hit = RayHit{dist, origin + dist * d, {}, tri};
    }
  }
  if (hit) {
    const auto& t = m.triangles[hit->triangle];
    const auto& n = impl_->normals;
    hit->normal = glm::normalize((1.0 - best_u - best_v) * n[t[0]] + best_u * n[t[1]] + best_v * n[t[2]]);
  }
  return hit;
}

}  // namespace mv
