#include "clinical/spread/literature.hpp"

namespace mv::spread {

const char* series_name(Series s) {
  switch (s) {
    case Series::Dawes1996:
      return "Dawes 1996";
    case Series::Kimmel2007:
      return "Kimmel 2007";
    case Series::ParkerZitelli1995:
      return "Parker & Zitelli 1995";
    case Series::SerraGuillen2021:
      return "Serra-Guillén 2021";
    case Series::Ratner1997:
      return "Ratner 1997";
    case Series::Han2009:
      return "Han 2009";
    case Series::SerraGuillen2016:
      return "Serra-Guillén 2016";
    case Series::Gassenmaier2021:
      return "Gassenmaier 2021";
  }
  return "?";
}

const std::vector<Datum>& literature() {
  static const std::vector<Datum> data = [] {
    std::vector<Datum> d;
    SeriesMix typical;  // every field an assumption
    {
      // 35, 50, 69, 85% cleared at 1, 1.5, 2, 2.5 cm and "2 of 26 would have been inadequately
      // excised by 3 cm": as counts of 26, the bins hold 9, 4, 5, 4, 2 and 2 tumours.
      Datum x{"dawes-bins",
              Series::Dawes1996,
              DatumKind::MarginBins,
              "Dawes 1996, Dermatol Surg 22:530 (26 MMS)",
              "cleared by 1, 1.5, 2, 2.5, 3 cm: 35, 50, 69, 85, 92% of 26 (counts 9, 13, 18, 22, 24)",
              typical};
      x.margins_cm = {1.0, 1.5, 2.0, 2.5, 3.0};
      x.counts = {9, 4, 5, 4, 2, 2};
      x.n = 26;
      d.push_back(x);
    }
    {
      // A regression prediction for small tumours, not a count: read as 95% of 49 (half the pooled
      // tumours, assumption); pooled from 4 series, so its centre effect has a quarter of the variance.
      SeriesMix small = typical;
      small.size_cm = 2.5;
      Datum x{"kimmel-4cm",
              Series::Kimmel2007,
              DatumKind::ClearedAtMargin,
              "Kimmel 2007, Ann Surg Oncol 14:2113 (98 tumours, 4 series)",
              "about 95% cleared by 4 cm, predicted for tumours up to 3 x 3 cm (read as 47 of 49)",
              small};
      x.margins_cm = {4.0};
      x.counts = {47};
      x.n = 49;
      d.push_back(x);
    }
    {
      Datum x{"parker-2.5cm",
              Series::ParkerZitelli1995,
              DatumKind::ClearedAtMargin,
              "Parker & Zitelli 1995, JAAD 32:233 (20 MMS)",
              "20 of 20 cleared by 2.5 cm",
              typical};
      x.margins_cm = {2.5};
      x.counts = {20};
      x.n = 20;
      d.push_back(x);
    }
    {
      Datum x{"parker-depth",
              Series::ParkerZitelli1995,
              DatumKind::ConfinedAbove,
              "Parker & Zitelli 1995, JAAD 32:233 (20 MMS)",
              "20 of 20 cleared with the deep margin through the deep fascia (scalp: to the periosteum)",
              typical};
      x.counts = {20};
      x.n = 20;
      x.value = 1.0;  // cleared at or above the fascia level (head and neck: one level deeper)
      d.push_back(x);
    }
    {
      // The protocol is not in our copy: a 1-cm first and 0.5-cm later stages (assumption), which
      // makes the reported mean clearance margin 1 + 0.47 x 0.5 = 1.235 cm, as reported (1.23).
      Datum x{"serra2021-stages",
              Series::SerraGuillen2021,
              DatumKind::MeanStages,
              "Serra-Guillén 2021, Dermatol Surg (222 modified Mohs)",
              "mean 1.47 stages (protocol assumed: 1 cm, then 0.5 cm in positive sectors; periphery only)",
              typical};
      x.n = 222;
      x.value = 1.47;
      x.first_margin_cm = 1.0;
      x.next_margin_cm = 0.5;
      d.push_back(x);
    }
    {
      // "Clinical 30 x 20 cm, final 35 x 40 cm": read as at least one of the 58 tumours reaching
      // (40 - 20) / 2 = 10 cm beyond its edge, most likely the 30-cm one; the other 57 of typical size.
      SeriesMix large = typical;
      large.size_cm = 30.0;
      Datum x{"ratner-10cm",
              Series::Ratner1997,
              DatumKind::ReachAtLeast,
              "Ratner 1997, JAAD 37:600 (58 MMS, 3 centres)",
              "at least one of 58 tumours (one of them 30 x 20 cm) reached about 10 cm beyond its clinical edge",
              large};
      x.margins_cm = {10.0};
      x.n = 58;
      x.value = 3.0;  // the others' size (assumption)
      d.push_back(x);
    }
    {
      // The abdominal patient: recurrent, >= 10 cm before, < 7 cm after 7 months; 2 cm around the
      // shrunken tumour cleared the periphery. Shrinkage per side >= 1.5 cm.
      SeriesMix abdomen{0.0, 14.0, 1.0, false};
      Datum x{"han-abdomen",
              Series::Han2009,
              DatumKind::ImatinibCleared,
              "Han 2009, Arch Dermatol 145:792 (abdominal case)",
              "one Mohs stage 2 cm around the post-imatinib outline (>= 1.5 cm smaller per side) cleared the periphery",
              abdomen};
      x.margins_cm = {2.0};
      x.n = 1;
      x.value = 1.5;
      d.push_back(x);
    }
    {
      // 97, 17 and 36 of 155 (62.6%, 11%, 23.2%); the 5 not described are left out.
      Datum x{"serra2016-depth",
              Series::SerraGuillen2016,
              DatumKind::DepthLevels,
              "Serra-Guillén 2016, Actas Dermosifiliogr 107:414 (155 DFSP)",
              "confined to the subcutis 97, fascia/galea 17, muscle 36 (5 not described, left out)",
              typical};
      x.counts = {97, 17, 36};
      x.n = 150;
      d.push_back(x);
    }
    {
      // 93% of trunk/limb and 14% of head/neck tumours of 48 wholly above the fascia: 38 of 41 and
      // 1 of 7 are the only split of 48 that rounds to both (inferred).
      SeriesMix tl{0.0, 3.0, 0.3, true}, hn{1.0, 3.0, 0.3, true};
      Datum a{"gassenmaier-trunk-limb",
              Series::Gassenmaier2021,
              DatumKind::ConfinedAbove,
              "Gassenmaier 2021, Acta Derm Venereol 101:adv00561 (48 MMS)",
              "93% of trunk and limb tumours wholly above the fascia (read as 38 of 41)",
              tl};
      a.counts = {38};
      a.n = 41;
      a.trunk_limb_only = true;
      d.push_back(a);
      Datum b{"gassenmaier-head-neck",
              Series::Gassenmaier2021,
              DatumKind::ConfinedAbove,
              "Gassenmaier 2021, Acta Derm Venereol 101:adv00561 (48 MMS)",
              "14% of head and neck tumours wholly above the fascia (read as 1 of 7)",
              hn};
      b.counts = {1};
      b.n = 7;
      b.head_neck_only = true;
      d.push_back(b);
    }
    return d;
  }();
  return data;
}

std::string sources_line() {
  std::string out;
  for (const auto& d : literature())
    if (out.find(d.source) == std::string::npos) out += (out.empty() ? "" : "; ") + d.source;
  return out;
}

const std::vector<Unfitted>& unfitted_figures() {
  static const std::vector<Unfitted> u = {
      {"Serra-Guillén 2021", "mean clearance margin 1.23 cm",
       "follows from the mean stages under the assumed protocol (1 + 0.47 x 0.5 = 1.235 cm), so it is a check of that assumption, not a second "
       "datum"},
      {"Serra-Guillén 2021", "head and neck needed more stages and wider margins; larger tumours more stages",
       "no figures in our copy: they set the signs of the prior effects for head and neck and size"},
      {"Parker & Zitelli 1995", "tumours < 2 cm all cleared by 1.5 cm", "the number of such tumours is not in our copy"},
      {"Popov 2007", "mean gross margin 3.1 cm vs mean histologic margin 1.6 cm",
       "wide excision, margins measured differently from Mohs reach; compared with the model in docs/model.md, not fitted"},
      {"Kimmel 2007", "clinical size predicts the needed margin only weakly", "sets the prior on the size effect (small, positive)"},
      {"Ugurel 2014", "results do not definitely support smaller margins after imatinib", "sets a flat prior on the imatinib mixture share"},
  };
  return u;
}

std::vector<PublishedPoint> published_clearance_points() {
  std::vector<PublishedPoint> out;
  for (const auto& d : literature()) {
    if (d.kind == DatumKind::MarginBins) {
      int cum = 0;
      for (size_t i = 0; i < d.margins_cm.size(); ++i) {
        cum += d.counts[i];
        out.push_back({d.margins_cm[i], static_cast<double>(cum) / d.n, d.n, d.series});
      }
    } else if (d.kind == DatumKind::ClearedAtMargin) {
      out.push_back({d.margins_cm[0], static_cast<double>(d.counts[0]) / d.n, d.n, d.series});
    }
  }
  return out;
}

}  // namespace mv::spread
