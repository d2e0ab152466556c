#include "palette.hpp"
#include "mohs_map.hpp"

#include <algorithm>

#include <cmath>
#include <cstdio>
#include <numbers>

#include <glm/geometric.hpp>

#include "common/file_io.hpp"
#include "paths.hpp"
#include "png_file.hpp"
#include "text_format.hpp"

namespace mv::app {
namespace {

constexpr double kPi = std::numbers::pi;
using palette::map::kPaper, palette::map::kInk, palette::map::kGrey;

// A wedge between radii r0 and r1 over a clock span, as a polygon.
std::vector<glm::vec2> wedge(const MohsMapLayout& L, const ClockSpan& span, float r0, float r1) {
  std::vector<glm::vec2> pts;
  const int steps = std::max(2, static_cast<int>(span.hours() * 12));
  for (int i = 0; i <= steps; ++i) pts.push_back(L.at(span.from + span.hours() * i / steps, r1));
  for (int i = steps; i >= 0; --i) pts.push_back(L.at(span.from + span.hours() * i / steps, r0));
  return pts;
}

std::vector<glm::vec2> arc(const MohsMapLayout& L, const ClockSpan& span, float r) {
  std::vector<glm::vec2> pts;
  const int steps = std::max(2, static_cast<int>(span.hours() * 12));
  for (int i = 0; i <= steps; ++i) pts.push_back(L.at(span.from + span.hours() * i / steps, r));
  return pts;
}

}  // namespace

glm::vec2 MohsMapLayout::at(double hour, float r) const {
  const double phi = hour * kPi / 6.0;  // clockwise from 12
  return centre + glm::vec2(static_cast<float>(std::sin(phi)) * r, -static_cast<float>(std::cos(phi)) * r);
}

MohsMapLayout::Hit MohsMapLayout::hit(const MohsStage& stage, glm::vec2 pixel) const {
  const glm::vec2 d = pixel - centre;
  const float r = glm::length(d);
  if (r > radius) return {};
  double hour = std::atan2(d.x, -d.y) * 6.0 / kPi;
  if (hour < 0.0) hour += 12.0;
  for (size_t i = 0; i < stage.blocks.size(); ++i)
    if (stage.blocks[i].span.contains(hour)) return {static_cast<int>(i), r < inner_radius};
  return {};
}

Rgba result_colour(MarginResult r) {
  switch (r) {
    case MarginResult::Clear:
      return palette::map::kResultClear;
    case MarginResult::Positive:
      return palette::kNotClear;
    case MarginResult::Close:
      return palette::map::kResultClose;
    case MarginResult::Indeterminate:
      return palette::map::kResultIndeterminate;
    case MarginResult::Pending:
      return palette::map::kResultPending;
    case MarginResult::NotExamined:
      return palette::map::kResultNotExamined;
  }
  return kGrey;
}

Rgba ink_colour(const std::optional<std::string>& ink) {
  if (!ink) return kGrey;
  if (*ink == "blue") return palette::map::kInkBlue;
  if (*ink == "red") return palette::map::kInkRed;
  if (*ink == "black") return palette::map::kInkBlack;
  if (*ink == "green") return palette::map::kInkGreen;
  if (*ink == "yellow") return palette::map::kInkYellow;
  if (*ink == "orange") return palette::map::kInkOrange;
  return kGrey;
}

MohsMapLayout MohsMapLayout::for_stage(const MohsStage& stage) {
  MohsMapLayout L;
  L.height = static_cast<int>(kTableTop + kRowHeight * static_cast<float>(stage.blocks.size() + 1) + 70.0f);
  return L;
}

namespace {

// Under the drawing: one row per block, as a pathology worksheet lists them.
void draw_block_table(Canvas& cv, const MohsStage& stage, const MohsMapLayout& L) {
  const float xs[] = {40.0f, 130.0f, 290.0f, 450.0f, 610.0f, 730.0f};
  const char* heads[] = {"block", "o'clock", "peripheral", "deep", "ink", "sections"};
  float y = MohsMapLayout::kTableTop + 22.0f;
  for (int k = 0; k < 6; ++k) cv.text(heads[k], {xs[k], y}, 17.0f, kGrey, Canvas::Align::Left, true);
  cv.stroke({{40.0f, y + 9.0f}, {static_cast<float>(L.width) - 40.0f, y + 9.0f}}, 1.0f, kGrey);
  const std::string sections = stage.processing ? (*stage.processing == Processing::Paraffin ? "paraffin" : "frozen") : "not recorded";
  for (const auto& b : stage.blocks) {
    y += MohsMapLayout::kRowHeight;
    const bool periphery = takes_periphery(stage.layer_of(b));
    const std::string cells[] = {b.label,
                                 fixed(b.span.from, 1) + "–" + fixed(b.span.to, 1),
                                 periphery ? result_key(b.peripheral) : "(deep only)",
                                 result_key(b.deep),
                                 b.ink.value_or("–"),
                                 sections + (stage.stain ? ", " + *stage.stain : "")};
    for (int k = 0; k < 6; ++k) cv.text(cells[k], {xs[k], y}, 18.0f, kInk);
  }
}

}  // namespace

Canvas draw_mohs_map(const MapRequest& req, const MohsMapLayout& L, Canvas::Format format) {
  Canvas cv(L.width, L.height, kPaper, format);
  draw_mohs_map_on(cv, req, L);
  return cv;
}

void draw_mohs_map_on(Canvas& cv, const MapRequest& req, const MohsMapLayout& L) {
  const Case& c = *req.c;
  const MohsStage& stage = c.mohs->stages.at(static_cast<size_t>(req.stage));

  // Header: what, whose (case id only), when, how oriented.
  float y = 46.0f;
  const MohsStage& drawn = c.mohs->stages[static_cast<size_t>(req.stage)];
  cv.text(drawn.procedure == Procedure::Excision ? "Margins of the " + stage_name(*c.mohs, static_cast<size_t>(req.stage)) + " (not a Mohs stage)"
                                                 : "Mohs map — " + stage_name(*c.mohs, static_cast<size_t>(req.stage)),
          {40.0f, y}, 30.0f, kInk);
  y += 36.0f;
  cv.text("Case " + c.case_id + " · " + site_spec(c.site).display + (stage.date ? " · " + stage.date->describe() : ""), {40.0f, y}, 20.0f, kInk);
  y += 28.0f;
  std::string depth = stage.plane ? plane_key(*stage.plane) + (req.depth_mm ? " (" + fixed(*req.depth_mm, 1) + " mm)" : std::string())
                                  : fixed(stage.depth_mm.value_or(req.depth_mm.value_or(0.0)), 1) + " mm";
  const std::string who =
      stage.procedure == Procedure::Excision ? (stage.performed_by.empty() ? "by another team" : "by " + stage.performed_by) + " · " : "";
  const std::string margin = stage.deep_only ? who + "deep-only"
                             : !stage.outline_cm.empty()
                                 ? "irregular outline (drawn)"
                                 : "margin " + fixed(stage.margin_cm, 1) + " cm" +
                                       (req.stage == 0 ? " from the clinical edge" : " beyond stage " + std::to_string(req.stage));
  const bool wedges_only =
      std::all_of(stage.blocks.begin(), stage.blocks.end(), [&](const MohsBlock& b) { return stage.layer_of(b) == BlockLayer::Peripheral; });
  cv.text(margin + (wedges_only ? " · wedges at the depth already reached" : " · to " + depth) + (stage.surgeons_choice ? " · surgeon's choice" : ""),
          {40.0f, y}, 20.0f, kInk);
  y += 28.0f;
  cv.text("Orientation: 12 o'clock toward the head, as seen facing the patient", {40.0f, y}, 18.0f, kGrey);

  // The excised layer: the whole clock face, with the blocks this stage took.
  std::vector<glm::vec2> circle;
  for (int i = 0; i < 144; ++i) circle.push_back(L.at(i / 12.0, L.radius));
  cv.fill_polygon(circle, palette::map::kDisc);
  for (size_t i = 0; i < stage.blocks.size(); ++i) {
    const auto& b = stage.blocks[i];
    // A deep-only layer has no peripheral margin: its ring is a neutral blue-grey, labelled so.
    const bool ring = takes_periphery(stage.layer_of(b));
    cv.fill_polygon(wedge(L, b.span, L.inner_radius, L.radius), ring ? result_colour(b.peripheral) : palette::map::kDeepOnlyRing);
    cv.fill_polygon(wedge(L, b.span, 0.0f, L.inner_radius - 4.0f), result_colour(b.deep));
    cv.stroke(arc(L, b.span, L.radius + 9.0f), 10.0f, ink_colour(b.ink));  // inked edge
  }
  for (const auto& b : stage.blocks) {
    for (double h : {b.span.from, b.span.to}) cv.stroke({L.centre, L.at(h, L.radius)}, 2.5f, kInk);
    const glm::vec2 label = L.at(b.span.middle(), (L.radius + L.inner_radius) / 2.0f);
    cv.text(b.label, label + glm::vec2(0.0f, 11.0f), 32.0f, kInk, Canvas::Align::Centre);
    if (const BlockLayer layer = stage.layer_of(b); layer != BlockLayer::Full)
      cv.text(layer == BlockLayer::Deep ? "deep only" : "wedge", label + glm::vec2(0.0f, 34.0f), 16.0f, kInk, Canvas::Align::Centre);
    const glm::vec2 deep_label = L.at(b.span.middle(), L.inner_radius * 0.55f);
    cv.text(b.deep == MarginResult::Clear ? "deep clear" : "deep " + result_key(b.deep), deep_label + glm::vec2(0.0f, 7.0f), 17.0f, kInk,
            Canvas::Align::Centre);
  }
  cv.stroke(circle, 3.0f, kInk, true);
  std::vector<glm::vec2> inner;
  for (int i = 0; i < 144; ++i) inner.push_back(L.at(i / 12.0, L.inner_radius - 2.0f));
  cv.stroke(inner, 2.0f, kInk, true);
  if (req.highlight_block >= 0 && req.highlight_block < static_cast<int>(stage.blocks.size())) {
    const auto& b = stage.blocks[static_cast<size_t>(req.highlight_block)];
    auto outline = wedge(L, b.span, 0.0f, L.radius);
    outline.pop_back();
    cv.stroke(outline, 6.0f, palette::map::kSelected, true);
  }
  // Hours and the orientation nicks at 12 and 6.
  if (L.hour_numerals)
    for (int h = 1; h <= 12; ++h) cv.text(std::to_string(h), L.at(h, L.radius + 40.0f) + glm::vec2(0.0f, 9.0f), 24.0f, kInk, Canvas::Align::Centre);
  for (double h : {0.0, 6.0}) {
    const glm::vec2 tip = L.at(h, L.radius - 14.0f), base_l = L.at(h - 0.12, L.radius + 2.0f), base_r = L.at(h + 0.12, L.radius + 2.0f);
    cv.fill_polygon({tip, base_l, base_r}, kInk);
  }

  // Legend and provenance.
  float ly = L.centre.y + L.radius + 70.0f;
  float lx = 40.0f;
  std::vector<MarginResult> shown{MarginResult::Clear, MarginResult::Positive, MarginResult::Close, MarginResult::Indeterminate,
                                  MarginResult::Pending};
  for (const auto& st : c.mohs->stages)  // "not examined" only where the record has it
    for (const auto& b : st.blocks)
      if ((b.peripheral == MarginResult::NotExamined || b.deep == MarginResult::NotExamined) && shown.size() == 5)
        shown.push_back(MarginResult::NotExamined);
  for (auto r : shown) {
    const std::vector<glm::vec2> swatch{{lx, ly - 16.0f}, {lx + 20.0f, ly - 16.0f}, {lx + 20.0f, ly + 4.0f}, {lx, ly + 4.0f}};
    cv.fill_polygon(swatch, result_colour(r));
    cv.stroke(swatch, 1.0f, kGrey, true);
    lx += 28.0f + cv.text(result_key(r), {lx + 28.0f, ly}, 18.0f, kInk) + 26.0f;
  }
  cv.text("outer ring: peripheral margin · inner disc: deep margin · outer arc: ink", {40.0f, ly + 30.0f}, 17.0f, kGrey);
  std::string footer = "marginviz — for illustration; the surgeon's signed map is the record";
  if (c.illustrative) footer = "Illustrative reconstruction, not patient data — " + footer;
  draw_block_table(cv, stage, L);
  cv.text(footer, {40.0f, static_cast<float>(L.height) - 22.0f}, 16.0f, kGrey);
}

MohsMapLayout save_mohs_map(const MapRequest& req, const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  const MohsMapLayout layout = MohsMapLayout::for_stage(req.c->mohs->stages.at(static_cast<size_t>(req.stage)));
  if (ext == ".png") {
    save_png(draw_mohs_map(req, layout).image(), file);
    return layout;
  }
  if (ext != ".pdf" && ext != ".svg") throw std::invalid_argument(file.string() + ": a map is written as .png, .svg or .pdf");
  Canvas cv = draw_mohs_map(req, layout, ext == ".pdf" ? Canvas::Format::Pdf : Canvas::Format::Svg);
  replace_file_durably(file, cv.finish());
  return layout;
}

}  // namespace mv::app
