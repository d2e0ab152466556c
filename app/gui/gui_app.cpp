// The desktop app: a GLFW window with the 3D view filling it and a sidebar of ImGui panels. This
// file is the loop and the window's chrome (menus, sidebar, status bar); what it delegates:
// FrameScheduler (when to draw), DocumentSync (edits into the geometry), Dialogs (open, save,
// quit, messages), ViewInput (the mouse over the view), ViewFrame (the 3D frame), TestHooks.
#include "gui_app.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <future>
#include <iostream>
#include <utility>

#include <epoxy/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "case/case_io.hpp"
#include "dialogs.hpp"
#include "document_sync.hpp"
#include "file_browser.hpp"
#include "frame_scheduler.hpp"
#include "glfw_window.hpp"
#include "gui_colours.hpp"
#include "gui_state.hpp"
#include "help_overlay.hpp"
#include "image.hpp"
#include "paths.hpp"
#include "png_file.hpp"
#include "renderer.hpp"
#include "settings_store.hpp"
#include "sidebar.hpp"
#include "test_hooks.hpp"
#include "report/case_report.hpp"
#include "morph_animation.hpp"
#include "print_block.hpp"
#include "report/handout_pdf.hpp"
#include "report/report_export.hpp"
#include "text_format.hpp"
#include "view_frame.hpp"
#include "view_input.hpp"
#include "work_keeper.hpp"

namespace mv::app {
namespace {

struct Window : GlfwWindow {
  // Sized to the remembered size, or to the monitor's work area (a 1366×768 laptop included),
  // never larger than the work area, so the whole window and its status bar stay on screen.
  explicit Window(const Settings& settings)
      : GlfwWindow(1280, 720, true, "no display for the desktop app (is DISPLAY set?). Headless use: marginviz render CASE -o out.png") {
    glfwSwapInterval(1);
    int x = 0, y = 0, w = 0, h = 0;
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(m, &x, &y, &w, &h);
    if (w <= 0 || h <= 0) return;
    int want_w = settings.window_w > 0 ? settings.window_w : w, want_h = settings.window_h > 0 ? settings.window_h : h;
    want_w = std::clamp(want_w, std::min(640, w), w);
    want_h = std::clamp(want_h, std::min(480, h), h);
    glfwSetWindowSize(handle, want_w, want_h);
    glfwSetWindowPos(handle, x + (w - want_w) / 2, y + (h - want_h) / 2);
  }
};

class GuiApp {
 public:
  GuiApp(Window& w, AnatomyLibrary& library, const std::filesystem::path& case_path, Settings settings)
      : window_(w),
        state_(library),
        sync_(state_, library),
        view_frame_(font_file()),
        after_frame_(font_file()),
        settings_(std::move(settings)),
        dialogs_(state_, settings_, keeper_, sync_.scan(), [this](const std::filesystem::path& p) { return open_case(p); }),
        view_input_(state_, view_frame_, [this](std::string m) { dialogs_.say(std::move(m)); }),
        hooks_(TestHooks::from_environment()) {
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window_.handle, &sx, &sy);
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float fb_ratio = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    // The 3D view works in framebuffer pixels (scale_); ImGui in window units, which the platform
    // already scales on macOS and Wayland (fb_ratio > 1), so ImGui gets only what is left.
    scale_ = std::max(1.0f, sx);
    imgui_scale_ = std::max(1.0f, sx / fb_ratio);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    // Latin-1 plus the punctuation and symbols our messages use: — ≤ ≥ → ± − ≈ ·.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x2212, 0x2212, 0x2248, 0x2248, 0x2264, 0x2265, 0};
    io.Fonts->AddFontFromFileTTF(font_file().c_str(), 16.0f * imgui_scale_, nullptr, ranges);
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.ScaleAllSizes(imgui_scale_);
    glfwSetWindowUserPointer(window_.handle, this);
    install_callbacks();
    ImGui_ImplGlfw_InitForOpenGL(window_.handle, true);
    // The widget active when an edit is recorded, held since the last frame (a click that just
    // moved focus is not the same gesture as the typing before it).
    state_.doc.set_active_widget([] {
      const ImGuiContext& g = *ImGui::GetCurrentContext();
      return g.ActiveId != 0 && g.ActiveId == g.ActiveIdPreviousFrame ? static_cast<unsigned>(g.ActiveId) : 0u;
    });
    ImGui_ImplOpenGL3_Init("#version 330 core");
    state_.upload_texture = [](const render::Image& image, unsigned texture) {
      if (!texture) glGenTextures(1, &texture);
      glBindTexture(GL_TEXTURE_2D, texture);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
      glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
      return texture;
    };
    state_.delete_texture = [](unsigned texture) { glDeleteTextures(1, &texture); };
    if (const std::string why = open_case(case_path); !why.empty()) {
      // The requested file could not be opened: say why, over the demo case.
      if (const std::string demo_why = open_case(demo_case_path()); !demo_why.empty()) throw std::runtime_error(why + "\n" + demo_why);
      dialogs_.say("Could not open " + case_path.string() + " — showing the bundled demo case instead.\n" + why);
    }
    schedule_.wake();
  }

  ~GuiApp() {
    int w = 0, h = 0;
    glfwGetWindowSize(window_.handle, &w, &h);
    settings_.window_w = w, settings_.window_h = h;
    save_settings(settings_, settings_file());
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }

  // Runs the app. A clean exit removes the autosave; if anything escapes, unsaved edits are
  // autosaved first, and the next start offers them.
  int run_keeping_work() {
    try {
      const int rc = run();
      keeper_.discard();
      return rc;
    } catch (const std::exception& e) {
      if (state_.doc.dirty()) {
        const std::string kept = keeper_.keep_now(state_.doc);
        throw std::runtime_error(std::string(e.what()) +
                                 (kept.empty() ? "\nUnsaved edits could not be kept: " + keeper_.problem()
                                               : "\nUnsaved edits were kept in " + kept + "; marginviz offers them at its next start."));
      }
      keeper_.discard();  // saved or discarded work must not be offered again at the next start
      throw;
    }
  }

  int run() {
    while (!glfwWindowShouldClose(window_.handle)) {
      // Nothing to do, the app sleeps until an event: no frame is drawn while nothing changes.
      // It wakes each second for the autosave (FrameScheduler says when to draw).
      if (const double wait = schedule_.wait_s(glfwGetTime(), busy()); wait > 0.0) glfwWaitEventsTimeout(wait);
      else
        glfwPollEvents();
      const std::string problem_before = keeper_.problem();
      keeper_.tick(state_.doc, glfwGetTime());
      if (keeper_.problem() != problem_before) schedule_.wake();
      if (idle_check_due()) break;
      if (!schedule_.take_frame(glfwGetTime(), busy())) continue;
      draw_and_show();
      if (dialogs_.message() != shown_message_) shown_message_ = dialogs_.message(), schedule_.wake();  // raised in a frame of its own
      if (quit_now_ || dialogs_.quit_confirmed()) break;
    }
    return 0;
  }

 private:
  // Frames needed whatever the events: a scan being read (its progress), an edit waiting for it,
  // a blinking text cursor, the test and benchmark hooks.
  bool busy() const {
    return sync_.scan().running() || sync_.edits_waiting() || ImGui::GetIO().WantTextInput || !hooks_.screenshot.empty() || hooks_.first_frame ||
           orbit_frames_left_ > 0;
  }

  void draw_and_show() {
    try {
      sync_.apply_edits();
    } catch (const std::exception& e) {
      state_.geometry_problem = std::string("Could not update the view: ") + e.what() + " — your edits are kept.";
    }
    if (auto file = std::exchange(state_.open_request, std::nullopt)) dialogs_.request_open(*file);
    update_title();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    state_.begin_frame(ImGui::GetCurrentContext()->ActiveId);
    state_.view.highlight_stage = state_.view.highlight_block = -1;
    view_input_.hover_block(view_area());
    draw_ui();
    handle_keys();
    view_input_.handle_mouse(view_area());
    orbit_step();
    ImGui::Render();
    draw_frame();
    run_hooks_after_frame();
    glfwSwapBuffers(window_.handle);
    if (hooks_.first_frame) {
      // Benchmark hook (scripts/bench.sh): when the first frame reached the screen, then quit.
      glFinish();
      std::cerr << "marginviz: first frame at "
                << std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count() << " us\n";
      quit_now_ = true;
    }
  }

  // Test hooks: the actions after the first frame; the whole window, panels included, after the
  // sixth, then quit.
  void run_hooks_after_frame() {
    if (hooks_.screenshot.empty()) return;
    if (++frames_ == 1)
      for (const auto& a : hooks_.actions) apply_test_action(a, {state_, sync_, help_, about_, settings_.sidebar_shown});
    if (frames_ == 6) {
      int fb_w = 0, fb_h = 0;
      glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
      save_png(render::read_framebuffer(0, fb_w, fb_h), hooks_.screenshot);
      quit_now_ = true;
    }
  }

  // Test hook (MARGINVIZ_GUI_IDLE_CHECK=S): once the start's frames are drawn, counts the frames
  // drawn in the next S seconds with nobody touching the app, prints them and quits. Expected: none.
  bool idle_check_due() {
    if (hooks_.idle_check_s <= 0.0) return false;
    const double now = glfwGetTime();
    if (!idle_from_ && schedule_.settled(busy()) && now > 1.0) idle_from_ = std::pair{now, schedule_.frames_drawn()};
    if (!idle_from_ || now - idle_from_->first < hooks_.idle_check_s) return false;
    std::cerr << "marginviz: " << schedule_.frames_drawn() - idle_from_->second << " frames drawn in " << now - idle_from_->first
              << " s while idle\n";
    return true;
  }

  // Benchmark hook (MARGINVIZ_GUI_ORBIT_FRAMES=N): orbits the camera a step every frame, as a
  // left-drag does, for N frames; prints the frame rate and quits.
  void orbit_step() {
    if (orbit_frames_left_ <= 0) return;
    if (!orbit_started_) orbit_started_ = glfwGetTime();
    state_.camera.orbit({6.0f, 0.0f});
    schedule_.moved(glfwGetTime());
    if (--orbit_frames_left_ == 0) {
      const double s = glfwGetTime() - *orbit_started_;
      std::cerr << "marginviz: orbit of " << hooks_.orbit_frames << " frames in " << s << " s = " << hooks_.orbit_frames / s
                << " fps (moving resolution scale " << view_frame_.moving_scale() << ")\n";
      quit_now_ = true;
    }
  }

  static GuiApp& of(GLFWwindow* h) { return *static_cast<GuiApp*>(glfwGetWindowUserPointer(h)); }
  static void wake_window(GLFWwindow* h) { of(h).schedule_.wake(); }
  // Every input, resize or expose wakes the loop for a few frames (ImGui chains the callbacks it
  // installs after these).
  void install_callbacks() {
    glfwSetCursorPosCallback(window_.handle, [](GLFWwindow* h, double, double) { wake_window(h); });
    glfwSetScrollCallback(window_.handle, [](GLFWwindow* h, double, double) { wake_window(h); });
    glfwSetKeyCallback(window_.handle, [](GLFWwindow* h, int, int, int, int) { wake_window(h); });
    glfwSetCharCallback(window_.handle, [](GLFWwindow* h, unsigned) { wake_window(h); });
    glfwSetWindowFocusCallback(window_.handle, [](GLFWwindow* h, int) { wake_window(h); });
    glfwSetCursorEnterCallback(window_.handle, [](GLFWwindow* h, int) { wake_window(h); });
    glfwSetFramebufferSizeCallback(window_.handle, [](GLFWwindow* h, int, int) { wake_window(h); });
    glfwSetWindowRefreshCallback(window_.handle, wake_window);
    // The press's own time decides a double click.
    glfwSetMouseButtonCallback(window_.handle, [](GLFWwindow* h, int button, int action, int) {
      wake_window(h);
      if (button != GLFW_MOUSE_BUTTON_LEFT || action != GLFW_PRESS) return;
      double x = 0.0, y = 0.0;
      glfwGetCursorPos(h, &x, &y);
      of(h).view_input_.press(glfwGetTime(), x, y);
    });
    glfwSetWindowCloseCallback(window_.handle, [](GLFWwindow* h) {
      wake_window(h);  // the question is asked on the next frame: draw it
      if (!of(h).dialogs_.may_close()) glfwSetWindowShouldClose(h, GLFW_FALSE);
    });
  }

  // Opens a case (at start, from a dialog, a recent file or a panel): the ruler of the last case
  // goes, the file goes to the top of the recent list (written when the app closes).
  std::string open_case(const std::filesystem::path& path) {
    std::string why = sync_.open_case(path);
    if (why.empty()) view_input_.stop_ruler(), settings_.add_recent(path);
    return why;
  }

  void quit() {
    if (dialogs_.may_close()) glfwSetWindowShouldClose(window_.handle, GLFW_TRUE);
  }

  void update_title() {
    const std::string title =
        "marginviz — " + state_.doc.working().case_id + (state_.doc.dirty() ? " *" : "") + " (" + state_.doc.path().filename().string() + ")";
    if (title != title_) glfwSetWindowTitle(window_.handle, title.c_str()), title_ = title;
  }

  ViewArea view_area() const {
    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    glfwGetWindowSize(window_.handle, &win_w, &win_h);
    const float px = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
    return {sidebar_width_, menu_height_, status_height_, static_cast<float>(win_w), static_cast<float>(win_h), px};
  }

  void draw_ui() {
    draw_menu_bar();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float top = ImGui::GetFrameHeight();
    menu_height_ = top;
    status_height_ = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
    draw_status_bar(vp);
    if (state_.counselling) draw_counselling(vp, top);
    else if (settings_.sidebar_shown)
      draw_sidebar(vp, top);
    else
      sidebar_width_ = 0.0f;
    view_input_.draw_decorations(view_area(), imgui_scale_);
    draw_help_overlay(help_, imgui_scale_);
    draw_about(about_, imgui_scale_);
    dialogs_.draw(imgui_scale_);
  }

  void draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
      if (ImGui::MenuItem("Open...", "Ctrl+O")) dialogs_.request_open();
      if (ImGui::BeginMenu("Open recent", !settings_.recent.empty())) {
        for (size_t i = 0; i < settings_.recent.size(); ++i) {
          ImGui::PushID(static_cast<int>(i));
          if (ImGui::MenuItem(settings_.recent[i].filename().string().c_str())) dialogs_.request_open(settings_.recent[i]);
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", settings_.recent[i].string().c_str());
          ImGui::PopID();
        }
        ImGui::EndMenu();
      }
      if (ImGui::BeginMenu("Open a bundled case")) {
        for (const auto& e : FileBrowser::list(asset_dir() / "cases"))
          if (!e.folder && ImGui::MenuItem(e.name.c_str())) dialogs_.request_open(asset_dir() / "cases" / e.name);
        ImGui::EndMenu();
      }
      if (ImGui::MenuItem("Save", "Ctrl+S")) dialogs_.save(state_.doc.path());
      if (ImGui::MenuItem("Save As...", "Ctrl+Shift+S")) dialogs_.show_save_as();
      if (ImGui::MenuItem("Import surface scan...")) dialogs_.import_scan();
      if (ImGui::MenuItem("Screenshot", "F12")) state_.screenshot_requested = true;
      if (ImGui::MenuItem("Export report (PDF)")) state_.report_requested = true;
      if (ImGui::MenuItem("Export handout for the patient (PDF)")) state_.handout_requested = true;
      if (ImGui::MenuItem("Export animation (GIF)", nullptr, false, state_.doc.working().measurements.size() > 1)) state_.animation_requested = true;
      if (ImGui::MenuItem("Export model to print (3MF)")) state_.print_requested = true;
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "The case report for the chart, next to the case file: measurements, response, the surgery in order\nwith each "
            "stage's map, the final defect, the plan shown (or saved) with its chance, and the pictures.");
      ImGui::Separator();
      if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit();
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
      if (ImGui::MenuItem("Undo", "Ctrl+Z", false, state_.doc.can_undo())) state_.doc.undo();
      if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z / Ctrl+Y", false, state_.doc.can_redo())) state_.doc.redo();
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
      if (ImGui::MenuItem("Sidebar", "Tab", settings_.sidebar_shown)) settings_.sidebar_shown = !settings_.sidebar_shown;
      if (ImGui::MenuItem("Reset this view", "R")) state_.camera_reset_requested = true;
      ImGui::Separator();
      for (int k = 0; k < 6; ++k)
        if (ImGui::MenuItem(preset_name(static_cast<ViewPreset>(k)), kPresetKeys[k])) state_.camera.view_from(static_cast<ViewPreset>(k));
      ImGui::Separator();
      if (ImGui::MenuItem("Ruler", "M", view_input_.ruler_mode())) view_input_.toggle_ruler();
      if (ImGui::MenuItem("Counselling view", "C", state_.counselling))
        state_.counselling = !state_.counselling, state_.camera_reset_requested = true;
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
      if (ImGui::MenuItem("Keys and mouse", "H, F1")) help_ = true;
      if (ImGui::MenuItem("About marginviz")) about_ = true;
      ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
  }

  // Resizable by its right edge; its width is remembered.
  void draw_sidebar(const ImGuiViewport* vp, float top) {
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + top));
    ImGui::SetNextWindowSize(ImVec2(settings_.sidebar_width * imgui_scale_, vp->Size.y - top - status_height_), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(280.0f * imgui_scale_, 0.0f), ImVec2(std::max(300.0f, vp->Size.x * 0.6f), FLT_MAX));
    ImGui::Begin("sidebar", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
    const float w = ImGui::GetWindowWidth();
    if (std::abs(w - settings_.sidebar_width * imgui_scale_) > 0.5f) settings_.sidebar_width = w / imgui_scale_;
    sidebar_width_ = w;
    if (sync_.scan().running()) {
      ImGui::TextWrapped("Reading the surface scan %s", state_.doc.working().anatomy ? state_.doc.working().anatomy->mesh.c_str() : "");
      ImGui::ProgressBar(sync_.scan().progress(), ImVec2(-FLT_MIN, 0.0f));
    }
    for (const auto& note : state_.session.notes()) {
      ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kNote));
      ImGui::TextWrapped("%s", note.c_str());
      ImGui::PopStyleColor();
    }
    for (const std::string* problem : {static_cast<const std::string*>(&state_.geometry_problem), &keeper_.problem()}) {
      if (problem->empty()) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kProblem));
      ImGui::TextWrapped("%s", problem->c_str());
      ImGui::PopStyleColor();
    }
    draw_sidebar_panels(state_);
    ImGui::End();
  }

  // The counselling view shows before and after side by side, unless it plays the change, shows
  // the whole body, or the case has one measurement.
  bool side_by_side() const {
    return state_.counselling && state_.counsel_side_by_side && state_.counsel_play_start < 0.0 && state_.view.mode != ViewMode::Body &&
           state_.session.current_case().measurements.size() > 1;
  }

  // The counselling view: the patient's panel, 45% of the window, in place of the editing panels.
  void draw_counselling(const ImGuiViewport* vp, float top) {
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + top));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x * 0.45f, vp->Size.y - top - status_height_), ImGuiCond_Always);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.02f, 0.02f, 0.03f, 1.0f));  // high contrast
    ImGui::Begin("counselling", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
    sidebar_width_ = ImGui::GetWindowWidth();
    draw_counselling_panel(state_, glfwGetTime());
    if (state_.counsel_play_start >= 0.0) glfwPostEmptyEvent();  // keep drawing while it plays
    ImGui::End();
    ImGui::PopStyleColor();
  }

  // The disclaimer, always on screen, and the last status note.
  void draw_status_bar(const ImGuiViewport* vp) {
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - status_height_));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, status_height_));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 3.0f));
    ImGui::Begin("status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::TextDisabled("For illustration, counselling and teaching — not for clinical decisions.%s",
                        state_.doc.working().illustrative ? " Illustrative case, not patient data." : "");
    if (!state_.status.empty()) {
      ImGui::SameLine();
      ImGui::TextUnformatted(("   " + state_.status).c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state_.status.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
  }

  // The app's keys (the view's mouse is ViewInput's); the same list is in shortcuts.cpp.
  void handle_keys() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureKeyboard) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_R, false)) state_.camera_reset_requested = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_H, false) || ImGui::IsKeyPressed(GLFW_KEY_F1, false)) help_ = !help_;
    if (ImGui::IsKeyPressed(GLFW_KEY_TAB, false)) settings_.sidebar_shown = !settings_.sidebar_shown;
    if (ImGui::IsKeyPressed(GLFW_KEY_M, false)) view_input_.toggle_ruler();
    if (ImGui::IsKeyPressed(GLFW_KEY_C, false) && !io.KeyCtrl) state_.counselling = !state_.counselling, state_.camera_reset_requested = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && view_input_.ruler_mode()) view_input_.toggle_ruler();
    for (int k = 0; k < 6; ++k)
      if (!io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_1 + k, false)) state_.camera.view_from(static_cast<ViewPreset>(k));
    if (io.KeyCtrl && io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_S, false)) dialogs_.show_save_as();
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) state_.screenshot_requested = true;
    if (io.KeyCtrl && !io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_S, false)) dialogs_.save(state_.doc.path());
    if (io.KeyCtrl && !io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) state_.doc.undo();
    if (io.KeyCtrl && ((io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) || ImGui::IsKeyPressed(GLFW_KEY_Y, false))) state_.doc.redo();
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) dialogs_.request_open();
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) quit();
  }

  void draw_frame() {
    const ViewArea area = view_area();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window_.handle, &fb_w, &fb_h);
    const int view_x = static_cast<int>(area.left * area.px);
    const int view_w = std::max(1, fb_w - view_x);
    const int status_px = static_cast<int>(area.bottom * area.px);
    const int view_h = std::max(1, fb_h - static_cast<int>(area.top * area.px) - status_px);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(palette::kWindow[0], palette::kWindow[1], palette::kWindow[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    // Dragging, wheeling or editing: the view draws fast (lower resolution, coarse anatomy) and
    // refines once it has been still for a moment. Moving means the camera changed while dragged
    // or wheeled, or a control is being dragged; a mouse passing over the panels is not (the view
    // is then shown again as it was); a jump of the camera (reset, a preset, a re-centre) is drawn
    // at full quality at once.
    ImGuiIO& io = ImGui::GetIO();
    const bool camera_moved = !(state_.camera.camera() == last_camera_);
    const bool dragging = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle) || io.MouseWheel != 0.0f ||
                          orbit_started_.has_value();
    if ((camera_moved && dragging) || (ImGui::IsAnyItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left))) schedule_.moved(glfwGetTime());
    last_camera_ = state_.camera.camera();
    const bool moving = schedule_.moving_quality(glfwGetTime(), fb_h > 0);
    if (fb_h > 0) {
      try {
        if (side_by_side()) {
          // Before and after treatment, one camera: turning one turns both.
          const TimePoint shown = state_.session.time();
          const int half = view_w / 2;
          state_.session.set_time({size_t{0}, 1.0});
          view_frame_.draw(state_.session, state_.view, state_.camera.camera(), half, view_h, 0, {moving, scale_, view_x, status_px});
          state_.session.set_time({state_.session.current_case().measurements.size() - 1, 1.0});
          after_frame_.draw(state_.session, state_.view, state_.camera.camera(), view_w - half, view_h, 0,
                            {moving, scale_, view_x + half, status_px});
          state_.session.set_time(shown);
        } else {
          view_frame_.draw(state_.session, state_.view, state_.camera.camera(), view_w, view_h, 0, {moving, scale_, view_x, status_px});
        }
      } catch (const std::exception& e) {
        if (render_problem_.empty()) dialogs_.say(std::string("The 3D view could not be drawn: ") + e.what());
        render_problem_ = e.what();
      }
      if (state_.screenshot_requested) {
        state_.screenshot_requested = false;
        screenshot(view_w, view_h);
      }
      export_documents();
    }
    glViewport(0, 0, fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }

  // Where exports go: next to the case file (the folder the case came from).
  std::filesystem::path export_folder() const {
    return !state_.doc.path().empty()       ? state_.doc.path().parent_path()
           : !settings_.last_folder.empty() ? settings_.last_folder
                                            : std::filesystem::current_path();
  }

  // Writes one of the File → Export documents beside the case as `<case id><suffix>`; `write`
  // returns what the status bar adds after the path. With `refuse_with_errors`, nothing is written
  // while the case has errors (the session still holds the last valid case, not the one shown).
  void export_beside(const std::string& suffix, const std::string& what, bool refuse_with_errors,
                     const std::function<std::string(const std::filesystem::path&)>& write) {
    const std::filesystem::path out = export_folder() / (state_.doc.working().case_id + suffix);
    if (refuse_with_errors)
      for (const Issue& i : state_.doc.issues())
        if (i.severity == Severity::Error) {
          dialogs_.say("The " + what + " is not written while the case has errors (" + i.text() +
                       "): it would show another case than the one shown.");
          return;
        }
    try {
      sync_.apply_edits();
      const std::string detail = write(out);
      view_frame_.redraw_next();  // the renderer may have drawn the document's pictures in between
      state_.status = capitalised(what) + " saved: " + std::filesystem::absolute(out).string() + " (" + detail + ")";
      std::cerr << "marginviz: " << state_.status << "\n";
    } catch (const std::exception& e) {
      dialogs_.say("The " + what + " could not be written: " + e.what());
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
  }
  static std::string capitalised(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
  }

  // The File → Export documents, as the CLI writes them (report --format pdf, handout, animate, export .3mf).
  void export_documents() {
    if (std::exchange(state_.report_requested, false))
      export_beside("-report.pdf", "report", true, [&](const std::filesystem::path& out) {
        ReportRequest request{shown_plan(state_), &view_frame_.renderer(), "", {}};
        for (const Issue& i : state_.doc.issues())
          if (i.severity == Severity::Warning) request.warnings.push_back(i.text());
        for (const auto& note : state_.session.notes()) request.warnings.push_back(note);
        return std::to_string(write_report_pdf(state_.session, request, out).pages) + " pages";
      });
    if (std::exchange(state_.handout_requested, false))
      export_beside("-handout.pdf", "handout", true, [&](const std::filesystem::path& out) {
        const HandoutWritten written = write_handout_pdf(state_.session, shown_plan(state_), &view_frame_.renderer(), out);
        return std::to_string(written.pages) + " pages, reading grade " + fixed(written.grade, 1);
      });
    if (std::exchange(state_.animation_requested, false))
      export_beside("-morph.gif", "animation", false, [&](const std::filesystem::path& out) {
        const ViewMode mode = state_.view.mode == ViewMode::Section ? ViewMode::Section : ViewMode::ThreeD;
        return std::to_string(write_morph_gif(state_.session, view_frame_.renderer(), mode, 800, 500, 3.0, out)) + " frames";
      });
    if (std::exchange(state_.print_requested, false))
      export_beside("-print.3mf", "model to print", false, [&](const std::filesystem::path& out) {
        return std::to_string(write_printable_block(state_.session, out)) + " closed bodies, mm";
      });
  }

  // F12: the 3D view without the panels, at the view's pixel size.
  void screenshot(int w, int h) {
    if (!view_frame_.has_scene()) return;  // the view could not be drawn (said already)
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    // Next to the case file (the folder the case came from), named by the case id and the time.
    const std::filesystem::path out = export_folder() / (state_.doc.working().case_id + "-" + stamp + ".png");
    try {
      render::OffscreenTarget target(w, h);
      render::RenderOptions options;
      options.samples = 4;
      options.ui_scale = scale_;
      view_frame_.renderer().render(view_frame_.scene(), w, h, target.fbo(), options);
      view_frame_.redraw_next();  // the renderer's last frame is now the screenshot
      save_png(target.read(), out);
      state_.status = "Screenshot saved: " + std::filesystem::absolute(out).string();
    } catch (const std::exception& e) {
      dialogs_.say(std::string("Screenshot failed: ") + e.what());
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
  }

  static constexpr const char* kPresetKeys[6] = {"1", "2", "3", "4", "5", "6"};
  Window& window_;
  GuiState state_;
  DocumentSync sync_;
  ViewFrame view_frame_;
  ViewFrame after_frame_;  // the counselling view's right half: after treatment, the same camera
  WorkKeeper keeper_{autosave_dir()};
  Settings settings_;
  Dialogs dialogs_;
  ViewInput view_input_;
  FrameScheduler schedule_;
  TestHooks hooks_;
  float scale_ = 1.0f, imgui_scale_ = 1.0f;
  float sidebar_width_ = 430.0f, menu_height_ = 0.0f, status_height_ = 0.0f;
  bool help_ = false, about_ = false, quit_now_ = false;
  std::string title_;
  std::string shown_message_;   // the dialog's message as of the last frame
  std::string render_problem_;  // reported once, not every frame
  render::Camera last_camera_;  // the camera of the last frame
  int frames_ = 0;              // frames drawn under MARGINVIZ_GUI_SCREENSHOT
  std::optional<std::pair<double, long>> idle_from_;
  int orbit_frames_left_ = hooks_.orbit_frames;
  std::optional<double> orbit_started_;
};

}  // namespace

int run_gui(const std::filesystem::path& case_path) {
  // The case's anatomy is read on a worker while the window and OpenGL start (each ~0.2 s);
  // opening the case then finds it in the library. Any problem is reported by the real open.
  AnatomyLibrary library(anatomy_dir());
  auto preload = std::async(std::launch::async, [&] {
    try {
      const CaseLoad load = load_case_file(case_path);
      if (load.value && !load.value->anatomy) library.get(load.value->site, load.value->tissue);
    } catch (const std::exception&) {
    }
  });
  Settings settings = load_settings(settings_file());
  Window window(settings);  // if it throws, the preload's future waits for the worker as it is destroyed
  preload.wait();
  GuiApp app(window, library, case_path, std::move(settings));
  return app.run_keeping_work();
}

}  // namespace mv::app
