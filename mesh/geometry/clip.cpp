#include "geometry/clip.hpp"

#include <vtkClipClosedSurface.h>
#include <vtkNew.h>
#include <vtkPlane.h>
#include <vtkPlaneCollection.h>
#include <vtkPolyData.h>
#include <vtkTriangleFilter.h>

#include "geometry/vtk_polydata.hpp"

namespace mv {

TriangleMesh clip_closed(const TriangleMesh& solid, const std::vector<ClipPlane>& planes) {
  vtkNew<vtkPlaneCollection> collection;
  for (const auto& p : planes) {
    vtkNew<vtkPlane> plane;
    plane->SetOrigin(p.origin.x, p.origin.y, p.origin.z);
    plane->SetNormal(p.normal.x, p.normal.y, p.normal.z);
    collection->AddItem(plane);
  }
  vtkNew<vtkClipClosedSurface> clip;
  clip->SetInputData(to_polydata(solid));
  clip->SetClippingPlanes(collection);
  clip->GenerateFacesOn();
  vtkNew<vtkTriangleFilter> triangles;  // the caps come as polygons
  triangles->SetInputConnection(clip->GetOutputPort());
  triangles->Update();
  return from_polydata(triangles->GetOutput());
}

}  // namespace mv
