#include "case/case_io.hpp"

#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>

#include "case/case_json.hpp"
#include "case/mohs_io.hpp"
#include "case/plan_io.hpp"
#include "case/record_io.hpp"
#include "case/validation.hpp"

namespace mv {

CaseDate json_reader::read_date(Reader& r, const json& obj, const std::string& path) {
  CaseDate d;
  d.day = r.integer(obj, "day", path + ".day", false, "a whole number of days");
  d.iso = r.string(obj, "date", path + ".date", false, "an ISO date \"YYYY-MM-DD\"");
  if (d.day && d.iso) r.error(path, "has both \"day\" and \"date\" — give one");
  return d;
}

namespace {

using namespace json_reader;  // json is the ordered Json: keys stay in file order

// Keys that look like patient identifiers: case files must not carry them (docs/sources.md §8).
void warn_identifier_keys(const json& node, const std::string& path, std::vector<Issue>& issues) {
  static const std::set<std::string> suspicious = {"name", "patient",    "patient_name", "dob",     "birth_date", "date_of_birth",
                                                   "mrn",  "nhs_number", "ssn",          "address", "phone",      "email"};
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string p = path.empty() ? it.key() : path + "." + it.key();
      if (suspicious.count(it.key()))
        issues.push_back({Severity::Warning, p, "looks like a patient identifier — case files must not hold names, birth dates or record numbers"});
      warn_identifier_keys(it.value(), p, issues);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) warn_identifier_keys(node[i], path + "[" + std::to_string(i) + "]", issues);
  }
}

// Deepest bracket nesting outside strings.
size_t nesting_depth(std::string_view text) {
  size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char ch : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (ch == '\\')
        escaped = true;
      else if (ch == '"')
        in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((ch == ']' || ch == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool valid_utf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    std::uint32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c >> 6) != 0x2) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    static constexpr std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += len;
  }
  return true;
}

// Refuses what JSON cannot hold faithfully (NaN and infinities would be written as null) and
// text that is not UTF-8, naming the first such field; called before anything touches the disk.
void check_writable(const json& node, const std::string& path) {
  const auto where = [&] { return path.empty() ? std::string("the case") : path; };
  if (node.is_number_float() && !std::isfinite(node.get<double>()))
    throw std::invalid_argument(where() + ": " + std::to_string(node.get<double>()) + " — numbers must be finite to be saved");
  if (node.is_string() && !valid_utf8(node.get_ref<const std::string&>()))
    throw std::invalid_argument(where() + ": text that is not valid UTF-8 — cannot be saved");
  if (node.is_object())
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!valid_utf8(it.key())) throw std::invalid_argument(where() + ": a key that is not valid UTF-8 — cannot be saved");
      check_writable(it.value(), path.empty() ? it.key() : path + "." + it.key());
    }
  if (node.is_array())
    for (size_t i = 0; i < node.size(); ++i) check_writable(node[i], path + "[" + std::to_string(i) + "]");
}

std::optional<std::pair<int, int>> parse_version(const std::string& v) {
  int major = 0, minor = 0;
  char tail = 0;
  if (std::sscanf(v.c_str(), "%d.%d%c", &major, &minor, &tail) != 2 || major < 0 || minor < 0) return std::nullopt;
  return std::pair{major, minor};
}

}  // namespace

CaseLoad parse_case(std::string_view text) {
  CaseLoad out;
  auto& issues = out.issues;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    issues.push_back({Severity::Error, "", "the file is empty — expected a JSON case object"});
    return out;
  }
  // Deeply nested input would exhaust the stack in the recursive JSON code below: refuse it first.
  if (const auto depth = nesting_depth(text); depth > kMaxJsonNesting) {
    issues.push_back(
        {Severity::Error, "",
         "nested " + std::to_string(depth) + " levels deep — more than the " + std::to_string(kMaxJsonNesting) + " levels a case file may use"});
    return out;
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    std::string why = e.what();  // it quotes the input: keep the terminal safe from its raw bytes
    for (char& ch : why)
      if (static_cast<unsigned char>(ch) >= 0x80 || static_cast<unsigned char>(ch) < 0x20) ch = '?';
    issues.push_back({Severity::Error, "", "not valid JSON (" + why + ")"});
    return out;
  }
  if (!doc.is_object()) {
    issues.push_back({Severity::Error, "", shown(doc) + " — expected a JSON object at the top level"});
    return out;
  }
  Reader r(issues);
  Case c;
  if (auto v = r.string(doc, "schema_version", "schema_version", true, "a version string such as \"1.0\"")) {
    const auto parsed = parse_version(*v);
    if (!parsed) {
      r.error("schema_version", "\"" + *v + "\" — must look like \"1.0\"");
    } else if (parsed->first > kSchemaMajor) {
      r.error("schema_version", "\"" + *v + "\" — this file is from a newer marginviz (schema " + std::to_string(parsed->first) +
                                    ".x); this version reads schema " + std::to_string(kSchemaMajor) + ".x. Update marginviz to open it.");
      return out;
    } else if (parsed->first < 1) {
      r.error("schema_version", "\"" + *v + "\" — no such schema version; the first is 1.0");
    }
    c.schema_version = *v;
  }
  if (auto v = r.string(doc, "case_id", "case_id", true, "a case id string (no patient identifiers)")) c.case_id = *v;
  if (auto v = r.string(doc, "site", "site", true, ("one of: " + site_keys_joined()).c_str())) {
    if (auto s = site_from_key(*v)) c.site = *s;
    else
      r.error("site", "\"" + *v + "\" — unknown site; expected one of: " + site_keys_joined());
  }
  if (auto v = r.string(doc, "presentation", "presentation", false, "\"primary\" or \"recurrent\"")) {
    if (*v == "primary") c.presentation = Presentation::Primary;
    else if (*v == "recurrent")
      c.presentation = Presentation::Recurrent;
    else
      r.error("presentation", "\"" + *v + "\" — must be \"primary\" or \"recurrent\"");
  }
  // Without a position the lesion sits at the site's centre (docs/case-format.md, "site").
  const DefaultPosition& centre = site_spec(c.site).centre;
  c.lesion.azimuth_deg = centre.azimuth_deg, c.lesion.height_cm = centre.height_cm, c.lesion.elevation_deg = centre.elevation_deg;
  if (const json* lesion = r.object(doc, "lesion", "lesion", false, "an object with position and twelve_oclock_deg")) {
    auto& L = c.lesion;
    if (const json* pos = r.object(*lesion, "position", "lesion.position", false, "an object {azimuth_deg, height_cm}")) {
      L.elevation_deg = 0.0;
      if (auto v = r.number(*pos, "azimuth_deg", "lesion.position.azimuth_deg", true, "a number in degrees")) L.azimuth_deg = *v;
      if (auto v = r.number(*pos, "height_cm", "lesion.position.height_cm", true, "a number in cm")) L.height_cm = *v;
      if (auto v = r.number(*pos, "elevation_deg", "lesion.position.elevation_deg", false, "a number in degrees")) L.elevation_deg = *v;
      L.position_extra = without(*pos, {"azimuth_deg", "height_cm", "elevation_deg"});
    }
    if (auto v = r.number(*lesion, "twelve_oclock_deg", "lesion.twelve_oclock_deg", false, "a number in degrees")) L.twelve_oclock_deg = *v;
    L.extra = without(*lesion, {"position", "twelve_oclock_deg"});
  }
  if (const json* ms = r.field(doc, "measurements", "measurements", true, "an array of measurements")) {
    if (!ms->is_array()) {
      r.error("measurements", shown(*ms) + " — must be an array of measurements");
    } else if (r.within_cap(*ms, limits::kMaxMeasurements, "measurements", "measurements")) {
      for (size_t i = 0; i < ms->size(); ++i) {
        const std::string p = "measurements[" + std::to_string(i) + "]";
        const json& mj = (*ms)[i];
        if (!mj.is_object()) {
          r.error(p, shown(mj) + " — must be an object {label, day|date, x_cm, y_cm}");
          continue;
        }
        Measurement m;
        if (auto v = r.string(mj, "label", p + ".label", true, "a label such as \"consultation\"")) m.label = *v;
        m.date = read_date(r, mj, p);
        if (auto v = r.number(mj, "x_cm", p + ".x_cm", true, "a number in cm")) m.x_cm = *v;
        if (auto v = r.number(mj, "y_cm", p + ".y_cm", true, "a number in cm")) m.y_cm = *v;
        m.thickness_mm = r.number(mj, "thickness_mm", p + ".thickness_mm", false, "a number in mm");
        m.exophytic_mm = r.number(mj, "exophytic_mm", p + ".exophytic_mm", false, "a number in mm");
        m.extra = without(mj, {"label", "day", "date", "x_cm", "y_cm", "thickness_mm", "exophytic_mm"});
        c.measurements.push_back(std::move(m));
      }
    }
  }
  if (const json* im = r.object(doc, "imatinib", "imatinib", false, "an object {dose_mg_per_day, start, stop}")) {
    ImatinibCourse course;
    if (auto v = r.number(*im, "dose_mg_per_day", "imatinib.dose_mg_per_day", true, "a number in mg/day")) course.dose_mg_per_day = *v;
    for (auto [key, target] : {std::pair{"start", &course.start}, std::pair{"stop", &course.stop}}) {
      const std::string p = std::string("imatinib.") + key;
      if (const json* d = r.object(*im, key, p, true, "an object {day} or {date}")) {
        *target = read_date(r, *d, p);
        target->extra = without(*d, {"day", "date"});
      }
    }
    course.extra = without(*im, {"dose_mg_per_day", "start", "stop"});
    c.imatinib = course;
  }
  if (const json* t = r.object(doc, "tissue_mm", "tissue_mm", false, "an object of layer thicknesses in mm")) {
    for (auto it = t->begin(); it != t->end(); ++it)
      if (auto v = r.number(*t, it.key(), "tissue_mm." + it.key(), true, "a thickness in mm")) c.tissue.overrides_mm.emplace_back(it.key(), *v);
  }
  if (const json* h = r.object(doc, "habitus", "habitus", false, "an object {sex, bmi}")) {
    Habitus hab;
    if (auto v = r.string(*h, "sex", "habitus.sex", false, "\"female\" or \"male\"")) {
      if (*v == "female") hab.sex = Sex::Female;
      else if (*v == "male")
        hab.sex = Sex::Male;
      else
        r.error("habitus.sex", "\"" + *v + "\" — must be \"female\" or \"male\"");
    }
    if (auto v = r.number(*h, "bmi", "habitus.bmi", false, "a body-mass index in kg/m²")) hab.bmi = *v;
    hab.extra = without(*h, {"sex", "bmi"});
    c.habitus = hab;
  }
  if (const json* il = r.object(doc, "illustrative", "illustrative", false, "an object {note, constructed}")) {
    Illustrative ill;
    if (auto v = r.string(*il, "note", "illustrative.note", true, "a sentence saying what was constructed")) ill.note = *v;
    if (auto it = il->find("constructed"); it != il->end()) {
      if (!it->is_array()) r.error("illustrative.constructed", shown(*it) + " — must be an array of JSON paths");
      else
        for (size_t i = 0; i < it->size(); ++i) {
          const auto& s = (*it)[i];
          if (s.is_string()) ill.constructed.push_back(s.get<std::string>());
          else
            r.error("illustrative.constructed[" + std::to_string(i) + "]", shown(s) + " — must be a JSON path string");
        }
    }
    ill.extra = without(*il, {"note", "constructed"});
    c.illustrative = ill;
  }
  if (const json* m = r.object(doc, "mohs", "mohs", false, "an object {stages}")) c.mohs = read_mohs(r, *m, c.site);
  if (const json* a = r.object(doc, "anatomy", "anatomy", false, "an object {mesh, unit}")) {
    UserAnatomy ua;
    if (auto v = r.string(*a, "mesh", "anatomy.mesh", true, "a mesh file path (.obj, .stl, .ply, .gltf, .glb)")) ua.mesh = *v;
    if (auto v = r.string(*a, "unit", "anatomy.unit", true, "\"mm\", \"cm\" or \"m\" — the scan's unit")) {
      if (*v == "mm" || *v == "cm" || *v == "m") ua.unit = *v;
      else
        r.error("anatomy.unit", "\"" + *v + "\" — must be \"mm\", \"cm\" or \"m\"");
    }
    ua.extra = without(*a, {"mesh", "unit"});
    c.anatomy = ua;
  }
  if (const json* pl = r.object(doc, "plan", "plan", false, "an object {margin_cm, depth, outline}")) c.plan = read_plan(r, *pl, c.site);
  read_record(r, doc, c);
  c.extra = without(doc, {"schema_version", "case_id", "site", "presentation", "lesion", "measurements", "imatinib", "tissue_mm", "habitus",
                          "illustrative", "mohs", "anatomy", "plan", "histology", "translocation", "surgery"});
  warn_identifier_keys(doc, "", issues);

  if (has_errors(issues)) return out;
  auto more = validate_case(c);
  issues.insert(issues.end(), more.begin(), more.end());
  if (has_errors(issues)) out.draft = std::move(c);
  else
    out.value = std::move(c);
  return out;
}

CaseLoad load_case_file(const std::filesystem::path& path) {
  try {
    CaseLoad out = parse_case(read_file_capped(path, kMaxCaseFileBytes));
    if (out.value) out.value->source_dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    return out;
  } catch (const std::runtime_error& e) {
    CaseLoad out;
    out.issues.push_back({Severity::Error, "", e.what()});
    return out;
  }
}

namespace {

// A file of a newer minor version keeps its version (its extra keys are kept too); older ones are
// written as this build's version.
std::string version_to_write(const std::string& read) {
  const auto v = parse_version(read);
  if (v && v->first == kSchemaMajor && v->second > kSchemaMinor) return read;
  return std::to_string(kSchemaMajor) + "." + std::to_string(kSchemaMinor);
}

}  // namespace

std::string serialize_case(const Case& c) {
  json doc = json::object();
  doc["schema_version"] = version_to_write(c.schema_version);
  doc["case_id"] = c.case_id;
  if (c.illustrative)
    doc["illustrative"] = with_extra({{"note", c.illustrative->note}, {"constructed", c.illustrative->constructed}}, c.illustrative->extra);
  doc["site"] = site_spec(c.site).key;
  doc["presentation"] = presentation_key(c.presentation);
  if (c.habitus) {
    json h = json::object();
    if (c.habitus->sex) h["sex"] = *c.habitus->sex == Sex::Female ? "female" : "male";
    if (c.habitus->bmi) h["bmi"] = number(*c.habitus->bmi);
    doc["habitus"] = with_extra(h, c.habitus->extra);
  }
  json position = {{"azimuth_deg", number(c.lesion.azimuth_deg)}, {"height_cm", number(c.lesion.height_cm)}};
  if (c.lesion.elevation_deg != 0.0) position["elevation_deg"] = number(c.lesion.elevation_deg);
  doc["lesion"] = with_extra({{"position", with_extra(position, c.lesion.position_extra)}, {"twelve_oclock_deg", number(c.lesion.twelve_oclock_deg)}},
                             c.lesion.extra);
  json ms = json::array();
  for (const auto& m : c.measurements) {
    json mj = with_extra({{"label", m.label}}, date_json(m.date));
    mj["x_cm"] = number(m.x_cm);
    mj["y_cm"] = number(m.y_cm);
    if (m.thickness_mm) mj["thickness_mm"] = number(*m.thickness_mm);
    if (m.exophytic_mm) mj["exophytic_mm"] = number(*m.exophytic_mm);
    ms.push_back(with_extra(mj, m.extra));
  }
  doc["measurements"] = ms;
  if (c.imatinib) {
    const auto& im = *c.imatinib;
    doc["imatinib"] = with_extra({{"dose_mg_per_day", number(im.dose_mg_per_day)},
                                  {"start", with_extra(date_json(im.start), im.start.extra)},
                                  {"stop", with_extra(date_json(im.stop), im.stop.extra)}},
                                 im.extra);
  }
  if (!c.tissue.empty()) {
    json t = json::object();
    for (const auto& [name, mm] : c.tissue.overrides_mm) t[name] = number(mm);
    doc["tissue_mm"] = t;
  }
  write_record(c, doc);
  if (c.mohs) doc["mohs"] = write_mohs(*c.mohs);
  if (c.anatomy) doc["anatomy"] = with_extra({{"mesh", c.anatomy->mesh}, {"unit", c.anatomy->unit}}, c.anatomy->extra);
  if (c.plan) doc["plan"] = write_plan(*c.plan);
  doc = with_extra(doc, c.extra);
  check_writable(doc, "");
  return doc.dump(2) + "\n";
}

void save_case_file(const Case& c, const std::filesystem::path& path, const ReplaceOptions& options) {
  const auto issues = validate_case(c);
  if (has_errors(issues)) throw std::runtime_error("not saved: the case has errors\n" + format_issues(issues));
  std::string text;
  try {
    text = serialize_case(c);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("not saved: ") + e.what() + "; " + path.string() + " is unchanged");
  }
  replace_file_durably(path, text, options);
}

}  // namespace mv
