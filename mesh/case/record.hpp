#pragma once
// What a DFSP surgeon records beside the measurements and the Mohs map (docs/case-format.md,
// docs/sources.md): the histology, the COL1A1–PDGFB translocation, the surgery's steps in order
// (Mohs stages, an excision by another team, debulking) and the closure.
#include <optional>
#include <string>
#include <vector>

#include "common/case_date.hpp"

namespace mv {

// Fibrosarcomatous change (FS-DFSP) recurs and metastasises more often (docs/sources.md §8).
enum class Histology { Classic, Fibrosarcomatous, Unknown };
std::string histology_key(Histology h);  // "classic", "fibrosarcomatous", "unknown"
std::optional<Histology> histology_from_key(const std::string& key);

// t(17;22) COL1A1–PDGFB: imatinib works only on tumours that carry it (docs/sources.md §6).
enum class TranslocationStatus { Positive, Negative, NotTested };
std::string translocation_key(TranslocationStatus s);  // "positive", "negative", "not tested"
std::optional<TranslocationStatus> translocation_from_key(const std::string& key);
struct Translocation {
  TranslocationStatus status = TranslocationStatus::NotTested;
  std::string method;  // "FISH", "RT-PCR", "NGS": free text
  Json extra = Json::object();
};

// One step of the surgery, in the order it was done. A Mohs stage or an excision by another team
// is a `stage` step naming its entry in mohs.stages (both remove tissue the next step starts
// from); debulking removes the bulk of the tumour, not a margin, and is not drawn.
struct SurgeryStep {
  enum class Kind { Debulking, Stage } kind = Kind::Stage;
  int stage = 0;  // Stage: 1-based index into mohs.stages
  std::optional<CaseDate> date;
  std::string by;  // who did it: "surgical oncology"
  std::string note;
  Json extra = Json::object();
};
std::string step_kind_key(SurgeryStep::Kind k);  // "debulking", "stage"

// How the wound was closed once the margins were clear (delayed until then: docs/sources.md §8).
enum class ClosureMethod { Primary, Flap, Graft, Delayed, SecondaryIntention };
std::string closure_key(ClosureMethod m);  // "primary", "flap", "graft", "delayed", "secondary intention"
std::optional<ClosureMethod> closure_from_key(const std::string& key);
struct Closure {
  ClosureMethod method = ClosureMethod::Primary;
  std::optional<CaseDate> date;
  std::string note;
  Json extra = Json::object();
};

struct SurgeryRecord {
  std::vector<SurgeryStep> steps;  // empty: the Mohs stages alone, in their order
  std::optional<Closure> closure;
  Json extra = Json::object();
};

}  // namespace mv
