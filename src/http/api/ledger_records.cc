#include "http/api/ledger_records.h"

#include <charconv>
#include <set>
#include <string>

#include "http/api/ledger_handler.h"
#include "http/api/ledger_json.h"
#include "http/api/ledger_masking.h"
#include "store/result_set.h"

namespace sunlight::http::ledger {

StatusOr<nlohmann::json> FetchRecords(const ApiContext& ctx, const access::Principal& who,
                                      const Request& request, store::Connection& conn,
                                      const RecordLookup& lookup, std::string_view id) {
  const CollectionSpec& spec = lookup.spec;
  store::Value key{id};
  if (lookup.integer_key) {
    int64_t number = 0;
    auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), number);
    if (ec != std::errc() || end != id.data() + id.size()) {
      return NotFoundError(std::string(lookup.not_found), "not_found");
    }
    key = store::Value(number);
  }
  // A person's record may be asked for by the masked number a list showed: '*' stands for
  // one hidden character (LIKE's '_'), so the lookup can be ambiguous (409).
  const bool masked = lookup.personal_key && id.find('*') != std::string_view::npos;
  std::string op = " = ?";
  if (masked) {
    std::string pattern(id);
    for (char& c : pattern) {
      if (c == '*') {
        c = '_';
      } else if (!((c >= '0' && c <= '9') || c == 'X' || c == 'x')) {
        return NotFoundError(std::string(lookup.not_found), "not_found");
      }
    }
    key = store::Value(pattern);
    op = " LIKE ?";
  }
  // Audit records never hold a full ID number.
  const std::string audit_target = lookup.personal_key ? MaskIdNumber(id) : std::string(id);

  std::string select = spec.select + ", " + std::string(lookup.key_expr) + " AS _key";
  for (size_t i = 0; i < spec.region_exprs.size(); ++i) {
    select += ", " + std::string(spec.region_exprs[i]) + " AS _region_" + std::to_string(i);
  }
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rows,
                            conn.Query("SELECT " + select + " FROM " + std::string(spec.from) +
                                           " WHERE " + std::string(lookup.key_expr) + op +
                                           " ORDER BY " + std::string(spec.order_by_id),
                                       {key}));
  if (rows.empty()) return NotFoundError(std::string(lookup.not_found), "not_found");

  nlohmann::json allowed = nlohmann::json::array();
  const size_t first_region = rows.columns().size() - spec.region_exprs.size();
  const size_t key_column = first_region - 1;
  std::set<std::string> keys;
  const bool scope_empty = who.scope.region_prefixes.empty();
  for (size_t r = 0; r < rows.size(); ++r) {
    bool visible = spec.region_exprs.empty() && !scope_empty;
    for (size_t i = 0; i < spec.region_exprs.size() && !visible; ++i) {
      visible = who.scope.Allows(rows.at(r, first_region + i).AsText());
    }
    if (!visible) continue;
    allowed.push_back(RowJson(rows, r, who.scope));
    keys.insert(rows.at(r, key_column).AsText());
  }
  if (allowed.empty()) {
    if (ctx.audit && !lookup.audit_action.empty()) {
      ctx.audit(who, request, lookup.audit_action, audit_target, "outside_jurisdiction");
    }
    return OutsideJurisdiction();
  }
  if (keys.size() > 1) {
    return FailedPreconditionError("有多条记录符合该脱敏号码，请使用完整号码查询",
                                   "ambiguous_masked_id");
  }
  if (ctx.audit && !lookup.audit_action.empty()) {
    ctx.audit(who, request, lookup.audit_action, audit_target, "ok");
  }
  return allowed;
}

StatusOr<nlohmann::json> FetchRecord(const ApiContext& ctx, const access::Principal& who,
                                     const Request& request, store::Connection& conn,
                                     const RecordLookup& lookup, std::string_view id) {
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json rows, FetchRecords(ctx, who, request, conn, lookup, id));
  return rows.at(0);
}

StatusOr<nlohmann::json> RelatedRows(store::Connection& conn, std::string sql,
                                     std::vector<store::Value> params,
                                     const access::RecordScope& scope) {
  sql += " LIMIT ?";
  params.emplace_back(int64_t{kMaxRelatedRows});
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rows, conn.Query(sql, params));
  return RowsJson(rows, scope);
}

}  // namespace sunlight::http::ledger
