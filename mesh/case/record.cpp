#include "case/record.hpp"

#include "common/keys.hpp"
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
  return from_key(key, {Histology::Classic, Histology::Fibrosarcomatous, Histology::Unknown}, histology_key);
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
  return from_key(key, {TranslocationStatus::Positive, TranslocationStatus::Negative, TranslocationStatus::NotTested}, translocation_key);
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
  return from_key(key, {ClosureMethod::Primary, ClosureMethod::Flap, ClosureMethod::Graft, ClosureMethod::Delayed, ClosureMethod::SecondaryIntention},
                  closure_key);
}

}  // namespace mv
