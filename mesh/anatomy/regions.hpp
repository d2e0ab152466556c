#pragma once
// The regions cut from the whole body (body_shape.hpp): each is one or two body parts, cut where
// the region ends by a capsule (so the cut is closed and rounded, wrapped in skin like the rest),
// sampled once into a skin grid and a feature-free base grid (the expensive part, committed as
// assets/anatomy/<site>.grid by marginviz-anatomy), and layered from those grids at load time by
// the site's thickness table, so per-case thicknesses cost no resampling.
#include <filesystem>
#include <vector>

#include "anatomy/anatomy.hpp"
#include "anatomy/body_shape.hpp"
#include "geometry/tube_grid.hpp"

namespace mv {

struct RegionShape {
  std::vector<BodyPart> parts;           // blended when more than one (the shoulder: torso and arm)
  glm::dvec3 cut_top{}, cut_bottom{};    // body frame; the region is the parts inside this capsule
  double cut_radius = 0.0;               // 0: the whole part
  glm::dvec3 axis_top{}, axis_bottom{};  // body frame; sampled along this segment (caps included)
  int rows = 96, cols = 128;
  // What lies under the fixed-thickness layers: nothing (the deepest layer is a shell), a core
  // (the rest is one solid, the ankle's way), or a bone tube about the axis (the thigh's way).
  enum class Deep { Shell, Core, BoneTube } deep = Deep::Shell;
  double bone_radius_mm = 0.0;
};
const RegionShape& region_shape(Site site);  // a site for which from_whole_body() holds

// The sampled surfaces, in the site's frame (body frame minus the site's body_origin).
struct RegionGrids {
  TubeGrid skin, base;
};
RegionGrids sample_region(Site site);
Anatomy region_anatomy(Site site, const RegionGrids& grids, const TissueThickness& thickness);

// The committed grids: a small binary file (float32, little-endian; docs/anatomy.md).
void save_region_grids(const RegionGrids& grids, const std::filesystem::path& file);
RegionGrids load_region_grids(const std::filesystem::path& file);
std::string region_grid_file_name(Site site);  // "chest.grid"

// The whole body as closed skin solids (each part, the left limbs mirrored), in the body frame, for
// the whole-body view; sampled at `quality` rows per part (the committed body.grid holds them).
struct BodyGrids {
  std::vector<TubeGrid> parts;  // head and neck, torso, right arm, right leg
};
BodyGrids sample_body();
void save_body_grids(const BodyGrids& grids, const std::filesystem::path& file);
BodyGrids load_body_grids(const std::filesystem::path& file);
std::vector<TriangleMesh> body_solids(const BodyGrids& grids);  // six: the four parts and the mirrored left arm and leg

}  // namespace mv
