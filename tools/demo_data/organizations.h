// Organisations, officials and dispatched cadres of both sides of every pairing.
//
// Helper side: the city's (district's, province's) 纪委监委, 协作办, 财政局, 审计局, 巡察办,
// 农业农村局, 人社局, 教育局, and a 前方指挥部 in each recipient region. Recipient side: the
// province's and city's 纪委监委 and, in every county, its government and 纪委监委, a
// stationed group, 乡村振兴局, 财政局, 审计局, 巡察办 and the project owners (农业农村局,
// 教育局, 交通运输局, 水务局, 人社局, 林业局, 卫生健康局). Townships and village committees
// are added as households come to live in them (World::UseVillage).
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"
#include "demo_data/world.h"

namespace sunlight::demo {

// Writes pairings.csv and the organisations and officials described above.
[[nodiscard]] Status BuildOrganizations(World& world);

// How a dispatched cadre's integrity archive looks.
struct ArchivePlan {
  bool present = true;
  Date created;
  Date last_updated;
};

// Writes a dispatched_cadres.csv row (and its archive, if any) for a new person from helper
// `helper`, hosted by `host_org_id`; returns the person.
Person AddDispatchedCadre(World& world, Rng& rng, int helper, std::string_view home_org_id,
                          std::string_view host_org_id, std::string_view host_position, Date start,
                          std::optional<Date> end, const ArchivePlan& archive);

// The background cadres of every pairing: in post with an archive updated within the last
// 170 days, or gone before as-of.
void BuildDispatchedCadres(World& world);

}  // namespace sunlight::demo
