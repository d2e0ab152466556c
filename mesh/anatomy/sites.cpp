#include "anatomy/sites.hpp"

#include <stdexcept>

namespace mv {
namespace {

// Thicknesses: docs/sources.md §7 (means where a study gives one, mid-range values otherwise;
// the last field marks an assumption, shown as such in the GUI and the docs).
std::vector<SiteSpec> make_sites() {
  return {
      {Site::Scalp,
       "scalp",
       "Scalp",
       "height from the ear-canal plane; azimuth 0 = face, 90 = patient's left",
       {{"skin", TissueKind::Skin, 1.35, "1.2-1.5 mm (assumption: no study of hair-bearing scalp; Iyengar/Alam 2018 measured face and neck only)",
         true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 4.0, "a few mm (assumption; forehead 2, temporal 6 mm in Iyengar/Alam 2018, not scalp)",
         true},
        {"galea", TissueKind::Fascia, 1.0, "galea ~1 mm (assumption, docs/sources.md §7)", true},
        {"skull", TissueKind::Bone, 6.3, "Moreira-Gonzalez 2006: skull 6.3 (5.3-7.5) mm"}}},
      {Site::Abdomen,
       "abdomen",
       "Anterior abdominal wall",
       "height from the umbilicus; azimuth 0 = anterior midline, 90 = patient's left",
       {{"skin", TissueKind::Skin, 2.3, "Gibney 2010 (n=388): abdominal skin 2.2-2.35 mm"},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 13.9, "Gibney 2010: mean 13.9 mm (range 1-39)"},
        {"fascia", TissueKind::Fascia, 1.0, "anterior rectus sheath ~1 mm (assumption, docs/sources.md §7)", true},
        {"muscle", TissueKind::Muscle, 10.0, "rectus abdominis ~10 mm (assumption, docs/sources.md §7)", true}}},
      {Site::Thigh,
       "thigh",
       "Anterior thigh (right)",
       "height from mid-thigh; azimuth 0 = anterior, 90 = medial (patient's left)",
       {{"skin", TissueKind::Skin, 1.9, "Gibney 2010 (n=388): thigh skin 1.9 mm (CI 1.8-1.9)"},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 10.4, "Gibney 2010 (n=388): thigh fat mean 10.4 mm (CI 9.8-10.9)"},
        {"fascia", TissueKind::Fascia, 0.84, "fascia lata 0.56-1.11 mm (Otsuka 2021)"},
        {"muscle", TissueKind::Muscle, 0.0, "quadriceps, down to the femur (anatomy)"},
        {"femur", TissueKind::Bone, 0.0, "femur (anatomy)"}}},
      {Site::Ankle,
       "ankle",
       "Medial ankle (right)",
       "height from the level of the medial malleolus (its prominence spans about -1 to +2 cm); azimuth 90 = medial",
       {{"skin", TissueKind::Skin, 1.75, "1.5-2 mm (assumption, docs/sources.md §7)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 4.0, "3-5 mm (assumption, docs/sources.md §7)", true},
        {"fascia", TissueKind::Fascia, 0.5, "thin (qualitative only, docs/sources.md §7; 0.5 mm assumed)", true},
        {"bone", TissueKind::Bone, 0.0, "periosteum over the medial malleolus and tibia (anatomy)"}}},
  };
}

}  // namespace

const std::vector<SiteSpec>& all_sites() {
  static const std::vector<SiteSpec> sites = make_sites();
  return sites;
}

const SiteSpec& site_spec(Site site) {
  for (const auto& s : all_sites())
    if (s.site == site) return s;
  throw std::logic_error("unknown site");
}

std::optional<Site> site_from_key(std::string_view key) {
  for (const auto& s : all_sites())
    if (s.key == key) return s.site;
  return std::nullopt;
}

std::string site_keys_joined() {
  std::string out;
  for (const auto& s : all_sites()) out += (out.empty() ? "" : ", ") + s.key;
  return out;
}

double TissueThickness::for_layer(const LayerSpec& layer) const {
  for (const auto& [name, mm] : overrides_mm)
    if (name == layer.name) return mm;
  return layer.thickness_mm;
}

std::vector<std::pair<std::string, double>> layer_floor_depths_mm(Site site, const TissueThickness& thickness) {
  std::vector<std::pair<std::string, double>> floors;
  double depth = 0.0;
  for (const auto& layer : site_spec(site).layers) {
    const double t = thickness.for_layer(layer);
    if (t <= 0.0) break;
    depth += t;
    floors.emplace_back(layer.name, depth);
  }
  return floors;
}

double default_tumour_depth_mm(Site site, const TissueThickness& thickness) {
  for (const auto& [name, depth] : layer_floor_depths_mm(site, thickness))
    if (name == "subcutaneous-fat") return depth;
  throw std::logic_error("site without a subcutaneous layer");
}

bool head_and_neck(Site site) { return site == Site::Scalp; }

}  // namespace mv
