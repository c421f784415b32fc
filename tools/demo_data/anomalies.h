// The anomaly planter: for every data rule of spec/rules.md, a few cases that must raise it
// (modelled on the seed articles where they tell one) and near misses planted just inside
// the line, recorded in the World's Manifest. See anomalies_projects.cc for B01–B12 and
// anomalies_people.cc for A01–A12, C01–C02 and D01.
//
// Each case is built from clean parts and bends one thing, so that it raises exactly the
// warnings listed; where one planted fact is by nature several findings (a cadre's own card
// on a poor household is both A02 and A03), all of them are listed.
#pragma once

#include <string>
#include <vector>

#include "demo_data/projects.h"
#include "demo_data/world.h"

namespace sunlight::demo {

// What the project stage leaves for the household stage.
struct PlantedProjects {
  // Counties whose contracts the planter fixed (no background projects there).
  std::vector<int> concentrated_counties;
  // B10: project ids to link planted households to, with (registered, others) counts.
  struct Links {
    std::string project_id;
    int county = 0;
    int registered = 0;
    int others = 0;
  };
  std::vector<Links> links;
};

// Adds the seed articles' projects: with `plant`, bent to raise B01–B12 (plus near misses);
// without, as clean projects. Call before ProjectBook::BuildBackground.
PlantedProjects AddSeedProjects(World& world, ProjectBook& book, bool plant);

// After the household stream: the B10 beneficiaries, and the A, C and D cases.
void PlantPeopleAnomalies(World& world, const PlantedProjects& projects);

}  // namespace sunlight::demo
