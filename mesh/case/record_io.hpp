#pragma once
// The clinical record's sections of a case file (docs/case-format.md): "histology",
// "translocation" and "surgery" (its steps in order and the closure).
#include "case/case_json.hpp"
#include "case/case_model.hpp"

namespace mv {

// Reads the three sections from the case document into `c` (each optional).
void read_record(json_reader::Reader& r, const Json& doc, Case& c);
// Writes them into `doc` (only those the case has).
void write_record(const Case& c, Json& doc);

}  // namespace mv
