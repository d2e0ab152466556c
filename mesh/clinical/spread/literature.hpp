#pragma once
// The published figures the spread model is fitted to, each with its source and how it enters
// the likelihood (docs/model.md §3). Written once, here: the fit, its residuals, the GUI's curve
// dots and the in-sample tests all read this table.
#include <string>
#include <vector>

namespace mv::spread {

// The series a datum comes from: each is one "centre" with its own effect in the fit.
enum class Series { Dawes1996, Kimmel2007, ParkerZitelli1995, SerraGuillen2021, Ratner1997, Han2009, SerraGuillen2016, Gassenmaier2021 };
constexpr int kSeriesCount = 8;
const char* series_name(Series s);

// Who the series' patients were, as far as the fit needs it. Where the paper does not say,
// the value is an assumption and `mix_assumed` says so.
struct SeriesMix {
  double head_neck_share = 0.15;  // docs/sources.md §7: head and neck 10-15% of DFSP (assumption per series)
  double size_cm = 3.0;           // typical largest clinical axis (assumption unless stated)
  double recurrent_share = 0.3;   // (assumption)
  bool mix_assumed = true;
};

enum class DatumKind {
  MarginBins,       // counts of tumours whose worst-direction reach falls between successive margins (multinomial)
  ClearedAtMargin,  // k of n cleared by a uniform margin (binomial)
  MeanStages,       // the mean number of Mohs stages over n procedures, under a protocol (normal on the mean)
  ReachAtLeast,     // at least one of n tumours (one of the series' size, the rest of size `value`) reached this far
  DepthLevels,      // counts confined to subcutis / fascia / muscle (multinomial; a negative count = not used)
  ConfinedAbove,    // k of n wholly above the fascia (binomial), for one site group
  ImatinibCleared,  // a margin around the shrunken outline cleared the periphery (mixture of the two imatinib hypotheses)
};

struct Datum {
  std::string id;  // short, stable: "dawes-bins", used in residual tables and tests
  Series series;
  DatumKind kind;
  std::string source;  // citation as shown to users
  std::string what;    // one line: what was reported and how it is read
  SeriesMix mix;
  std::vector<double> margins_cm;  // MarginBins: bin edges; ClearedAtMargin/ReachAtLeast/ImatinibCleared: one value
  std::vector<int> counts;         // per bin / level; ClearedAtMargin, ConfinedAbove: {k}
  int n = 0;
  double value = 0.0;                                    // MeanStages: the mean; ImatinibCleared: the outline's shrinkage per side (cm)
  double first_margin_cm = 0.0, next_margin_cm = 0.0;    // MeanStages: the protocol (assumption)
  bool head_neck_only = false, trunk_limb_only = false;  // ConfinedAbove
};

const std::vector<Datum>& literature();
// "Dawes 1996 (26 MMS); Kimmel 2007 (...); ...": every fitted source once, for reports and tooltips.
std::string sources_line();

// Figures quoted but not fitted (no likelihood can be written from what we have), with why.
struct Unfitted {
  std::string source, figure, why;
};
const std::vector<Unfitted>& unfitted_figures();

// The published clearance-versus-margin points, for plots beside the model (periphery only).
struct PublishedPoint {
  double margin_cm, cleared;
  int n;
  Series series;
};
std::vector<PublishedPoint> published_clearance_points();

}  // namespace mv::spread
