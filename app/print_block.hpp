#pragma once
// The counselling model to print (issue 14): a block of the tissue layers around the lesion at 1:1,
// 2 cm beyond the largest measurement on every side and down past the tumour and the fascia, with a
// flat base; each layer cut by the block's faces and capped (closed), the tumour whole beside them.
// `export FILE.3mf` and the GUI's File → Export model to print write it.
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "case_session.hpp"

namespace mv::app {

struct PrintBody {
  std::string name;
  TriangleMesh mesh;
  std::array<float, 4> colour;
};
std::vector<PrintBody> printable_block(const CaseSession& session);
// Writes the block as 3MF; returns the number of bodies.
size_t write_printable_block(const CaseSession& session, const std::filesystem::path& file);

}  // namespace mv::app
