#include "case/mohs_io.hpp"
#include "case/validation.hpp"

namespace mv {
namespace {

using namespace json_reader;

std::optional<MarginResult> read_result(Reader& r, const json& obj, const char* key, const std::string& path) {
  // Absent means clear, as in files written before "pending" existed (schema 1.0).
  auto v = r.string(obj, key, path, false, "\"clear\", \"positive\", \"close\", \"indeterminate\", \"pending\" or \"not examined\"");
  if (!v) return MarginResult::Clear;
  if (auto res = result_from_key(*v)) return res;
  r.error(path,
          "\"" + *v +
              "\" — must be \"clear\", \"positive\", \"close\", \"indeterminate\", \"pending\" (not read yet) or \"not examined\" (this step did "
              "not look at that margin)");
  return std::nullopt;
}

std::optional<MohsBlock> read_block(Reader& r, const json& bj, const std::string& p) {
  if (!bj.is_object()) {
    r.error(p, shown(bj) + " — must be an object {label, from, to, peripheral, deep}");
    return std::nullopt;
  }
  MohsBlock b;
  if (auto v = r.string(bj, "label", p + ".label", true, "a block label such as \"A\"")) b.label = *v;
  if (auto v = r.number(bj, "from", p + ".from", true, "a clock position 0-12")) b.span.from = *v;
  if (auto v = r.number(bj, "to", p + ".to", true, "a clock position 0-12")) b.span.to = *v;
  auto peripheral = read_result(r, bj, "peripheral", p + ".peripheral");
  auto deep = read_result(r, bj, "deep", p + ".deep");
  if (peripheral) b.peripheral = *peripheral;
  if (deep) b.deep = *deep;
  b.ink = r.string(bj, "ink", p + ".ink", false, "an ink colour name");
  if (auto v = r.string(bj, "layer", p + ".layer", false, "\"full\", \"peripheral\" or \"deep\"")) {
    if (auto l = layer_from_key(*v)) b.layer = l;
    else
      r.error(
          p + ".layer",
          "\"" + *v + "\" — must be \"full\" (widened and to the stage's depth), \"peripheral\" (a wedge) or \"deep\" (under the previous defect)");
  }
  b.extra = without(bj, {"label", "from", "to", "peripheral", "deep", "ink", "layer"});
  return b;
}

std::optional<MohsStage> read_stage(Reader& r, const json& sj, const std::string& p, Site site, bool first) {
  if (!sj.is_object()) {
    r.error(p, shown(sj) + " — must be an object {margin_cm, depth, blocks}");
    return std::nullopt;
  }
  MohsStage s;
  s.full_circle = first;
  if (auto v = r.string(sj, "procedure", p + ".procedure", false, "\"mohs\" or \"excision\"")) {
    if (*v == "mohs" || *v == "excision") s.procedure = *v == "excision" ? Procedure::Excision : Procedure::Mohs;
    else
      r.error(p + ".procedure",
              "\"" + *v + "\" — must be \"mohs\" (a Mohs stage) or \"excision\" (by another team, its margins from its pathology report)");
  }
  if (auto v = r.string(sj, "by", p + ".by", false, "who took it, e.g. \"surgical oncology\"")) s.performed_by = *v;
  if (auto v = r.string(sj, "processing", p + ".processing", false, "\"frozen\" or \"paraffin\"")) {
    if (auto pr = processing_from_key(*v)) s.processing = pr;
    else
      r.error(p + ".processing", "\"" + *v + "\" — must be \"frozen\" (frozen sections) or \"paraffin\" (paraffin sections, \"slow Mohs\")");
  }
  s.stain = r.string(sj, "stain", p + ".stain", false, "a stain, e.g. \"H&E\" or \"CD34\"");
  if (auto v = r.string(sj, "extent", p + ".extent", false, "\"full\" or \"partial\"")) {
    if (*v == "full" || *v == "partial") s.full_circle = *v == "full";
    else
      r.error(p + ".extent", "\"" + *v + "\" — must be \"full\" (blocks cover 0-12) or \"partial\"");
  }
  if (auto it = sj.find("deep_only"); it != sj.end() && !it->is_null()) {
    if (it->is_boolean()) s.deep_only = it->get<bool>();
    else
      r.error(p + ".deep_only", shown(*it) + " — must be true or false");
  }
  if (auto it = sj.find("surgeons_choice"); it != sj.end() && !it->is_null()) {
    if (it->is_boolean()) s.surgeons_choice = it->get<bool>();
    else
      r.error(p + ".surgeons_choice", shown(*it) + " — must be true or false");
  }
  if (auto v = r.number(sj, "margin_cm", p + ".margin_cm", !s.deep_only, "a margin width in cm")) s.margin_cm = *v;
  auto present = [&](const char* key) { return sj.contains(key) && !sj[key].is_null(); };  // null means absent
  const bool has_plane = present("depth"), has_mm = present("depth_mm");
  if (has_plane == has_mm) {
    r.error(p, std::string(has_plane ? "has both \"depth\" and \"depth_mm\"" : "has no depth") + " — give \"depth\": a tissue plane (" +
                   plane_names(site) + ") or \"depth_mm\"");
  }
  if (auto v = r.string(sj, "depth", p + ".depth", false, "a tissue plane name")) {
    if (auto plane = plane_from_key(*v, site)) s.plane = plane;
    else
      r.error(p + ".depth", "\"" + *v + "\" — not a tissue plane of the " + site_spec(site).key + "; expected one of: " + plane_names(site));
  }
  s.depth_mm = r.number(sj, "depth_mm", p + ".depth_mm", false, "a depth in mm");
  if (const json* d = r.object(sj, "date", p + ".date", false, "an object {day} or {date}")) {
    s.date = read_date(r, *d, p + ".date");
    s.date->extra = without(*d, {"day", "date"});
  }
  if (const json* blocks = r.field(sj, "blocks", p + ".blocks", true, "an array of blocks")) {
    if (!blocks->is_array()) r.error(p + ".blocks", shown(*blocks) + " — must be an array of blocks");
    else if (r.within_cap(*blocks, limits::kMaxBlocksPerStage, p + ".blocks", "blocks"))
      for (size_t i = 0; i < blocks->size(); ++i)
        if (auto b = read_block(r, (*blocks)[i], p + ".blocks[" + std::to_string(i) + "]")) s.blocks.push_back(std::move(*b));
  }
  if (auto it = sj.find("outline_cm"); it != sj.end() && !it->is_null()) {
    bool ok = it->is_array() && it->size() >= 3;
    if (ok && r.within_cap(*it, limits::kMaxOutlinePoints, p + ".outline_cm", "points"))
      for (const auto& pt : *it) {
        ok = ok && pt.is_array() && pt.size() == 2 && pt[0].is_number() && pt[1].is_number();
        if (ok) s.outline_cm.push_back({pt[0].get<double>(), pt[1].get<double>()});
      }
    if (!ok) r.error(p + ".outline_cm", shown(*it) + " — must be an array of at least 3 points [x_cm, y_cm]");
  }
  s.extra = without(sj, {"procedure", "by", "processing", "stain", "margin_cm", "deep_only", "extent", "depth", "depth_mm", "date", "surgeons_choice",
                         "blocks", "outline_cm"});
  return s;
}

}  // namespace

std::optional<MohsRecord> read_mohs(Reader& r, const Json& section, Site site) {
  MohsRecord m;
  if (auto v = r.string(section, "note", "mohs.note", false, "a note")) m.note = *v;
  if (const json* stages = r.field(section, "stages", "mohs.stages", true, "an array of stages")) {
    if (!stages->is_array()) r.error("mohs.stages", shown(*stages) + " — must be an array of stages");
    else if (r.within_cap(*stages, limits::kMaxMohsStages, "mohs.stages", "stages"))
      for (size_t i = 0; i < stages->size(); ++i)
        if (auto s = read_stage(r, (*stages)[i], "mohs.stages[" + std::to_string(i) + "]", site, i == 0)) m.stages.push_back(std::move(*s));
  }
  m.extra = without(section, {"note", "stages"});
  return m;
}

Json write_mohs(const MohsRecord& m) {
  json stages = json::array();
  for (size_t i = 0; i < m.stages.size(); ++i) {
    const auto& s = m.stages[i];
    json sj = json::object();
    if (s.procedure != Procedure::Mohs) sj["procedure"] = procedure_key(s.procedure);
    if (!s.performed_by.empty()) sj["by"] = s.performed_by;
    if (s.processing) sj["processing"] = processing_key(*s.processing);
    if (s.stain) sj["stain"] = *s.stain;
    if (s.deep_only) sj["deep_only"] = true;
    else
      sj["margin_cm"] = number(s.margin_cm);
    if (s.full_circle != (i == 0)) sj["extent"] = s.full_circle ? "full" : "partial";
    if (s.plane) sj["depth"] = plane_key(*s.plane);
    if (s.depth_mm) sj["depth_mm"] = number(*s.depth_mm);
    if (s.date) sj["date"] = with_extra(date_json(*s.date), s.date->extra);
    if (s.surgeons_choice) sj["surgeons_choice"] = true;
    json blocks = json::array();
    for (const auto& b : s.blocks) {
      json bj = {{"label", b.label},
                 {"from", number(b.span.from)},
                 {"to", number(b.span.to)},
                 {"peripheral", result_key(b.peripheral)},
                 {"deep", result_key(b.deep)}};
      if (b.ink) bj["ink"] = *b.ink;
      if (b.layer) bj["layer"] = layer_key(*b.layer);
      blocks.push_back(with_extra(bj, b.extra));
    }
    sj["blocks"] = blocks;
    if (!s.outline_cm.empty()) {
      json outline = json::array();
      for (const auto& p : s.outline_cm) outline.push_back({number(p.x), number(p.y)});
      sj["outline_cm"] = outline;
    }
    stages.push_back(with_extra(sj, s.extra));
  }
  json out = json::object();
  if (!m.note.empty()) out["note"] = m.note;
  out["stages"] = stages;
  return with_extra(out, m.extra);
}

}  // namespace mv
