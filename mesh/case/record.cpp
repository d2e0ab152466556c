#include "case/record.hpp"

namespace mv {

std::string histology_key(Histology h) {
  switch (h) {
    case Histology::Classic:
      return "classic";
    case Histology::Fibrosarcomatous:
      return "fibrosarcomatous";
    case Histology::Unknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<Histology> histology_from_key(const std::string& key) {
  for (auto h : {Histology::Classic, Histology::Fibrosarcomatous, Histology::Unknown})
    if (histology_key(h) == key) return h;
  return std::nullopt;
}

std::string translocation_key(TranslocationStatus s) {
  switch (s) {
    case TranslocationStatus::Positive:
      return "positive";
    case TranslocationStatus::Negative:
      return "negative";
    case TranslocationStatus::NotTested:
      return "not tested";
  }
  return "not tested";
}

std::optional<TranslocationStatus> translocation_from_key(const std::string& key) {
  for (auto s : {TranslocationStatus::Positive, TranslocationStatus::Negative, TranslocationStatus::NotTested})
    if (translocation_key(s) == key) return s;
  return std::nullopt;
}

std::string step_kind_key(SurgeryStep::Kind k) { return k == SurgeryStep::Kind::Debulking ? "debulking" : "stage"; }

std::string closure_key(ClosureMethod m) {
  switch (m) {
    case ClosureMethod::Primary:
      return "primary";
    case ClosureMethod::Flap:
      return "flap";
    case ClosureMethod::Graft:
      return "graft";
    case ClosureMethod::Delayed:
      return "delayed";
    case ClosureMethod::SecondaryIntention:
      return "secondary intention";
  }
  return "primary";
}

std::optional<ClosureMethod> closure_from_key(const std::string& key) {
  for (auto m : {ClosureMethod::Primary, ClosureMethod::Flap, ClosureMethod::Graft, ClosureMethod::Delayed, ClosureMethod::SecondaryIntention})
    if (closure_key(m) == key) return m;
  return std::nullopt;
}

}  // namespace mv
