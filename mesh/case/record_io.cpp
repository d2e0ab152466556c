#include "case/record_io.hpp"

#include "case/validation.hpp"

namespace mv {
namespace {

using namespace json_reader;

std::optional<CaseDate> optional_date(Reader& r, const json& obj, const std::string& path) {
  const json* d = r.object(obj, "date", path, false, "an object {day} or {date}");
  if (!d) return std::nullopt;
  CaseDate date = read_date(r, *d, path);
  date.extra = without(*d, {"day", "date"});
  return date;
}

json with_date(json j, const std::optional<CaseDate>& d) {
  if (d) j["date"] = with_extra(date_json(*d), d->extra);
  return j;
}

std::optional<SurgeryStep> read_step(Reader& r, const json& sj, const std::string& p) {
  if (!sj.is_object()) {
    r.error(p, shown(sj) + " — must be an object {kind, stage} or {kind: \"debulking\", date, by, note}");
    return std::nullopt;
  }
  SurgeryStep s;
  if (auto v = r.string(sj, "kind", p + ".kind", true, "\"stage\" or \"debulking\"")) {
    if (*v == "stage" || *v == "debulking") s.kind = *v == "debulking" ? SurgeryStep::Kind::Debulking : SurgeryStep::Kind::Stage;
    else
      r.error(p + ".kind", "\"" + *v + "\" — must be \"stage\" (an entry of mohs.stages: a Mohs stage or an excision) or \"debulking\"");
  }
  if (auto v = r.integer(sj, "stage", p + ".stage", s.kind == SurgeryStep::Kind::Stage, "a stage number, 1 for mohs.stages[0]")) s.stage = *v;
  s.date = optional_date(r, sj, p + ".date");
  if (auto v = r.string(sj, "by", p + ".by", false, "who did it, e.g. \"surgical oncology\"")) s.by = *v;
  if (auto v = r.string(sj, "note", p + ".note", false, "a note")) s.note = *v;
  s.extra = without(sj, {"kind", "stage", "date", "by", "note"});
  return s;
}

}  // namespace

void read_record(Reader& r, const Json& doc, Case& c) {
  if (auto v = r.string(doc, "histology", "histology", false, "\"classic\", \"fibrosarcomatous\" or \"unknown\"")) {
    if (auto h = histology_from_key(*v)) c.histology = h;
    else
      r.error("histology", "\"" + *v + "\" — must be \"classic\", \"fibrosarcomatous\" (FS-DFSP) or \"unknown\"");
  }
  if (const json* t = r.object(doc, "translocation", "translocation", false, "an object {status, method}")) {
    Translocation tr;
    if (auto v = r.string(*t, "status", "translocation.status", true, "\"positive\", \"negative\" or \"not tested\"")) {
      if (auto s = translocation_from_key(*v)) tr.status = *s;
      else
        r.error("translocation.status", "\"" + *v + "\" — must be \"positive\", \"negative\" or \"not tested\" (COL1A1–PDGFB, t(17;22))");
    }
    if (auto v = r.string(*t, "method", "translocation.method", false, "the test, e.g. \"FISH\"")) tr.method = *v;
    tr.extra = without(*t, {"status", "method"});
    c.translocation = tr;
  }
  if (const json* s = r.object(doc, "surgery", "surgery", false, "an object {steps, closure}")) {
    SurgeryRecord rec;
    if (auto it = s->find("steps"); it != s->end() && !it->is_null()) {
      if (!it->is_array()) r.error("surgery.steps", shown(*it) + " — must be an array of steps");
      else if (r.within_cap(*it, limits::kMaxSurgerySteps, "surgery.steps", "steps"))
        for (size_t i = 0; i < it->size(); ++i)
          if (auto st = read_step(r, (*it)[i], "surgery.steps[" + std::to_string(i) + "]")) rec.steps.push_back(std::move(*st));
    }
    if (const json* cl = r.object(*s, "closure", "surgery.closure", false, "an object {method, date, note}")) {
      Closure closure;
      if (auto v = r.string(*cl, "method", "surgery.closure.method", true, "a closure method")) {
        if (auto m = closure_from_key(*v)) closure.method = *m;
        else
          r.error("surgery.closure.method", "\"" + *v + "\" — must be \"primary\", \"flap\", \"graft\", \"delayed\" or \"secondary intention\"");
      }
      closure.date = optional_date(r, *cl, "surgery.closure.date");
      if (auto v = r.string(*cl, "note", "surgery.closure.note", false, "a note")) closure.note = *v;
      closure.extra = without(*cl, {"method", "date", "note"});
      rec.closure = closure;
    }
    rec.extra = without(*s, {"steps", "closure"});
    c.surgery = rec;
  }
}

void write_record(const Case& c, Json& doc) {
  if (c.histology) doc["histology"] = histology_key(*c.histology);
  if (c.translocation) {
    json t = {{"status", translocation_key(c.translocation->status)}};
    if (!c.translocation->method.empty()) t["method"] = c.translocation->method;
    doc["translocation"] = with_extra(t, c.translocation->extra);
  }
  if (!c.surgery) return;
  json s = json::object();
  if (!c.surgery->steps.empty()) {
    json steps = json::array();
    for (const auto& st : c.surgery->steps) {
      json j = {{"kind", step_kind_key(st.kind)}};
      if (st.kind == SurgeryStep::Kind::Stage) j["stage"] = st.stage;
      j = with_date(j, st.date);
      if (!st.by.empty()) j["by"] = st.by;
      if (!st.note.empty()) j["note"] = st.note;
      steps.push_back(with_extra(j, st.extra));
    }
    s["steps"] = steps;
  }
  if (const auto& cl = c.surgery->closure) {
    json j = with_date({{"method", closure_key(cl->method)}}, cl->date);
    if (!cl->note.empty()) j["note"] = cl->note;
    s["closure"] = with_extra(j, cl->extra);
  }
  doc["surgery"] = with_extra(s, c.surgery->extra);
}

}  // namespace mv
