#pragma once
// The one conversion from our meshes to VTK's, for the VTK filters we use (internal to mesh/).
#include <vtkSmartPointer.h>

#include "geometry/triangle_mesh.hpp"

class vtkPolyData;

namespace mv {

vtkSmartPointer<vtkPolyData> to_polydata(const TriangleMesh& mesh);
// Its triangles back (other cells dropped).
TriangleMesh from_polydata(vtkPolyData* polydata);

}  // namespace mv
