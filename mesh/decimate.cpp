#include "decimate.hpp"

#include "vtk_polydata.hpp"

#include <vtkCellArray.h>
#include <vtkIdList.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkQuadricDecimation.h>

namespace mv {

TriangleMesh decimate_for_display(const TriangleMesh& mesh, std::size_t target) {
  if (mesh.triangles.size() <= target) return mesh;
  vtkNew<vtkQuadricDecimation> dec;
  dec->SetInputData(to_polydata(mesh));
  dec->SetTargetReduction(1.0 - static_cast<double>(target) / static_cast<double>(mesh.triangles.size()));
  dec->VolumePreservationOn();
  dec->Update();
  vtkPolyData* out = dec->GetOutput();
  TriangleMesh result;
  result.positions.reserve(static_cast<size_t>(out->GetNumberOfPoints()));
  for (vtkIdType i = 0; i < out->GetNumberOfPoints(); ++i) {
    double p[3];
    out->GetPoint(i, p);
    result.positions.push_back({p[0], p[1], p[2]});
  }
  vtkNew<vtkIdList> ids;
  vtkCellArray* polys = out->GetPolys();
  polys->InitTraversal();
  while (polys->GetNextCell(ids))
    if (ids->GetNumberOfIds() == 3)
      result.triangles.push_back({static_cast<std::uint32_t>(ids->GetId(0)), static_cast<std::uint32_t>(ids->GetId(1)), static_cast<std::uint32_t>(ids->GetId(2))});
  return result;
}

}  // namespace mv
