#include "anatomy/site_model.hpp"

#include <algorithm>
#include <sstream>

#include "anatomy/regions.hpp"
#include "io/mesh_io.hpp"

namespace mv {

std::string anatomy_file_name(Site site) { return from_whole_body(site) ? region_grid_file_name(site) : site_spec(site).key + ".glb"; }

Anatomy load_anatomy_file(Site site, const std::filesystem::path& file, const TissueThickness& thickness) {
  if (from_whole_body(site)) return region_anatomy(site, load_region_grids(file), thickness);
  MeshImportLimits bundled;
  bundled.isolate = false;  // shipped with marginviz, not a user's file
  auto meshes = import_meshes(file, units::LengthUnit::Metre, bundled);
  Anatomy a{site, {}};
  for (const auto& spec : site_spec(site).layers) {
    auto it = std::find_if(meshes.begin(), meshes.end(), [&](const NamedMesh& m) { return m.name == spec.name; });
    if (it == meshes.end()) throw MeshIoError(file.string() + ": has no layer named \"" + spec.name + "\" — regenerate with marginviz-anatomy");
    a.layers.push_back({spec.name, spec.kind, std::move(it->mesh)});
  }
  return a;
}

std::shared_ptr<const SiteModel> AnatomyLibrary::get_scan(Site site, const std::filesystem::path& mesh, const std::string& unit,
                                                          const TissueThickness& thickness, const std::function<void(float)>& progress) {
  std::ostringstream key;
  key.precision(17);
  key << "scan|" << mesh.string() << '|' << unit << '|' << site_spec(site).key;
  for (const auto& [name, mm] : thickness.overrides_mm) key << '|' << name << '=' << mm;
  if (auto hit = cached(key.str())) return hit;
  const auto u = unit == "m" ? units::LengthUnit::Metre : unit == "cm" ? units::LengthUnit::Centimetre : units::LengthUnit::Millimetre;
  TriangleMesh skin;
  for (auto& part : import_meshes(mesh, u, {}, progress)) skin.append(part.mesh);  // one skin, however the file splits it
  auto model = std::make_shared<const SiteModel>(anatomy_from_scan(site, std::move(skin), thickness));
  keep(key.str(), model, true);
  return model;
}

AnatomyLibrary::AnatomyLibrary(std::filesystem::path anatomy_dir) : dir_(std::move(anatomy_dir)) {}

std::shared_ptr<const SiteModel> AnatomyLibrary::cached(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    // An evicted scan that a session still shows is taken back rather than read again (undo).
    const auto gone = evicted_.find(key);
    auto alive = gone == evicted_.end() ? nullptr : gone->second.lock();
    if (!alive) return nullptr;
    evicted_.erase(gone);
    it = cache_.emplace(key, alive).first;
    scans_.push_front(key);
    trim_scans();
    return alive;
  }
  if (const auto s = std::find(scans_.begin(), scans_.end(), key); s != scans_.end()) scans_.splice(scans_.begin(), scans_, s);
  return it->second;
}

void AnatomyLibrary::keep(const std::string& key, std::shared_ptr<const SiteModel> model, bool scan) {
  std::lock_guard lock(mutex_);
  cache_[key] = std::move(model);  // two threads that built the same model: either copy serves
  if (!scan) return;
  scans_.remove(key);
  scans_.push_front(key);
  trim_scans();
}

void AnatomyLibrary::trim_scans() {
  while (scans_.size() > kScansKept) {
    auto it = cache_.find(scans_.back());
    evicted_[it->first] = it->second;  // a session still showing it holds its own reference
    cache_.erase(it);
    scans_.pop_back();
  }
}

size_t AnatomyLibrary::cached_scans() const {
  std::lock_guard lock(mutex_);
  return scans_.size();
}

std::shared_ptr<const SiteModel> AnatomyLibrary::get(Site site, const TissueThickness& thickness) {
  std::ostringstream key;
  key.precision(17);
  key << site_spec(site).key;
  for (const auto& [name, mm] : thickness.overrides_mm) key << '|' << name << '=' << mm;
  if (auto hit = cached(key.str())) return hit;
  const auto file = dir_ / anatomy_file_name(site);
  std::shared_ptr<const SiteModel> model;
  if (from_whole_body(site) && std::filesystem::exists(file)) {
    // A region is layered from its sampled grids at any thickness (read once per file).
    std::shared_ptr<const RegionGrids> grids;
    {
      std::lock_guard lock(mutex_);
      grids = grids_[file.string()];
    }
    if (!grids) {
      grids = std::make_shared<const RegionGrids>(load_region_grids(file));
      std::lock_guard lock(mutex_);
      grids_[file.string()] = grids;
    }
    model = std::make_shared<const SiteModel>(region_anatomy(site, *grids, thickness));
  } else {
    model = thickness.empty() && std::filesystem::exists(file) ? std::make_shared<const SiteModel>(load_anatomy_file(site, file))
                                                               : std::make_shared<const SiteModel>(build_anatomy(site, thickness));
  }
  keep(key.str(), model, false);
  return model;
}

}  // namespace mv

namespace mv {

namespace {
TriangleMesh merged_of(const std::vector<TriangleMesh>& parts) {
  TriangleMesh all;
  for (const auto& p : parts) all.append(p);
  return all;
}
}  // namespace

WholeBody::WholeBody(std::vector<TriangleMesh> solids) : parts(std::move(solids)), merged(merged_of(parts)), skin(merged) {}

std::shared_ptr<const WholeBody> AnatomyLibrary::body() {
  {
    std::lock_guard lock(mutex_);
    if (body_) return body_;
  }
  const auto file = dir_ / "body.grid";
  auto solids = std::make_shared<const WholeBody>(body_solids(std::filesystem::exists(file) ? load_body_grids(file) : sample_body()));
  std::lock_guard lock(mutex_);
  if (!body_) body_ = std::move(solids);
  return body_;
}

}  // namespace mv
