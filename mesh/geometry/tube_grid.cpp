#include "geometry/tube_grid.hpp"

#include <stdexcept>

#include <glm/geometric.hpp>

namespace mv {
namespace {

using Tri = std::array<std::uint32_t, 3>;

// Index layout of one grid inside a mesh: ring points from `base`, then its poles or end centres.
struct GridIndices {
  std::uint32_t base = 0;
  int cols = 0;
  std::uint32_t at(int r, int c) const { return base + static_cast<std::uint32_t>(r * cols + (c % cols)); }
};

void add_rings(TriangleMesh& m, const TubeGrid& g, GridIndices ix, bool flip) {
  for (int r = 0; r + 1 < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) {
      Tri a{ix.at(r, c), ix.at(r, c + 1), ix.at(r + 1, c + 1)};
      Tri b{ix.at(r, c), ix.at(r + 1, c + 1), ix.at(r + 1, c)};
      if (flip) std::swap(a[1], a[2]), std::swap(b[1], b[2]);
      m.triangles.push_back(a);
      m.triangles.push_back(b);
    }
}

// Fan from `centre` to the first (last_end=false) or last ring, wound to match add_rings.
void add_fan(TriangleMesh& m, const TubeGrid& g, GridIndices ix, std::uint32_t centre, bool last_end, bool flip) {
  const int r = last_end ? g.rows - 1 : 0;
  for (int c = 0; c < g.cols; ++c) {
    Tri t = last_end ? Tri{centre, ix.at(r, c), ix.at(r, c + 1)} : Tri{centre, ix.at(r, c + 1), ix.at(r, c)};
    if (flip) std::swap(t[1], t[2]);
    m.triangles.push_back(t);
  }
}

GridIndices append_points(TriangleMesh& m, const TubeGrid& g) {
  GridIndices ix{static_cast<std::uint32_t>(m.positions.size()), g.cols};
  m.positions.insert(m.positions.end(), g.points.begin(), g.points.end());
  return ix;
}

std::uint32_t append_point(TriangleMesh& m, const glm::dvec3& p) {
  m.positions.push_back(p);
  return static_cast<std::uint32_t>(m.positions.size() - 1);
}

glm::dvec3 ring_centroid(const TubeGrid& g, int r) {
  glm::dvec3 c(0.0);
  for (int i = 0; i < g.cols; ++i) c += g.at(r, i);
  return c / static_cast<double>(g.cols);
}

void orient_outward(TriangleMesh& m) {
  if (enclosed_volume_mm3(m) < 0.0)
    for (auto& t : m.triangles) std::swap(t[1], t[2]);
}

}  // namespace

TriangleMesh TubeGrid::surface() const {
  TriangleMesh m;
  const auto ix = append_points(m, *this);
  add_rings(m, *this, ix, false);
  if (first_pole) add_fan(m, *this, ix, append_point(m, *first_pole), false, false);
  if (last_pole) add_fan(m, *this, ix, append_point(m, *last_pole), true, false);
  return m;
}

TubeGrid TubeGrid::offset_inward(double depth_mm) const {
  const TriangleMesh m = surface();
  const auto normals = vertex_normals(m);
  // Winding depends on how the grid was parametrised: find whether normals point out of the rings.
  double outwardness = 0.0;
  for (int r = 0; r < rows; ++r) {
    const glm::dvec3 centre = ring_centroid(*this, r);
    for (int c = 0; c < cols; ++c) outwardness += glm::dot(normals[static_cast<size_t>(r) * cols + c], at(r, c) - centre);
  }
  const double sign = outwardness > 0.0 ? -1.0 : 1.0;
  TubeGrid out = *this;
  for (size_t i = 0; i < points.size(); ++i) out.points[i] = points[i] + sign * depth_mm * normals[i];
  size_t next = points.size();
  if (first_pole) out.first_pole = *first_pole + sign * depth_mm * normals[next++];
  if (last_pole) out.last_pole = *last_pole + sign * depth_mm * normals[next++];
  return out;
}

TubeGrid TubeGrid::slice_rows(int begin, int end) const {
  if (begin < 0 || end > rows || end - begin < 2) throw std::invalid_argument("TubeGrid::slice_rows out of range");
  TubeGrid s;
  s.rows = end - begin;
  s.cols = cols;
  s.points.assign(points.begin() + static_cast<long>(begin) * cols, points.begin() + static_cast<long>(end) * cols);
  if (begin == 0) s.first_pole = first_pole;
  if (end == rows) s.last_pole = last_pole;
  return s;
}

TriangleMesh shell_between(const TubeGrid& outer, const TubeGrid& inner) {
  if (outer.rows != inner.rows || outer.cols != inner.cols) throw std::invalid_argument("shell_between: grid sizes differ");
  TriangleMesh m;
  const auto o = append_points(m, outer);
  const auto i = append_points(m, inner);
  add_rings(m, outer, o, false);
  add_rings(m, inner, i, true);
  auto close_end = [&](bool last_end, const std::optional<glm::dvec3>& outer_pole, const std::optional<glm::dvec3>& inner_pole) {
    if (outer_pole && inner_pole) {
      add_fan(m, outer, o, append_point(m, *outer_pole), last_end, false);
      add_fan(m, inner, i, append_point(m, *inner_pole), last_end, true);
      return;
    }
    const int r = last_end ? outer.rows - 1 : 0;
    for (int c = 0; c < outer.cols; ++c) {
      if (last_end) {
        m.triangles.push_back({o.at(r, c), o.at(r, c + 1), i.at(r, c + 1)});
        m.triangles.push_back({o.at(r, c), i.at(r, c + 1), i.at(r, c)});
      } else {
        m.triangles.push_back({o.at(r, c + 1), o.at(r, c), i.at(r, c)});
        m.triangles.push_back({o.at(r, c + 1), i.at(r, c), i.at(r, c + 1)});
      }
    }
  };
  close_end(false, outer.first_pole, inner.first_pole);
  close_end(true, outer.last_pole, inner.last_pole);
  orient_outward(m);
  return m;
}

TriangleMesh solid_of(const TubeGrid& grid) {
  TriangleMesh m;
  const auto ix = append_points(m, grid);
  add_rings(m, grid, ix, false);
  add_fan(m, grid, ix, append_point(m, grid.first_pole.value_or(ring_centroid(grid, 0))), false, false);
  add_fan(m, grid, ix, append_point(m, grid.last_pole.value_or(ring_centroid(grid, grid.rows - 1))), true, false);
  orient_outward(m);
  return m;
}

}  // namespace mv
