#pragma once
// Whether a Mohs record has cleared the tumour — decided here, once, for the GUI, `report`,
// `validate` and the 3D view alike (docs/case-format.md, "Completeness").
//
// A block whose peripheral (or deep) result needs a further stage — positive, indeterminate or
// pending — stays open until a later stage takes that margin over its clock span: a full layer or
// a peripheral wedge takes the periphery, a full or deep-only layer the deep margin. What a later
// stage leaves of the span stays open. The margins are clear when nothing is open.
#include <string>
#include <vector>

#include "case/clock_set.hpp"
#include "case/mohs.hpp"

namespace mv {

enum class MarginKind { Peripheral, Deep };

struct OpenMargin {
  int stage = 0;     // 0-based
  size_t block = 0;  // index in the stage's blocks
  std::string label;
  MarginKind kind = MarginKind::Peripheral;
  MarginResult result = MarginResult::Pending;
  ClockSet open;                 // the part of the block's span no later stage has taken
  std::string stage_name;        // as the record names it (stage_name): "stage 1", "excision by surgical oncology"
  std::string describe() const;  // "stage 1 block D: peripheral positive at 4.5-7.5 o'clock"
};

struct MohsCompleteness {
  std::vector<OpenMargin> open;
  bool clear() const { return open.empty(); }
  bool pending() const;  // some slide is not read yet
  // Where a further stage must go, by what it must take there.
  ClockSet open_periphery() const;
  ClockSet open_deep() const;
  std::string summary() const;  // "margins clear", or what is still open
};

// The record through its first `stages` stages (all when negative).
MohsCompleteness mohs_completeness(const MohsRecord& record, int stages = -1);

}  // namespace mv
