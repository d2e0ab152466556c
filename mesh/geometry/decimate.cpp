#include "geometry/decimate.hpp"

#include <algorithm>
#include <cmath>

#include <glm/glm.hpp>
#include <vtkCellArray.h>
#include <vtkIdList.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkQuadricClustering.h>

#include "geometry/vtk_polydata.hpp"

namespace mv {

TriangleMesh decimate_for_display(const TriangleMesh& mesh, std::size_t target) {
  if (mesh.triangles.size() <= target) return mesh;
  double area = 0.0;
  for (const auto& t : mesh.triangles)
    area += 0.5 * glm::length(glm::cross(mesh.positions[t[1]] - mesh.positions[t[0]], mesh.positions[t[2]] - mesh.positions[t[0]]));
  glm::dvec3 lo(mesh.positions.front()), hi(lo);
  for (const auto& p : mesh.positions) lo = glm::min(lo, p), hi = glm::max(hi, p);
  const glm::dvec3 box = hi - lo;
  // One output vertex per grid cell the surface crosses, about 1.6 triangles per cell area on
  // smooth surfaces: cells of sqrt(3 A / target) land under the target. The grid is dense (VTK keeps
  // a quadric per cell), so it is never finer than 8 million cells.
  double cell = std::max(std::sqrt(3.0 * area / static_cast<double>(target)), std::cbrt(box.x * box.y * box.z / 8e6));
  if (!(cell > 0.0) || !std::isfinite(cell)) return mesh;  // no area to speak of: drawn as it is
  const vtkSmartPointer<vtkPolyData> input = to_polydata(mesh);
  for (int attempt = 0; attempt < 10; ++attempt, cell *= 1.25) {  // coarser until it fits
    vtkNew<vtkQuadricClustering> clustering;
    clustering->SetInputData(input);
    clustering->AutoAdjustNumberOfDivisionsOff();
    clustering->SetDivisionOrigin(lo.x - cell, lo.y - cell, lo.z - cell);
    clustering->SetDivisionSpacing(cell, cell, cell);
    clustering->Update();
    TriangleMesh result = from_polydata(clustering->GetOutput());
    if (result.triangles.empty()) break;
    if (result.triangles.size() <= target) return result;
  }
  return mesh;  // clustering could not make a lighter copy: drawn as it is
}

}  // namespace mv
