// The pairing tables and the division-table loader (see geography.h).
#include "demo_data/geography.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/division_table.h"

namespace sunlight::demo {

const std::vector<RegionSpec>& Regions() {
  static const std::vector<RegionSpec> regions = {
      // Provinces.
      {"11", "北京市", ""},
      {"12", "天津市", ""},
      {"13", "河北省", ""},
      {"31", "上海市", ""},
      {"33", "浙江省", ""},
      {"35", "福建省", ""},
      {"37", "山东省", ""},
      {"42", "湖北省", ""},
      {"44", "广东省", ""},
      {"50", "重庆市", ""},
      {"52", "贵州省", ""},
      {"53", "云南省", ""},
      {"62", "甘肃省", ""},
      {"64", "宁夏回族自治区", ""},
      // Cities and prefectures.
      {"1306", "保定市", "13"},
      {"3301", "杭州市", "33"},
      {"3501", "福州市", "35"},
      {"3502", "厦门市", "35"},
      {"3702", "青岛市", "37"},
      {"3708", "济宁市", "37"},
      {"4228", "恩施州", "42"},
      {"4401", "广州市", "44"},
      {"5205", "毕节市", "52"},
      {"5226", "黔东南州", "52"},
      {"5227", "黔南州", "52"},
      {"5307", "丽江市", "53"},
      {"6210", "庆阳市", "62"},
      {"6211", "定西市", "62"},
      {"6212", "陇南市", "62"},
      {"6229", "临夏州", "62"},
      {"6230", "甘南州", "62"},
      {"6401", "银川市", "64"},
  };
  return regions;
}

const std::vector<HelperSpec>& Helpers() {
  static const std::vector<HelperSpec> helpers = {
      {"4401", "广州市", "44", "440112", NameStyle::kCantonese, "广州市东西部扶贫协作资金", "援黔",
       4, 2019, 2},
      {"350212", "厦门市同安区", "3502", "350212", NameStyle::kMinnan, "同安区东西部扶贫协作资金",
       "援甘", 0, 0, 0},
      {"310110", "上海市杨浦区", "31", "310110", NameStyle::kWu, "上海市对口帮扶资金", "援滇", 11,
       2019, 3},
      {"330102", "杭州市上城区", "3301", "330102", NameStyle::kWu, "上城区东西部扶贫协作资金", "",
       0, 0, 0},
      {"120104", "天津市南开区", "12", "120104", NameStyle::kHanNorth, "南开区对口支援资金", "", 0,
       0, 0},
      {"11", "北京市", "", "110105", NameStyle::kHanNorth, "北京市对口帮扶资金", "", 0, 0, 0},
      {"35", "福建省", "", "350102", NameStyle::kMinnan, "福建省闽宁协作资金", "援宁", 0, 0, 0},
      {"3702", "青岛市", "37", "370202", NameStyle::kShandong, "青岛市东西部扶贫协作资金", "", 0, 0,
       0},
      {"3708", "济宁市", "37", "370811", NameStyle::kShandong, "济宁市鲁渝扶贫协作资金", "", 0, 0,
       0},
      {"3501", "福州市", "35", "350102", NameStyle::kMinnan, "福州市东西部扶贫协作资金", "", 0, 0,
       0},
  };
  return helpers;
}

const std::vector<CountySpec>& Counties() {
  static const std::vector<CountySpec> counties = {
      {"520502", "七星关区", "5205", NameStyle::kBijie, 6, true},        // 0
      {"520521", "大方县", "5205", NameStyle::kBijie, 7, true},          // 1
      {"520581", "黔西市", "5205", NameStyle::kBijie, 5, true},          // 2
      {"520525", "纳雍县", "5205", NameStyle::kBijie, 6, true},          // 3
      {"520526", "威宁县", "5205", NameStyle::kBijie, 10, true},         // 4
      {"520527", "赫章县", "5205", NameStyle::kBijie, 7, true},          // 5
      {"522732", "三都县", "5227", NameStyle::kQiannan, 4, false},       // 6
      {"522722", "荔波县", "5227", NameStyle::kQiannan, 2, false},       // 7
      {"622922", "康乐县", "6229", NameStyle::kHui, 4, true},            // 8
      {"530724", "宁蒗县", "5307", NameStyle::kYiLiangshan, 4, true},    // 9
      {"522634", "雷山县", "5226", NameStyle::kMiao, 3, false},          // 10
      {"422828", "鹤峰县", "4228", NameStyle::kTujia, 3, true},          // 11
      {"623027", "夏河县", "6230", NameStyle::kTibetan, 2, true},        // 12
      {"621021", "庆城县", "6210", NameStyle::kHanNorthwest, 3, true},   // 13
      {"621022", "环县", "6210", NameStyle::kHanNorthwest, 4, true},     // 14
      {"130624", "阜平县", "1306", NameStyle::kHanNorth, 3, true},       // 15
      {"640121", "永宁县", "6401", NameStyle::kHui, 2, true},            // 16
      {"621202", "武都区", "6212", NameStyle::kHanNorthwest, 4, true},   // 17
      {"621223", "宕昌县", "6212", NameStyle::kHanNorthwest, 3, true},   // 18
      {"621226", "礼县", "6212", NameStyle::kHanNorthwest, 3, true},     // 19
      {"500101", "重庆市万州区", "50", NameStyle::kChongqing, 5, true},  // 20
      {"621123", "渭源县", "6211", NameStyle::kHanNorthwest, 3, true},   // 21
  };
  return counties;
}

const std::vector<PairingSpec>& Pairings() {
  // Start dates: the round of cooperation (广州–毕节/黔南 from September 2016, per seed 002);
  // agreement dates: when the two commissions set up joint supervision (广州–毕节 at the
  // end of 2018, per seed 002). Days not given by the articles are plausible, not quoted.
  static const std::vector<PairingSpec> pairings = {
      {"GZ-BJ", 0, "5205", "毕节市", 2016, 9, 1, 2018, 12, 20, {0, 1, 2, 3, 4, 5}},
      {"GZ-QN", 0, "5227", "黔南州", 2016, 9, 1, 2018, 9, 26, {6, 7}},
      {"TA-KL", 1, "622922", "康乐县", 2016, 10, 18, 2019, 4, 16, {8}},
      {"YP-NL", 2, "530724", "宁蒗县", 2017, 3, 1, 2019, 8, 5, {9}},
      {"SC-LS", 3, "522634", "雷山县", 2016, 12, 6, 2019, 3, 12, {10}},
      {"SC-HF", 3, "422828", "鹤峰县", 2017, 4, 10, 2019, 6, 18, {11}},
      {"NK-XH", 4, "623027", "夏河县", 2016, 11, 20, 2019, 5, 22, {12}},
      {"NK-QC", 4, "621021", "庆城县", 2016, 11, 20, 2019, 5, 22, {13}},
      {"NK-HX", 4, "621022", "环县", 2016, 11, 20, 2019, 5, 22, {14}},
      {"BJ-FP", 5, "130624", "阜平县", 2016, 6, 1, 2019, 9, 10, {15}},
      {"FJ-YN", 6, "640121", "永宁县", 1996, 11, 1, 2019, 7, 15, {16}},
      {"QD-LN", 7, "6212", "陇南市", 2016, 12, 1, 2019, 10, 9, {17, 18, 19}},
      {"JN-WZ", 8, "500101", "重庆市万州区", 2017, 1, 1, 2019, 11, 20, {20}},
      {"FZ-DX", 9, "6211", "定西市", 2016, 12, 1, 2019, 12, 3, {21}},
  };
  return pairings;
}

int CountyIndex(std::string_view code) {
  const auto& counties = Counties();
  for (size_t i = 0; i < counties.size(); ++i) {
    if (counties[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

const PairingSpec& PairingOfCounty(int county) {
  for (const PairingSpec& pairing : Pairings()) {
    if (std::find(pairing.counties.begin(), pairing.counties.end(), county) !=
        pairing.counties.end()) {
      return pairing;
    }
  }
  return Pairings().front();  // unreachable: every county is in a pairing
}

std::vector<int> Geography::RuralTownships(int county) const {
  std::vector<int> rural;
  const auto [first, last] = county_townships[static_cast<size_t>(county)];
  for (int t = first; t < last; ++t) {
    const std::string& name = townships[static_cast<size_t>(t)].name;
    const std::string_view tail =
        std::string_view(name).substr(name.size() >= 3 ? name.size() - 3 : 0);
    if (tail == "乡" || tail == "镇") rural.push_back(t);
  }
  if (rural.empty()) {
    for (int t = first; t < last; ++t) rural.push_back(t);
  }
  return rural;
}

int Geography::FindVillage(std::string_view code) const {
  auto it = std::lower_bound(villages.begin(), villages.end(), code,
                             [](const Village& v, std::string_view c) { return v.code < c; });
  return it != villages.end() && it->code == code ? static_cast<int>(it - villages.begin()) : -1;
}

int Geography::FindTownship(std::string_view code) const {
  auto it = std::lower_bound(townships.begin(), townships.end(), code,
                             [](const Township& t, std::string_view c) { return t.code < c; });
  return it != townships.end() && it->code == code ? static_cast<int>(it - townships.begin()) : -1;
}

StatusOr<Geography> LoadGeography(const std::filesystem::path& dist_dir) {
  // Every code the tables name, to check that the division table knows it.
  std::set<std::string, std::less<>> wanted;
  for (const RegionSpec& region : Regions()) wanted.emplace(region.code);
  for (const HelperSpec& helper : Helpers()) {
    wanted.emplace(helper.code);
    wanted.emplace(helper.person_prefix);
  }
  for (const CountySpec& county : Counties()) wanted.emplace(county.code);
  std::set<std::string, std::less<>> found;

  Geography geo;
  auto county_of = [](std::string_view code) { return CountyIndex(code.substr(0, 6)); };
  Status status = ReadDivisions(dist_dir, [&](const DivisionRow& row) -> Status {
    if (row.level <= 3) {
      if (wanted.count(row.code) > 0) found.insert(row.code);
      return Status::Ok();
    }
    const int county = county_of(row.code);
    if (county < 0) return Status::Ok();
    if (row.level == 4) {
      geo.townships.push_back({row.code, row.name, county});
    } else {
      geo.villages.push_back({row.code, row.name, 0, county});
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  for (const std::string& code : wanted) {
    if (found.count(code) == 0) {
      return NotFoundError("区划代码表中找不到演示数据所需的区划 " + code, "demo_region_missing");
    }
  }

  auto by_code = [](const auto& a, const auto& b) { return a.code < b.code; };
  std::sort(geo.townships.begin(), geo.townships.end(), by_code);
  std::sort(geo.villages.begin(), geo.villages.end(), by_code);
  for (Village& village : geo.villages) {
    village.township = geo.FindTownship(std::string_view(village.code).substr(0, 9));
  }

  const int county_count = static_cast<int>(Counties().size());
  geo.county_villages.assign(county_count, {0, 0});
  geo.county_townships.assign(county_count, {0, 0});
  auto ranges = [county_count](const auto& rows, std::vector<std::pair<int, int>>& out) {
    for (int c = 0; c < county_count; ++c) {
      auto first =
          std::find_if(rows.begin(), rows.end(), [c](const auto& r) { return r.county == c; });
      auto last = std::find_if(first, rows.end(), [c](const auto& r) { return r.county != c; });
      out[c] = {static_cast<int>(first - rows.begin()), static_cast<int>(last - rows.begin())};
    }
  };
  ranges(geo.villages, geo.county_villages);
  ranges(geo.townships, geo.county_townships);
  for (int c = 0; c < county_count; ++c) {
    if (geo.county_villages[c].first == geo.county_villages[c].second) {
      return NotFoundError("区划代码表中 " + std::string(Counties()[c].code) + " 没有村级区划",
                           "demo_region_missing");
    }
  }
  return geo;
}

namespace {

constexpr std::array<std::string_view, 16> kEthnicWords = {
    "布依族", "仡佬族", "蒙古族", "土家族", "东乡族", "彝族", "苗族", "白族",
    "回族",   "满族",   "水族",   "侗族",   "瑶族",   "藏族", "壮族", "黎族"};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string ShortTownshipName(std::string_view name) {
  for (std::string_view kind : {"乡", "镇"}) {
    if (!EndsWith(name, kind)) continue;
    std::string_view stem = name.substr(0, name.size() - kind.size());
    bool stripped = true;
    while (stripped) {
      stripped = false;
      for (std::string_view word : kEthnicWords) {
        if (EndsWith(stem, word) && stem.size() > word.size()) {
          stem.remove_suffix(word.size());
          stripped = true;
        }
      }
    }
    return std::string(stem) + std::string(kind);
  }
  return std::string(name);
}

std::string ShortVillageName(std::string_view name) {
  for (std::string_view suffix : {"村民委员会", "村委会"}) {
    if (EndsWith(name, suffix)) {
      std::string stem(name.substr(0, name.size() - suffix.size()));
      if (!EndsWith(stem, "村")) stem += "村";
      return stem;
    }
  }
  for (std::string_view suffix : {"居民委员会", "居委会"}) {
    if (EndsWith(name, suffix)) return std::string(name.substr(0, name.size() - suffix.size()));
  }
  return std::string(name);
}

}  // namespace sunlight::demo
