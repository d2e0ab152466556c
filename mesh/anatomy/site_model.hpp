#pragma once
#include <filesystem>
#include <functional>
#include <list>
#include <map>
#include <mutex>
#include <memory>
#include <string>

#include "anatomy/anatomy.hpp"
#include "geometry/ray_caster.hpp"

namespace mv {

struct RegionGrids;  // regions.hpp

// An anatomy with a ray caster over its skin. Not movable: the caster refers to the anatomy.
struct SiteModel {
  explicit SiteModel(Anatomy a) : anatomy(std::move(a)), skin(anatomy.skin()) {}
  SiteModel(const SiteModel&) = delete;
  SiteModel& operator=(const SiteModel&) = delete;
  Anatomy anatomy;
  RayCaster skin;
};

// The whole body's skin for the whole-body view: six closed solids (body frame, body_shape.hpp) and
// a ray caster over all of them. Not movable: the caster refers to the merged mesh.
struct WholeBody {
  explicit WholeBody(std::vector<TriangleMesh> solids);
  WholeBody(const WholeBody&) = delete;
  WholeBody& operator=(const WholeBody&) = delete;
  std::vector<TriangleMesh> parts;  // head and neck, torso, right arm, right leg, left arm, left leg
  TriangleMesh merged;
  RayCaster skin;
};

// File name of a site's bundled anatomy inside the anatomy folder: "abdomen.glb" for the four sites
// of Han 2009, the sampled grids ("torso.grid", "knee.grid") for the regions of the whole body.
std::string anatomy_file_name(Site site);

// Reads a bundled anatomy (glTF, metres; or a region's grids, layered by `thickness`) and checks it
// has the site's layers in order.
Anatomy load_anatomy_file(Site site, const std::filesystem::path& file, const TissueThickness& thickness = {});

// Hands out site models: the bundled .glb when the case keeps the default thicknesses, else a
// freshly generated anatomy with the case's thicknesses. Caches what it made.
// Safe to use from several threads (the GUI reads a scan on a worker while its own thread opens
// cases): the cache is guarded, and a model is built outside the lock. Built-in sites stay cached;
// of the patients' scans only the kScansKept most recently asked for do (each can be hundreds of MB).
class AnatomyLibrary {
 public:
  static constexpr size_t kScansKept = 2;
  explicit AnatomyLibrary(std::filesystem::path anatomy_dir);
  std::shared_ptr<const SiteModel> get(Site site, const TissueThickness& thickness);
  // The whole body's skin, for the whole-body view; read once (body.grid, or sampled without it).
  std::shared_ptr<const WholeBody> body();
  // A case's own surface scan (OBJ, STL, PLY, glTF, GLB) in its declared unit; throws MeshIoError.
  std::shared_ptr<const SiteModel> get_scan(Site site, const std::filesystem::path& mesh, const std::string& unit, const TissueThickness& thickness,
                                            const std::function<void(float)>& progress = {});
  const std::filesystem::path& directory() const { return dir_; }
  size_t cached_scans() const;

 private:
  std::shared_ptr<const SiteModel> cached(const std::string& key);
  void keep(const std::string& key, std::shared_ptr<const SiteModel> model, bool scan);
  void trim_scans();  // with the lock held
  std::filesystem::path dir_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const SiteModel>> cache_;
  std::list<std::string> scans_;  // cached scans' keys, most recently asked for first
  std::map<std::string, std::weak_ptr<const SiteModel>> evicted_;
  std::map<std::string, std::shared_ptr<const RegionGrids>> grids_;  // by file: the regions' sampled surfaces
  std::shared_ptr<const WholeBody> body_;
};

}  // namespace mv
