#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

namespace mv {

// The four sites of Han 2009 first (their anatomy is their own, unchanged), then the regions cut
// from the whole body (body_shape.hpp).
enum class Site {
  Scalp,
  Abdomen,
  Thigh,
  Ankle,
  FaceNeck,
  Chest,
  UpperBack,
  LowerBack,
  Shoulder,
  UpperArm,
  Forearm,
  Groin,
  Buttock,
  Knee,
  LowerLeg,
  Foot
};
enum class TissueKind { Skin, SubcutaneousFat, Fascia, Muscle, Bone };

// One tissue layer of a site, outermost first. Thickness in mm from docs/sources.md §7;
// `assumption` marks values no source gave (shown as such in the UI and docs).
struct LayerSpec {
  std::string name;  // node name in anatomy files and exports, e.g. "subcutaneous-fat"
  TissueKind kind;
  double thickness_mm;  // 0 for a layer whose depth is set by the anatomy (muscle around a bone, bone core)
  std::string source;
  bool assumption = false;
};

// Where a lesion sits when the case gives no position: the region's centre (docs/case-format.md).
struct DefaultPosition {
  double azimuth_deg = 0.0, height_cm = 0.0, elevation_deg = 0.0;
};

struct SiteSpec {
  Site site;
  std::string key;       // as written in case files: "scalp", "abdomen", "upper-back", …
  std::string display;   // for people: "Scalp (parietal)"
  std::string landmark;  // what height 0 means on this anatomy
  std::vector<LayerSpec> layers;
  std::string region;        // "head and neck", "trunk", "upper limb", "lower limb" (as DFSP reviews group sites)
  DefaultPosition centre;    // the lesion's position when the case gives none
  glm::dvec3 body_origin{};  // this site's frame origin in the whole-body frame (mm): the whole-body view
};

const std::vector<SiteSpec>& all_sites();
// The site group the spread model distinguishes: head and neck (Gassenmaier 2021: mostly below
// the fascia; Serra-Guillén 2021: wider margins) against trunk and limbs.
bool head_and_neck(Site site);
const SiteSpec& site_spec(Site site);
// A region cut from the whole body (not one of the four sites of Han 2009, whose anatomy is its own).
bool from_whole_body(Site site);
std::optional<Site> site_from_key(std::string_view key);
std::string site_keys_joined();  // "scalp, abdomen, thigh, ankle" for error messages

// Per-case layer thickness overrides by layer name (mm); unnamed layers keep the defaults.
struct TissueThickness {
  std::vector<std::pair<std::string, double>> overrides_mm;
  double for_layer(const LayerSpec& layer) const;
  bool empty() const { return overrides_mm.empty(); }
};

// Depth (mm below the skin surface) of the base of the subcutis: the default tumour depth when a
// measurement gives no thickness, since 62.6% of DFSP are confined to the subcutis
// (Serra-Guillén 2016, docs/sources.md §5).
double default_tumour_depth_mm(Site site, const TissueThickness& thickness);

// Depth below the skin surface of the bottom of each layer with a fixed thickness, in order.
std::vector<std::pair<std::string, double>> layer_floor_depths_mm(Site site, const TissueThickness& thickness);

}  // namespace mv
