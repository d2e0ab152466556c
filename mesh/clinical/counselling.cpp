#include "clinical/counselling.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "clinical/plan.hpp"
#include "reconstruction/mohs_reconstruction.hpp"

namespace mv {
namespace {

std::string one(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}
std::string whole(double v) { return std::to_string(static_cast<long>(std::lround(v))); }

// What is left of the first size, as a fraction people say: "about a third".
std::string fraction_words(double remaining) {
  const struct {
    double value;
    const char* words;
  } fractions[] = {{0.1, "a tenth"}, {0.2, "a fifth"},          {0.25, "a quarter"},      {1.0 / 3.0, "a third"},
                   {0.5, "half"},    {2.0 / 3.0, "two thirds"}, {0.75, "three quarters"}, {0.9, "nine tenths"}};
  const auto* best = &fractions[0];
  for (const auto& f : fractions)
    if (std::abs(f.value - remaining) < std::abs(best->value - remaining)) best = &f;
  const double off = remaining - best->value;
  const std::string lead = std::abs(off) < 0.02 ? "about " : off > 0.0 ? "a little over " : "a little under ";
  return lead + best->words;
}

// How deep the wound goes, in words: the layer its floor lies on.
std::string depth_words(const std::string& deepest) {
  if (deepest.find("periosteum") != std::string::npos || deepest.find("skull") != std::string::npos || deepest.find("bone") != std::string::npos ||
      deepest.find("femur") != std::string::npos || deepest.find("tibia") != std::string::npos || deepest.find("humerus") != std::string::npos ||
      deepest.find("ribs") != std::string::npos || deepest.find("scapula") != std::string::npos)
    return "down to the thin layer over the bone";
  if (deepest.find("muscle") != std::string::npos) return "into the muscle";
  if (deepest.find("fascia") != std::string::npos || deepest.find("galea") != std::string::npos) return "down to the thin layer over the muscle";
  if (deepest.find("fat") != std::string::npos || deepest.find("subcutis") != std::string::npos) return "into the fat under the skin";
  return "under the skin";
}

bool is_word_char(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '\'' || ch == '.' || ch == '%'; }

}  // namespace

std::string CounsellingSection::text() const {
  std::string out;
  for (const auto& s : sentences) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::string CounsellingText::all_text() const {
  std::string out = title + ".";
  for (const auto& s : sections) out += " " + s.heading + ". " + s.text();
  if (chance) out += " " + chance->sentence + " " + chance->range_sentence;
  for (const auto& [word, meaning] : glossary) out += " " + word + ": " + meaning;
  return out;
}

std::string plain_site(Site site) {
  switch (site) {
    case Site::Scalp:
      return "scalp";
    case Site::Abdomen:
      return "belly";
    case Site::Thigh:
      return "thigh";
    case Site::Ankle:
      return "ankle";
    case Site::FaceNeck:
      return "face or neck";
    case Site::Chest:
      return "chest";
    case Site::UpperBack:
      return "upper back";
    case Site::LowerBack:
      return "lower back";
    case Site::Shoulder:
      return "shoulder";
    case Site::UpperArm:
      return "upper arm";
    case Site::Forearm:
      return "forearm";
    case Site::Groin:
      return "groin";
    case Site::Buttock:
      return "buttock";
    case Site::Knee:
      return "knee";
    case Site::LowerLeg:
      return "lower leg";
    case Site::Foot:
      return "foot";
  }
  return "skin";
}

CounsellingText counselling_text(const Case& c, const CaseMetrics& metrics, const MohsReconstruction* mohs, const PlannedExcision* plan) {
  CounsellingText t;
  t.title = "Your DFSP on the " + plain_site(c.site) + ": what the pictures show";
  const auto& first = c.measurements.front();
  const auto& last = c.measurements.back();

  CounsellingSection size{"The lump and how it changed", {}};
  size.sentences.push_back("DFSP is a rare skin tumour. It grows slowly, and it can reach out under skin that looks normal.");
  size.sentences.push_back("At your first visit the lump was " + one(first.x_cm) + " by " + one(first.y_cm) + " cm.");
  if (c.measurements.size() > 1 && metrics.reduction) {
    size.sentences.push_back("Before surgery it was " + one(last.x_cm) + " by " + one(last.y_cm) + " cm.");
    const double shrink = metrics.reduction->area_xy_percent;
    if (shrink > 0.5) {
      size.sentences.push_back("We work out its area from its width and its length. The area shrank by about " + whole(shrink) + "%.");
      size.sentences.push_back("It is now " + fraction_words(1.0 - shrink / 100.0) + " of its size at your first visit.");
    } else {
      size.sentences.push_back("Its area did not shrink.");
    }
  }
  if (c.imatinib) {
    const int days = c.imatinib->stop.ordinal() - c.imatinib->start.ordinal();
    size.sentences.push_back("You took imatinib, a pill, for about " + whole(days / 30.4) + " months to shrink it first.");
    size.sentences.push_back("The plan for surgery still goes around the first, larger size. The tumour can hide in skin that has shrunk back.");
  }
  t.sections.push_back(size);

  CounsellingSection wound{"The wound", {}};
  if (mohs) {
    t.wound_x_cm = mohs->extent_x_cm, t.wound_y_cm = mohs->extent_y_cm;
    wound.sentences.push_back("The wound from your surgery was about " + one(mohs->extent_x_cm) + " by " + one(mohs->extent_y_cm) + " cm.");
    wound.sentences.push_back("It went " + depth_words(mohs->deepest_layer) + ".");
  } else if (plan) {
    t.wound_x_cm = plan->extent_x_cm, t.wound_y_cm = plan->extent_y_cm;
    wound.sentences.push_back("The planned wound is about " + one(plan->extent_x_cm) + " by " + one(plan->extent_y_cm) + " cm.");
    wound.sentences.push_back("It goes " + depth_words(plan->floor) + ".");
  }
  if (t.wound_x_cm > 0.0) {
    // A line closure's scar is about 3 to 4 times the wound's width (docs/sources.md §9): a rule of thumb.
    const std::optional<ClosureMethod> closure = c.surgery && c.surgery->closure ? std::optional(c.surgery->closure->method) : std::nullopt;
    const double width = std::max(t.wound_x_cm, t.wound_y_cm);
    if (!closure || *closure == ClosureMethod::Primary) {
      t.scar_low_cm = 3.0 * width, t.scar_high_cm = 4.0 * width;
      wound.sentences.push_back("If it is closed in a straight line, the scar will be about " + whole(*t.scar_low_cm) + " to " +
                                whole(*t.scar_high_cm) + " cm long.");
      wound.sentences.push_back(
          "That is a rough guess. Most people expect a scar much smaller than it turns out. Your surgeon will choose how to close it.");
    } else {
      const char* how = *closure == ClosureMethod::Graft     ? "with a skin graft"
                        : *closure == ClosureMethod::Flap    ? "with a flap of nearby skin"
                        : *closure == ClosureMethod::Delayed ? "later, once the edges were clear"
                                                             : "by letting it heal on its own";
      wound.sentences.push_back(std::string("The wound was closed ") + how + ". There is no simple guess of the scar's size for that.");
    }
    t.sections.push_back(wound);
  }

  if (plan) {
    FrequencyOf100 f;
    // From the probabilities as the report shows them, so "36.5%" there is "37 of 100" here.
    auto of_100 = [](double p) { return static_cast<int>(std::lround(100.0 * as_reported(p))); };
    f.of_100 = of_100(plan->clearance.overall);
    f.low = of_100(plan->clearance.low);
    f.high = of_100(plan->clearance.high);
    f.sentence =
        "In published studies, about " + std::to_string(f.of_100) + " of 100 tumours like this were fully taken out by one operation like this one.";
    f.range_sentence = "The studies do not agree well. The true number could be as low as " + std::to_string(f.low) + " or as high as " +
                       std::to_string(f.high) + " of 100.";
    f.source = "From a model fitted to eight published studies of DFSP surgery (marginviz docs/model.md).";
    // With a surgery on record the wound above is the one it made; the chance is the plan's.
    if (mohs) f.range_sentence += " This is about the planned operation, not the surgery you had.";
    t.chance = f;
  }

  CounsellingSection next{"What to do next", {}};
  next.sentences.push_back("Bring this sheet to your next visit. Ask about anything that is not clear.");
  next.sentences.push_back("These pictures are a guide, not a promise. They are made from ruler measurements, not from a scan of you.");
  if (c.illustrative) next.sentences.push_back("This example is made up from a published study. It is not a real patient.");
  t.sections.push_back(next);

  t.glossary = {{"DFSP", "a rare skin tumour that grows slowly and can spread under the skin."},
                {"Imatinib", "a pill that can shrink this tumour before surgery."},
                {"Mohs surgery", "the skin that is taken out is checked under a microscope, layer by layer, until the edges are clear."},
                {"Margin", "the strip of normal-looking skin taken out around the lump."}};
  return t;
}

int syllables_in(const std::string& word) {
  std::string w;
  for (char ch : word)
    if (std::isalpha(static_cast<unsigned char>(ch))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (w.empty()) return 2;  // a number
  auto vowel = [](char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u' || ch == 'y'; };
  int count = 0;
  bool in_vowel = false;
  for (char ch : w) {
    const bool v = vowel(ch);
    if (v && !in_vowel) ++count;
    in_vowel = v;
  }
  if (w.size() > 2 && w.back() == 'e' && !vowel(w[w.size() - 2]) && !(w.size() > 3 && w.substr(w.size() - 2) == "le")) --count;
  return std::max(1, count);
}

double flesch_kincaid_grade(const std::string& text) {
  int words = 0, sentences = 0, syllables = 0;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    // A trailing full stop ends a sentence; one inside a number ("6.9") does not.
    while (!word.empty() && word.back() == '.') word.pop_back();
    if (!word.empty()) ++words, syllables += syllables_in(word);
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    const bool stop = ch == '.' && (i + 1 >= text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])));
    if (stop || ch == '!' || ch == '?' || ch == ':') {
      end_word();
      ++sentences;
    } else if (is_word_char(ch)) {
      word += ch;
    } else {
      end_word();
    }
  }
  end_word();
  if (words == 0) return 0.0;
  sentences = std::max(sentences, 1);
  return 0.39 * words / sentences + 11.8 * static_cast<double>(syllables) / words - 15.59;
}

}  // namespace mv
