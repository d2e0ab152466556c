#pragma once
// Mohs micrographic surgery as recorded in clinic (docs/sources.md §3): stages in order, each cut with
// a peripheral margin and to a depth, divided into blocks by clock position, each block with its
// own peripheral and deep result.
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "common/case_date.hpp"
#include "anatomy/sites.hpp"

namespace mv {

// Pending: the slide is not read yet (a new stage's blocks start so). NotExamined: this step did
// not look at that margin (a stage taken for the periphery only, its deep margin left to the next
// step). A pending, positive, indeterminate or unexamined margin needs a further step; a close
// margin counts as clear (as reported).
enum class MarginResult { Clear, Positive, Close, Indeterminate, Pending, NotExamined };
std::string result_key(MarginResult r);    // "clear", "positive", "close", "indeterminate", "pending", "not examined"
bool needs_further_stage(MarginResult r);  // positive, indeterminate, pending or not examined
std::optional<MarginResult> result_from_key(const std::string& key);

// Clock positions, 12 at the top (toward the head); a span runs clockwise from `from` to `to`,
// wrapping through 12 (from 10.5 to 1.5 covers 10.5-12 and 0-1.5). from == to is the full circle.
struct ClockSpan {
  double from = 0.0, to = 12.0;
  double hours() const;              // length, (0, 12]
  bool contains(double hour) const;  // half-open [from, to)
  double middle() const;             // clock position of the span's centre
};

// What a block's layer takes: a full layer (widened by the stage's margin and cut to its depth), a
// peripheral wedge (widened, at the depth the previous defect had there) or a deep-only layer
// (under the previous defect, no widening).
enum class BlockLayer { Full, Peripheral, Deep };
std::string layer_key(BlockLayer l);  // "full", "peripheral", "deep"
std::optional<BlockLayer> layer_from_key(const std::string& key);
inline bool takes_periphery(BlockLayer l) { return l != BlockLayer::Deep; }
inline bool takes_deep(BlockLayer l) { return l != BlockLayer::Peripheral; }

struct MohsBlock {
  std::string label;  // "A", "B", ... or "1", "2", ...
  ClockSpan span;
  std::optional<BlockLayer> layer;  // absent: the stage's kind (deep-only stage: deep, else full)
  MarginResult peripheral = MarginResult::Clear;
  MarginResult deep = MarginResult::Clear;
  std::optional<std::string> ink;  // edge ink colour: "blue", "red", "black", "green", "yellow"
  Json extra = Json::object();
};

// Tissue planes a stage can be taken down to; which exist depends on the site's layers.
enum class DepthPlane { Subcutis, Fascia, Muscle, Periosteum };
std::string plane_key(DepthPlane p);                                          // "subcutis", "fascia", "muscle", "periosteum"
std::optional<DepthPlane> plane_from_key(const std::string& key, Site site);  // "galea" = fascia on the scalp
std::vector<DepthPlane> planes_at(Site site);
std::string plane_names(Site site);  // "subcutis, fascia, muscle": the planes of a site, for messages

// Who took a step and how its margins were read: a Mohs stage (the surgeon reads every margin,
// mapped by block), or an excision by another team (its margins as its pathology report gave
// them, by region; no Mohs map).
enum class Procedure { Mohs, Excision };
std::string procedure_key(Procedure p);      // "mohs", "excision"
enum class Processing { Frozen, Paraffin };  // frozen sections, or paraffin ("slow Mohs")
std::string processing_key(Processing p);    // "frozen", "paraffin"
std::optional<Processing> processing_from_key(const std::string& key);

struct MohsStage {
  Procedure procedure = Procedure::Mohs;
  std::string performed_by;              // an excision's team: "surgical oncology"
  std::optional<Processing> processing;  // how its tissue was read
  std::optional<std::string> stain;      // "H&E", "CD34"
  double margin_cm = 0.0;                // peripheral widening; stage 1 from the clinical edge, later from the previous stage's edge
  bool deep_only = false;                // no peripheral widening: only deeper under the previous defect
  bool full_circle = false;              // blocks must cover 0-12 (default true for stage 1)
  std::optional<DepthPlane> plane;       // exactly one of plane / depth_mm
  std::optional<double> depth_mm;
  std::optional<CaseDate> date;
  bool surgeons_choice = false;  // taken where the previous stage was not positive, on purpose
  std::vector<MohsBlock> blocks;
  std::vector<glm::dvec2> outline_cm;  // optional irregular outline (lesion frame: x to 3 o'clock, y to 12)
  Json extra = Json::object();

  // Clock spans the stage covers: the union of its blocks.
  bool covers(double hour) const;
  BlockLayer layer_of(const MohsBlock& b) const;
  bool takes_periphery_anywhere() const;  // some block widens the defect
};

struct MohsRecord {
  std::vector<MohsStage> stages;
  std::string note;
  Json extra = Json::object();
};

// What the record, the views and the report call entry k of the stages: Mohs stages numbered among
// themselves ("stage 2"), an excision by its team ("excision by surgical oncology"; numbered when
// there are several). The entries' own order, excisions included, is what --stage N counts.
std::string stage_name(const MohsRecord& m, size_t k);

// Angle (radians, from 3 o'clock toward 12, as LesionFrame::direction) <-> clock hour in [0, 12).
double angle_to_clock(double theta);

}  // namespace mv
