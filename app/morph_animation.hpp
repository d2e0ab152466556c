#pragma once
// The tumour morphing from the first measurement to the last, as an animated GIF: one camera (the
// one framing the first, largest measurement), 15 frames a second; the same from the CLI
// (`animate`) and the GUI (File → Export animation).
#include <filesystem>

#include "case_session.hpp"
#include "renderer.hpp"
#include "scene_assembly.hpp"

namespace mv::app {

inline constexpr double kMorphFps = 15.0;

// The renderer's OpenGL context must be current. Returns the frame count; the session's time is
// left where it was. Replaces `file` durably.
int write_morph_gif(CaseSession& session, render::Renderer& renderer, ViewMode mode, int width, int height, double seconds,
                    const std::filesystem::path& file);

}  // namespace mv::app
