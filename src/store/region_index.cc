// RegionIndex: loading the table into sorted numeric keys, and lookups.
#include "store/region_index.h"

#include <algorithm>
#include <memory>

#include "core/region_code.h"
#include "store/statement.h"

namespace sunlight::store {

namespace {

constexpr std::array<int, 6> kLengthOfLevel = {0, 2, 4, 6, 9, 12};

int LevelOfLength(std::size_t length) {
  for (int level = 1; level <= 5; ++level) {
    if (static_cast<std::size_t>(kLengthOfLevel[level]) == length) return level;
  }
  return 0;
}

constexpr std::uint64_t Pow10(int exponent) {
  std::uint64_t value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

}  // namespace

std::optional<RegionIndex::Key> RegionIndex::KeyOf(std::string_view code) {
  int level = LevelOfLength(code.size());
  if (level == 0) return std::nullopt;
  std::uint64_t number = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + static_cast<std::uint64_t>(c - '0');
  }
  number *= Pow10(12 - static_cast<int>(code.size()));
  return number * 8 + static_cast<Key>(level);
}

std::string RegionIndex::CodeOf(Key key) {
  int length = kLengthOfLevel[static_cast<std::size_t>(LevelOf(key))];
  std::uint64_t number = (key / 8) / Pow10(12 - length);
  std::string code(static_cast<std::size_t>(length), '0');
  for (int pos = length - 1; pos >= 0 && number > 0; --pos) {
    code[static_cast<std::size_t>(pos)] = static_cast<char>('0' + number % 10);
    number /= 10;
  }
  return code;
}

StatusOr<RegionIndex> RegionIndex::Load(Connection& conn) {
  // Sized first: grown by doubling, the 665 276 entries of the national table were copied
  // about twice over, and once more to shrink them, a third of the load that every import
  // waits for before its first row. Names average under 16 bytes.
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet count, conn.Query("SELECT COUNT(*) FROM regions"));
  const auto rows = static_cast<std::size_t>(count.at(0, 0).AsInteger());
  RegionIndex index;
  index.entries_.reserve(rows);
  index.names_.reserve(rows * 16);
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Statement> select,
                            conn.Prepare("SELECT code, name, parent_code FROM regions"));
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool has_row, select->Step());
    if (!has_row) break;
    std::string_view code = select->ColumnText(0);
    std::optional<Key> key = KeyOf(code);
    std::optional<Key> parent_key = select->column_type(2) == ValueType::kNull
                                        ? std::optional<Key>(kNoKey)
                                        : KeyOf(select->ColumnText(2));
    if (!key || !parent_key) {
      return DataLossError("区划表中有格式错误的代码：" + std::string(code), "bad_region_row");
    }
    std::string_view name = select->ColumnText(1);
    index.entries_.push_back({*key, *parent_key, static_cast<std::uint32_t>(index.names_.size()),
                              static_cast<std::uint32_t>(name.size())});
    index.names_.append(name);
    ++index.count_by_level_[static_cast<std::size_t>(LevelOf(*key))];
  }
  std::sort(index.entries_.begin(), index.entries_.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  index.names_.shrink_to_fit();
  return index;
}

std::size_t RegionIndex::CountAtLevel(int level) const {
  return level >= 1 && level <= 5 ? count_by_level_[static_cast<std::size_t>(level)] : 0;
}

const RegionIndex::Entry* RegionIndex::FindEntry(Key key) const {
  auto found = std::lower_bound(entries_.begin(), entries_.end(), key,
                                [](const Entry& entry, Key value) { return entry.key < value; });
  return found != entries_.end() && found->key == key ? &*found : nullptr;
}

Region RegionIndex::ToRegion(const Entry& entry) const {
  Region region;
  region.code = CodeOf(entry.key);
  region.name = names_.substr(entry.name_offset, entry.name_size);
  region.level = LevelOf(entry.key);
  if (entry.parent_key != kNoKey) region.parent_code = CodeOf(entry.parent_key);
  return region;
}

bool RegionIndex::Contains(std::string_view code) const {
  std::optional<Key> key = KeyOf(code);
  return key && FindEntry(*key) != nullptr;
}

std::optional<Region> RegionIndex::Find(std::string_view code) const {
  std::optional<Key> key = KeyOf(code);
  if (!key) return std::nullopt;
  const Entry* entry = FindEntry(*key);
  if (entry == nullptr) return std::nullopt;
  return ToRegion(*entry);
}

StatusOr<Region> RegionIndex::Resolve(std::string_view code) const {
  SUNLIGHT_ASSIGN_OR_RETURN(RegionCode parsed, RegionCode::Parse(code));
  for (const std::string& candidate : parsed.CandidateForms()) {
    if (std::optional<Region> region = Find(candidate)) return *std::move(region);
  }
  return NotFoundError("区划代码 " + parsed.CandidateForms().front() + " 不存在",
                       "region_not_found");
}

}  // namespace sunlight::store
