#pragma once
#include <functional>
#include <optional>

#include <imgui.h>
#include <string>

#include "camera_controller.hpp"
#include "case_document.hpp"
#include "case_session.hpp"
#include "image.hpp"
#include "clinical/metrics.hpp"
#include "clinical/teaching.hpp"
#include "scene_assembly.hpp"
#include "clinical/spread/mohs_simulator.hpp"

namespace mv::app {

// What the panels share: the document being edited, its geometry, the view and camera.
struct GuiState {
  explicit GuiState(AnatomyLibrary& library) : session(library) {}
  ~GuiState();  // gives the map's texture back (delete_texture)
  GuiState(const GuiState&) = delete;
  GuiState& operator=(const GuiState&) = delete;
  CaseDocument doc;
  CaseSession session;
  ViewSettings view;
  CameraController camera;
  std::optional<CaseMetrics> metrics;
  std::string geometry_problem;  // why the edited case cannot be shown (the last good one stays)
  TimePoint time;                // timeline position: a measurement, or a fraction between them
  bool time_changed = false;
  bool camera_reset_requested = false;
  bool screenshot_requested = false;
  bool report_requested = false;     // File → Export report: written at the next frame, in the GL context
  bool handout_requested = false;    // File → Export handout: likewise
  bool animation_requested = false;  // File → Export animation: likewise
  bool print_requested = false;      // File → Export model to print (3MF)
  bool counselling = false;          // the counselling view: the patient's panel in place of the editing ones (C)
  double counsel_play_start = -1.0;  // when "Play the change" was pressed (glfwGetTime), or -1
  bool counsel_side_by_side = true;  // before | after in two halves of the view (else the one shown)
  int mohs_stage = 0;                // the stage whose map the Mohs panel shows
  int popup_block = -1;              // block whose context menu is open on the map
  unsigned map_texture = 0;          // GL texture of the map drawing (0: none yet)
  // Uploads an image as a texture (replacing `old` when not 0) and returns it; the GUI sets it,
  // the headless panel tests leave it empty (no OpenGL).
  std::function<unsigned(const render::Image&, unsigned old)> upload_texture;
  std::function<void(unsigned)> delete_texture;
  std::string map_key;                                // what the texture shows, to redraw only on change
  std::string status;                                 // a one-line note for the user (e.g. where a PNG went)
  std::string focus_panel;                            // open this sidebar panel and close the others, once
  std::optional<std::filesystem::path> open_request;  // a panel asks to open this case (unsaved work is asked about first)
  bool place_by_click = false;                        // the next click on the skin places the lesion
  bool per_sector = false;                            // planning: a margin per clock hour rather than one for all
  bool teaching = false;                              // teaching mode: the chances and envelopes stay hidden until the reveal
  std::uint64_t next_seed = 1;                        // teaching: the next hidden tumour
  TeachingTally tally;                                // teaching: the session's scenarios on this case
  // Planning: "what Mohs surgery might take" for a protocol the user sets (not part of the case).
  struct MohsOutlook {
    spread::MohsProtocol protocol;
    std::string key;                                          // the inputs `result` was simulated for
    std::shared_ptr<const spread::ClearanceSampler> sampler;  // and the case's model it was simulated on
    std::optional<spread::MohsSimulation> result;
  } outlook;
  // Another case was opened or recovered: nothing of the previous case's teaching, plan view or
  // Mohs selection carries over.
  void case_replaced();
  // At the start of every frame, before the panels: the widget being dragged or typed in (0: none;
  // its changes, frame after frame, are one undo step), and teaching stays blind until the reveal
  // whether or not its panel is drawn.
  void begin_frame(unsigned active_widget);
};

// "Next stage over open margins": appends the next stage and selects it on the map; false when no
// margin is open (nothing changes). The caller records the edit.
bool add_next_stage(GuiState& s);

// The plan a case without one starts from (2 cm to the fascia, from the pre-treatment outline).
SavedPlan default_plan();
// Takes the shown case's plan into the view (after each change of the shown case); keeps the seed.
void sync_plan(GuiState& s);

// The sidebar's panels, each given only what it shows and edits. A panel edits the document
// (recorded as undo steps) or the view, and asks the app for what it cannot do itself (a camera
// reset, a screenshot, the next click on the skin, a time on the timeline).
void draw_case_panel(CaseDocument& doc, bool& place_by_click, bool& camera_reset_requested);
void draw_measurements_panel(CaseDocument& doc);
void draw_timeline_panel(const CaseSession& session, TimePoint& time, bool& time_changed);
void draw_view_panel(ViewSettings& view, CaseSession& session, bool& camera_reset_requested, bool& screenshot_requested);
void draw_metrics_panel(const Case* shown, const std::optional<CaseMetrics>& metrics);  // shown: the case on screen
// The Mohs and planning panels edit the document, the view, the map's texture and the teaching
// session together: they take the whole state.
void draw_mohs_panel(GuiState& s);
void draw_plan_panel(GuiState& s);
void draw_mohs_outlook(GuiState& s, const PlannedExcision& plan);  // inside the plan panel

// Red text for each issue (errors) or amber (warnings), wrapped to the panel.
void draw_issue_lines(const std::vector<Issue>& issues);
// The plan the exported documents and the counselling view show: the planning view's, or else
// the one saved with the case, or none.
std::optional<PlanRequest> shown_plan(const GuiState& s);
// The counselling view's panel (counselling_panel.cpp); `now_s` drives "Play the change".
void draw_counselling_panel(GuiState& s, double now_s);
void section_heading(const char* text);            // a spaced, dimmed heading with a rule
void caption(const char* fmt, ...) IM_FMTARGS(1);  // dimmed text wrapped to the panel: never cut off

}  // namespace mv::app
