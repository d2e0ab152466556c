#include "anatomy/sites.hpp"

#include <stdexcept>

#include "anatomy/body_shape.hpp"

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
        {"skull", TissueKind::Bone, 6.3, "Moreira-Gonzalez 2006: skull 6.3 (5.3-7.5) mm"}},
       "head and neck",
       {90.0, 6.0, 40.0},
       {0.0, body::kEarCanalY, 0.0}},
      {Site::Abdomen,
       "abdomen",
       "Anterior abdominal wall",
       "height from the umbilicus; azimuth 0 = anterior midline, 90 = patient's left",
       {{"skin", TissueKind::Skin, 2.3, "Gibney 2010 (n=388): abdominal skin 2.2-2.35 mm"},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 13.9, "Gibney 2010: mean 13.9 mm (range 1-39)"},
        {"fascia", TissueKind::Fascia, 1.0, "anterior rectus sheath ~1 mm (assumption, docs/sources.md §7)", true},
        {"muscle", TissueKind::Muscle, 10.0, "rectus abdominis ~10 mm (assumption, docs/sources.md §7)", true}},
       "trunk",
       {-10.0, -6.0, 0.0},
       {0.0, 0.0, 0.0}},
      {Site::Thigh,
       "thigh",
       "Anterior thigh (right)",
       "height from mid-thigh; azimuth 0 = anterior, 90 = medial (patient's left)",
       {{"skin", TissueKind::Skin, 1.9, "Gibney 2010 (n=388): thigh skin 1.9 mm (CI 1.8-1.9)"},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 10.4, "Gibney 2010 (n=388): thigh fat mean 10.4 mm (CI 9.8-10.9)"},
        {"fascia", TissueKind::Fascia, 0.84, "fascia lata 0.56-1.11 mm (Otsuka 2021)"},
        {"muscle", TissueKind::Muscle, 0.0, "quadriceps, down to the femur (anatomy)"},
        {"femur", TissueKind::Bone, 0.0, "femur (anatomy)"}},
       "lower limb",
       {0.0, 0.0, 0.0},
       {-92.0, -302.0, -5.0}},
      {Site::Ankle,
       "ankle",
       "Medial ankle (right)",
       "height from the level of the medial malleolus (its prominence spans about -1 to +2 cm); azimuth 90 = medial",
       {{"skin", TissueKind::Skin, 1.75, "1.5-2 mm (assumption, docs/sources.md §7)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 4.0, "3-5 mm (assumption, docs/sources.md §7)", true},
        {"fascia", TissueKind::Fascia, 0.5, "thin (qualitative only, docs/sources.md §7; 0.5 mm assumed)", true},
        {"bone", TissueKind::Bone, 0.0, "periosteum over the medial malleolus and tibia (anatomy)"}},
       "lower limb",
       {90.0, 0.0, 0.0},
       body::kRightAnkle},
      // ---- Regions of the whole body (body_shape.hpp); docs/sources.md §7 ----
      {Site::FaceNeck,
       "face-neck",
       "Face and neck",
       "height from the ear-canal plane (as the scalp); azimuth 0 = face, 90 = patient's left",
       {{"skin", TissueKind::Skin, 1.5, "1.5 mm (assumption: within Lee & Hwang 2002's 0.52-1.98 mm of epidermis and dermis)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 4.0, "4 mm (assumption between Iyengar/Alam 2018's forehead 2 and temporal 6 mm)", true},
        {"fascia", TissueKind::Fascia, 1.0, "SMAS and platysma ~1 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 4.0, "facial muscles and the neck's strap muscles ~4 mm (assumption)", true}},
       "head and neck",
       {-45.0, -11.0, 0.0},
       {0.0, body::kEarCanalY, 0.0}},
      {Site::Chest,
       "chest",
       "Chest (presternal and pectoral)",
       "height from the nipple line; azimuth 0 = sternum, 90 = patient's left",
       {{"skin", TissueKind::Skin, 2.0, "2 mm (assumption: Gibney 2010 measured abdomen, thigh, arm and buttock only)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 10.0, "10 mm (assumption: no chest source found)", true},
        {"fascia", TissueKind::Fascia, 0.5, "pectoral fascia ~0.5 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 12.0, "pectoralis major ~12 mm (assumption)", true},
        {"ribs", TissueKind::Bone, 10.0, "ribs and intercostal muscles, the chest wall ~10 mm (assumption)", true}},
       "trunk",
       {0.0, 2.0, 0.0},
       {0.0, 230.0, 0.0}},
      {Site::UpperBack,
       "upper-back",
       "Upper back (scapular)",
       "height from the middle of the scapulae; azimuth 180 = spine, 90 = patient's left",
       {{"skin", TissueKind::Skin, 2.6, "2.6 mm (assumption: the back's dermis is the body's thickest, Lee & Hwang 2002)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 12.0, "12 mm (assumption: no back source found)", true},
        {"fascia", TissueKind::Fascia, 1.0, "thoracolumbar fascia ~1 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 15.0, "trapezius and rhomboids ~15 mm (assumption)", true},
        {"scapula", TissueKind::Bone, 6.0, "scapula and ribs under it, ~6 mm modelled (assumption)", true}},
       "trunk",
       {150.0, 0.0, 0.0},
       {0.0, 290.0, 0.0}},
      {Site::LowerBack,
       "lower-back",
       "Lower back (lumbar)",
       "height from the waist; azimuth 180 = spine, 90 = patient's left",
       {{"skin", TissueKind::Skin, 2.6, "2.6 mm (assumption: the back's dermis is the body's thickest, Lee & Hwang 2002)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 15.0, "15 mm (assumption: no back source found)", true},
        {"fascia", TissueKind::Fascia, 1.0, "thoracolumbar fascia ~1 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 30.0, "erector spinae ~30 mm (assumption)", true}},
       "trunk",
       {-155.0, 0.0, 0.0},
       {0.0, 40.0, 0.0}},
      {Site::Shoulder,
       "shoulder",
       "Shoulder (right, deltoid)",
       "height from the shoulder joint's centre; azimuth -90 = lateral, 0 = anterior",
       {{"skin", TissueKind::Skin, 2.2, "Gibney 2010 (n=388): arm skin 2.2 mm (nearest measured site)"},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 8.0, "8 mm (assumption: Gibney 2010's arm 10.8 mm, thinner over the deltoid)", true},
        {"fascia", TissueKind::Fascia, 0.5, "deltoid fascia ~0.5 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 20.0, "deltoid ~20 mm (assumption)", true}},
       "upper limb",
       {-90.0, 2.0, 0.0},
       body::kRightShoulder},
      {Site::UpperArm,
       "upper-arm",
       "Upper arm (right)",
       "height from mid-arm; azimuth 0 = anterior (biceps), -90 = lateral",
       {{"skin", TissueKind::Skin, 2.2, "Gibney 2010 (n=388): arm skin 2.2 mm"},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 10.8, "Gibney 2010 (n=388): arm fat 10.8 mm"},
        {"fascia", TissueKind::Fascia, 0.5, "brachial fascia ~0.5 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 0.0, "biceps and triceps, down to the humerus (anatomy)"},
        {"humerus", TissueKind::Bone, 0.0, "humerus, radius 11 mm about the arm's axis (assumption)", true}},
       "upper limb",
       {-60.0, 0.0, 0.0},
       {-202.0, 205.0, -17.0}},
      {Site::Forearm,
       "forearm",
       "Forearm (right)",
       "height from mid-forearm; azimuth 0 = volar (palm side, anatomical position), -90 = lateral",
       {{"skin", TissueKind::Skin, 1.6, "1.6 mm (assumption: distal skin thinner, Lee & Hwang 2002)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 6.0, "6 mm (assumption: no forearm source found)", true},
        {"fascia", TissueKind::Fascia, 0.5, "antebrachial fascia ~0.5 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 0.0, "forearm muscles, down to the bones (anatomy)"},
        {"radius-ulna", TissueKind::Bone, 0.0, "radius and ulna as one, 12 mm about the forearm's axis (assumption)", true}},
       "upper limb",
       {0.0, 0.0, 0.0},
       {-225.0, -65.0, -10.0}},
      {Site::Groin,
       "groin",
       "Groin (right inguinal)",
       "height from the level of the hip joints; azimuth 0 = anterior midline, 90 = patient's left",
       {{"skin", TissueKind::Skin, 1.8, "1.8 mm (assumption)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 14.0, "14 mm (assumption, near Gibney 2010's abdomen 13.9 mm)", true},
        {"fascia", TissueKind::Fascia, 0.8, "external oblique aponeurosis ~0.8 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 10.0, "abdominal wall muscles ~10 mm (assumption)", true}},
       "trunk",
       {-30.0, 0.0, 0.0},
       {0.0, -170.0, 0.0}},
      {Site::Buttock,
       "buttock",
       "Buttock (right)",
       "height from the middle of the buttocks; azimuth 180 = the natal cleft, 90 = patient's left",
       {{"skin", TissueKind::Skin, 2.4, "Gibney 2010 (n=388): buttock skin 2.4 mm"},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 15.4, "Gibney 2010 (n=388): buttock fat 15.4 mm"},
        {"fascia", TissueKind::Fascia, 1.0, "gluteal fascia ~1 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 30.0, "gluteus maximus ~30 mm (assumption)", true}},
       "trunk",
       {-150.0, 0.0, 0.0},
       {0.0, -190.0, 0.0}},
      {Site::Knee,
       "knee",
       "Knee (right)",
       "height from the knee joint; azimuth 0 = anterior (patella), 90 = medial",
       {{"skin", TissueKind::Skin, 1.8, "1.8 mm (assumption)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 6.0, "6 mm (assumption)", true},
        {"fascia", TissueKind::Fascia, 0.6, "crural fascia and retinacula ~0.6 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 0.0, "quadriceps tendon and muscles, down to the bone (anatomy)"},
        {"femur-tibia", TissueKind::Bone, 0.0, "femoral condyles and tibial plateau, 26 mm about the leg's axis (assumption)", true}},
       "lower limb",
       {30.0, 5.0, 0.0},
       body::kRightKnee},
      {Site::LowerLeg,
       "lower-leg",
       "Lower leg (right, shin and calf)",
       "height from mid-shin; azimuth 0 = anterior (shin), 90 = medial",
       {{"skin", TissueKind::Skin, 1.7, "1.7 mm (assumption: distal leg thinner than proximal, Lee & Hwang 2002)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 6.0, "6 mm (assumption: no lower-leg source found)", true},
        {"fascia", TissueKind::Fascia, 0.6, "crural fascia ~0.6 mm (assumption)", true},
        {"muscle", TissueKind::Muscle, 0.0, "leg muscles, down to the tibia (anatomy)"},
        {"tibia", TissueKind::Bone, 0.0, "tibia, 14 mm about the leg's axis (assumption)", true}},
       "lower limb",
       {20.0, 0.0, 0.0},
       {-93.0, -745.0, -15.0}},
      {Site::Foot,
       "foot",
       "Foot (right, dorsum)",
       "height from the ankle joint; azimuth 0 = toward the toes, 90 = medial",
       {{"skin", TissueKind::Skin, 1.5, "1.5 mm (assumption)", true},
        {"subcutaneous-fat", TissueKind::SubcutaneousFat, 3.0, "3 mm over the dorsum (assumption)", true},
        {"fascia", TissueKind::Fascia, 0.5, "dorsal fascia and extensor tendons ~0.5 mm (assumption)", true},
        {"bone", TissueKind::Bone, 0.0, "periosteum over the tarsals and metatarsals (anatomy)"}},
       "lower limb",
       {0.0, -6.0, 30.0},
       body::kRightAnkle},
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

bool head_and_neck(Site site) { return site_spec(site).region == "head and neck"; }

bool from_whole_body(Site site) { return static_cast<int>(site) > static_cast<int>(Site::Ankle); }

}  // namespace mv
