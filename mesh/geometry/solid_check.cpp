#include "geometry/solid_check.hpp"

#include "geometry/vtk_polydata.hpp"

#include <vtkCellArray.h>
#include <vtkFeatureEdges.h>
#include <vtkMassProperties.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkIdList.h>
#include <vtkPolyData.h>

namespace mv {

TriangleMesh from_polydata(vtkPolyData* out) {
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
      result.triangles.push_back(
          {static_cast<std::uint32_t>(ids->GetId(0)), static_cast<std::uint32_t>(ids->GetId(1)), static_cast<std::uint32_t>(ids->GetId(2))});
  return result;
}

vtkSmartPointer<vtkPolyData> to_polydata(const TriangleMesh& mesh) {
  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();
  points->SetNumberOfPoints(static_cast<vtkIdType>(mesh.positions.size()));
  for (size_t i = 0; i < mesh.positions.size(); ++i) {
    const auto& p = mesh.positions[i];
    points->SetPoint(static_cast<vtkIdType>(i), p.x, p.y, p.z);
  }
  vtkNew<vtkCellArray> cells;
  for (const auto& t : mesh.triangles) {
    const vtkIdType ids[3] = {t[0], t[1], t[2]};
    cells->InsertNextCell(3, ids);
  }
  auto poly = vtkSmartPointer<vtkPolyData>::New();
  poly->SetPoints(points);
  poly->SetPolys(cells);
  return poly;
}

SolidCheck check_solid(const TriangleMesh& mesh) {
  SolidCheck out;
  if (mesh.empty()) return out;
  const vtkSmartPointer<vtkPolyData> poly = to_polydata(mesh);

  auto count_edges = [&](bool boundary) {
    vtkNew<vtkFeatureEdges> edges;
    edges->SetInputData(poly);
    edges->SetBoundaryEdges(boundary);
    edges->SetNonManifoldEdges(!boundary);
    edges->SetFeatureEdges(false);
    edges->SetManifoldEdges(false);
    edges->Update();
    return static_cast<std::size_t>(edges->GetOutput()->GetNumberOfLines());
  };
  out.boundary_edges = count_edges(true);
  out.non_manifold_edges = count_edges(false);

  vtkNew<vtkMassProperties> mass;
  mass->SetInputData(poly);
  mass->Update();
  out.volume_mm3 = mass->GetVolume();
  out.surface_area_mm2 = mass->GetSurfaceArea();
  return out;
}

}  // namespace mv
