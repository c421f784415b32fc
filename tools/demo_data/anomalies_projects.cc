// Placeholder while the planter is written.
#include "demo_data/anomalies.h"
namespace sunlight::demo {
PlantedProjects AddSeedProjects(World&, ProjectBook&, bool) { return {}; }
void PlantPeopleAnomalies(World&, const PlantedProjects&) {}
}  // namespace sunlight::demo
