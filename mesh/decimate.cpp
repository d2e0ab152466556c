#include "decimate.hpp"

#include <vtkCellArray.h>
#include <vtkIdList.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkQuadricDecimation.h>

namespace mv {

TriangleMesh decimate_for_display(const TriangleMesh& mesh, std::size_t target) {
  if (mesh.triangles.size() <= target) return mesh;
  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();
  points->SetNumberOfPoints(static_cast<vtkIdType>(mesh.positions.size()));
  for (size_t i = 0; i < mesh.positions.size(); ++i) points->SetPoint(static_cast<vtkIdType>(i), mesh.positions[i].x, mesh.positions[i].y, mesh.positions[i].z);
  vtkNew<vtkCellArray> cells;
  for (const auto& t : mesh.triangles) {
    const vtkIdType ids[3] = {t[0], t[1], t[2]};
    cells->InsertNextCell(3, ids);
  }
  vtkNew<vtkPolyData> poly;
  poly->SetPoints(points);
  poly->SetPolys(cells);
  vtkNew<vtkQuadricDecimation> dec;
  dec->SetInputData(poly);
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
