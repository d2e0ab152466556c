#include "anatomy/regions.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <stdexcept>

#include <glm/geometric.hpp>

#include "anatomy/surface_sampling.hpp"
#include "geometry/implicit_shapes.hpp"

namespace mv {
namespace {

using glm::dvec3;
using Deep = RegionShape::Deep;

// Body frame (body_shape.hpp). A region with no cut is its whole part.
const std::map<Site, RegionShape>& regions() {
  using namespace body;
  const BodyAxis head = body_part_axis(BodyPart::HeadNeck), trunk = body_part_axis(BodyPart::Torso);
  static const std::map<Site, RegionShape> table = {
      {Site::FaceNeck, {{BodyPart::HeadNeck}, {}, {}, 0.0, head.top, head.bottom, 110, 128, Deep::Shell, 0.0}},
      {Site::Chest, {{BodyPart::Torso}, {}, {}, 0.0, trunk.top, trunk.bottom, 120, 144, Deep::Shell, 0.0}},
      {Site::UpperBack, {{BodyPart::Torso}, {}, {}, 0.0, trunk.top, trunk.bottom, 120, 144, Deep::Shell, 0.0}},
      {Site::LowerBack, {{BodyPart::Torso}, {}, {}, 0.0, trunk.top, trunk.bottom, 120, 144, Deep::Shell, 0.0}},
      {Site::Groin, {{BodyPart::Torso}, {}, {}, 0.0, trunk.top, trunk.bottom, 120, 144, Deep::Shell, 0.0}},
      {Site::Buttock, {{BodyPart::Torso}, {}, {}, 0.0, trunk.top, trunk.bottom, 120, 144, Deep::Shell, 0.0}},
      // The shoulder: the torso's shoulder girdle and the arm's top, within a ball around the joint.
      {Site::Shoulder,
       {{BodyPart::Torso, BodyPart::RightArm},
        {-170, 335, -15},
        {-170, 335, -15},
        150.0,
        {-160, 330, -15},
        {-160, 330, -15},
        100,
        128,
        Deep::Shell,
        0.0}},
      {Site::UpperArm,
       {{BodyPart::RightArm}, {-190, 290, -15}, {-212, 110, -19}, 72.0, {-190, 290, -15}, {-212, 110, -19}, 96, 112, Deep::BoneTube, 11.0}},
      {Site::Forearm,
       {{BodyPart::RightArm}, {-217, 10, -18}, {-232, -150, -2}, 56.0, {-217, 10, -18}, {-232, -150, -2}, 96, 112, Deep::BoneTube, 12.0}},
      {Site::Knee, {{BodyPart::RightLeg}, {-94, -450, -5}, {-94, -630, -8}, 76.0, {-94, -450, -5}, {-94, -630, -8}, 96, 112, Deep::BoneTube, 26.0}},
      {Site::LowerLeg,
       {{BodyPart::RightLeg}, {-94, -640, -12}, {-91, -880, -22}, 62.0, {-94, -640, -12}, {-91, -880, -22}, 96, 112, Deep::BoneTube, 14.0}},
      // The foot, cut above the malleoli; sampled from a point inside it (it lies along the floor).
      {Site::Foot, {{BodyPart::RightLeg}, {-90, -985, -30}, {-87, -1000, 130}, 72.0, {-90, -985, 40}, {-90, -985, 40}, 100, 128, Deep::Core, 0.0}},
  };
  return table;
}

// The region's field in its site's frame; the cut's edge rounded over 14 mm.
Field region_field(Site site, bool features) {
  const RegionShape& r = region_shape(site);
  const dvec3 origin = site_spec(site).body_origin;
  return [&r, origin, features](const dvec3& local) {
    const dvec3 p = local + origin;
    double d = body_part_field(r.parts[0], p, features);
    for (size_t i = 1; i < r.parts.size(); ++i) d = implicit::smooth_union(d, body_part_field(r.parts[i], p, features), 20.0);
    if (r.cut_radius > 0.0) {
      const double cut = glm::length(r.cut_top - r.cut_bottom) < 1e-9
                             ? glm::length(p - r.cut_top) - r.cut_radius  // a ball
                             : implicit::tapered_capsule(p, r.cut_top, r.cut_bottom, r.cut_radius, r.cut_radius);
      d = implicit::smooth_intersect(d, cut, 14.0);
    }
    return d;
  };
}

// Closest point of the segment [a, b] to p.
dvec3 on_segment(const dvec3& p, const dvec3& a, const dvec3& b) {
  const dvec3 ab = b - a;
  const double len2 = glm::dot(ab, ab);
  return len2 < 1e-12 ? a : a + std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0) * ab;
}

// A tube of `radius` about the segment, shaped by `like`'s points (the same rows and columns, so
// shells can join them): each point drawn toward the segment, never past 60% of its distance.
TubeGrid tube_inside(const TubeGrid& like, const dvec3& a, const dvec3& b, double radius) {
  auto shrink = [&](const dvec3& p) {
    const dvec3 q = on_segment(p, a, b);
    const double d = glm::length(p - q);
    return d < 1e-9 ? p : q + (p - q) * std::min(0.6, radius / d);
  };
  TubeGrid out = like;
  for (auto& p : out.points) p = shrink(p);
  if (out.first_pole) out.first_pole = shrink(*out.first_pole);
  if (out.last_pole) out.last_pole = shrink(*out.last_pole);
  return out;
}

// ---- the grid file: "MVGRID1\0", then per grid: rows, cols, poles (bit 0 first, bit 1 last),
// the points (x, y, z float32 each, row-major), then the poles present.
constexpr char kMagic[8] = {'M', 'V', 'G', 'R', 'I', 'D', '1', '\0'};

void put(std::string& out, const void* data, size_t n) { out.append(static_cast<const char*>(data), n); }
void put_point(std::string& out, const dvec3& p) {
  const float xyz[3] = {static_cast<float>(p.x), static_cast<float>(p.y), static_cast<float>(p.z)};
  put(out, xyz, sizeof xyz);
}
void put_grid(std::string& out, const TubeGrid& g) {
  const std::int32_t head[3] = {g.rows, g.cols, (g.first_pole ? 1 : 0) | (g.last_pole ? 2 : 0)};
  put(out, head, sizeof head);
  for (const auto& p : g.points) put_point(out, p);
  if (g.first_pole) put_point(out, *g.first_pole);
  if (g.last_pole) put_point(out, *g.last_pole);
}
std::string grids_bytes(const std::vector<const TubeGrid*>& grids) {
  std::string out(kMagic, sizeof kMagic);
  const std::int32_t n = static_cast<std::int32_t>(grids.size());
  put(out, &n, sizeof n);
  for (const TubeGrid* g : grids) put_grid(out, *g);
  return out;
}

struct Reader {
  const std::string& bytes;
  std::filesystem::path file;
  size_t at = 0;
  void take(void* out, size_t n) {
    if (at + n > bytes.size()) throw std::runtime_error(file.string() + ": ends early — regenerate with marginviz-anatomy");
    std::memcpy(out, bytes.data() + at, n);
    at += n;
  }
  dvec3 point() {
    float xyz[3];
    take(xyz, sizeof xyz);
    return {xyz[0], xyz[1], xyz[2]};
  }
  TubeGrid grid() {
    std::int32_t head[3];
    take(head, sizeof head);
    if (head[0] < 2 || head[1] < 3 || head[0] > 4096 || head[1] > 4096) throw std::runtime_error(file.string() + ": not a grid file");
    TubeGrid g{head[0], head[1], {}, {}, {}};
    g.points.resize(static_cast<size_t>(head[0]) * head[1]);
    for (auto& p : g.points) p = point();
    if (head[2] & 1) g.first_pole = point();
    if (head[2] & 2) g.last_pole = point();
    return g;
  }
};
std::vector<TubeGrid> read_grids(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read — regenerate with marginviz-anatomy");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Reader r{bytes, file};
  char magic[8];
  r.take(magic, sizeof magic);
  if (std::memcmp(magic, kMagic, sizeof magic) != 0) throw std::runtime_error(file.string() + ": not a marginviz grid file");
  std::int32_t n = 0;
  r.take(&n, sizeof n);
  std::vector<TubeGrid> out;
  for (std::int32_t i = 0; i < n && i < 16; ++i) out.push_back(r.grid());
  return out;
}

TubeGrid mirrored(TubeGrid g) {
  for (auto& p : g.points) p.x = -p.x;
  if (g.first_pole) g.first_pole->x = -g.first_pole->x;
  if (g.last_pole) g.last_pole->x = -g.last_pole->x;
  return g;
}

}  // namespace

const RegionShape& region_shape(Site site) {
  const auto it = regions().find(site);
  if (it == regions().end()) throw std::logic_error("not a region of the whole body: " + site_spec(site).key);
  return it->second;
}

std::string region_grid_file_name(Site site) {
  // The trunk's regions are one torso with different layers: one file serves them all.
  return region_shape(site).parts == std::vector<BodyPart>{BodyPart::Torso} ? "torso.grid" : site_spec(site).key + ".grid";
}

RegionGrids sample_region(Site site) {
  const RegionShape& r = region_shape(site);
  const dvec3 origin = site_spec(site).body_origin;
  const dvec3 top = r.axis_top - origin, bottom = r.axis_bottom - origin;
  return {sample_along_axis(region_field(site, true), r.rows, r.cols, top, bottom),
          sample_along_axis(region_field(site, false), r.rows, r.cols, top, bottom)};
}

Anatomy region_anatomy(Site site, const RegionGrids& grids, const TissueThickness& thickness) {
  const RegionShape& r = region_shape(site);
  const SiteSpec& spec = site_spec(site);
  const auto floors = layer_floor_depths_mm(site, thickness);
  std::vector<TubeGrid> b;
  for (const auto& [name, depth] : floors) b.push_back(grids.base.offset_inward(depth));
  Anatomy a{site, {}};
  auto add = [&](size_t index, TriangleMesh solid) {
    a.layers.push_back({spec.layers.at(index).name, spec.layers.at(index).kind, std::move(solid)});
  };
  add(0, shell_between(grids.skin, b.at(0)));
  for (size_t i = 1; i < b.size(); ++i) add(i, shell_between(b[i - 1], b[i]));
  const dvec3 origin = spec.body_origin, top = r.axis_top - origin, bottom = r.axis_bottom - origin;
  switch (r.deep) {
    case Deep::Shell:
      break;
    case Deep::Core:
      add(b.size(), solid_of(b.back()));
      break;
    case Deep::BoneTube:
      // The muscle down to the bone, and the bone; a hair of gap so no faces coincide.
      add(b.size(), shell_between(b.back(), tube_inside(b.back(), top, bottom, r.bone_radius_mm + 0.4)));
      add(b.size() + 1, solid_of(tube_inside(b.back(), top, bottom, r.bone_radius_mm)));
      break;
  }
  if (a.layers.size() != spec.layers.size()) throw std::logic_error(spec.key + ": the region's layers do not match its table");
  return a;
}

// Assets the tool writes: a plain write (no backup beside them).
void write_asset(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!(out << bytes)) throw std::runtime_error(file.string() + ": cannot be written");
}

void save_region_grids(const RegionGrids& grids, const std::filesystem::path& file) { write_asset(file, grids_bytes({&grids.skin, &grids.base})); }

RegionGrids load_region_grids(const std::filesystem::path& file) {
  auto grids = read_grids(file);
  if (grids.size() != 2) throw std::runtime_error(file.string() + ": expected a skin and a base grid — regenerate with marginviz-anatomy");
  return {std::move(grids[0]), std::move(grids[1])};
}

BodyGrids sample_body() {
  BodyGrids out;
  const struct {
    BodyPart part;
    int rows, cols;
  } parts[] = {{BodyPart::HeadNeck, 90, 96}, {BodyPart::Torso, 110, 120}, {BodyPart::RightArm, 120, 48}, {BodyPart::RightLeg, 160, 64}};
  for (const auto& [part, rows, cols] : parts) {
    const BodyAxis axis = body_part_axis(part);
    const BodyPart p = part;
    out.parts.push_back(sample_along_axis([p](const dvec3& q) { return body_part_field(p, q, true); }, rows, cols, axis.top, axis.bottom, 40.0));
  }
  return out;
}

void save_body_grids(const BodyGrids& grids, const std::filesystem::path& file) {
  std::vector<const TubeGrid*> all;
  for (const auto& g : grids.parts) all.push_back(&g);
  write_asset(file, grids_bytes(all));
}

BodyGrids load_body_grids(const std::filesystem::path& file) {
  BodyGrids out{read_grids(file)};
  if (out.parts.size() != 4) throw std::runtime_error(file.string() + ": expected 4 body parts — regenerate with marginviz-anatomy");
  return out;
}

std::vector<TriangleMesh> body_solids(const BodyGrids& grids) {
  std::vector<TriangleMesh> out;
  for (const auto& g : grids.parts) out.push_back(solid_of(g));
  out.push_back(solid_of(mirrored(grids.parts.at(2))));  // left arm
  out.push_back(solid_of(mirrored(grids.parts.at(3))));  // left leg
  return out;
}

}  // namespace mv
