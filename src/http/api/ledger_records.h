// One record of a collection, by its interchange id, checked against the scope: 404 when no
// row has that id, 403 (audited) when rows exist but none is in the scope, else the rows.
// The order of the checks follows spec/interfaces.md: outside the jurisdiction is a 403.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "core/status.h"
#include "http/api/api_context.h"
#include "http/api/ledger_list.h"
#include "store/connection.h"

namespace sunlight::http::ledger {

struct RecordLookup {
  const CollectionSpec& spec;
  std::string_view key_expr;      // e.g. "p.payment_id"
  std::string_view not_found;     // Chinese message for 404, e.g. "支付记录不存在"
  std::string_view audit_action;  // e.g. "read.payment"; empty: not personal data
  // The key is an ID number: the audit target is masked, and the masked form a list shows
  // ("520521********1234") also finds the record (409 when it fits several people).
  bool personal_key = false;
  bool integer_key = false;  // key_expr is an integer column (ids that are not digits: 404)
};

// Every row whose key_expr = id that the scope allows (at least one), as JSON objects.
StatusOr<nlohmann::json> FetchRecords(const ApiContext& ctx, const access::Principal& who,
                                      const Request& request, store::Connection& conn,
                                      const RecordLookup& lookup, std::string_view id);

// As FetchRecords, the first row only (for collections keyed by a unique id).
StatusOr<nlohmann::json> FetchRecord(const ApiContext& ctx, const access::Principal& who,
                                     const Request& request, store::Connection& conn,
                                     const RecordLookup& lookup, std::string_view id);

// Rows of a related list inside a detail view: `sql` is run with `params` and at most
// kMaxRelatedRows rows are returned, masked for the scope.
inline constexpr int kMaxRelatedRows = 500;
StatusOr<nlohmann::json> RelatedRows(store::Connection& conn, std::string sql,
                                     std::vector<store::Value> params,
                                     const access::RecordScope& scope);

}  // namespace sunlight::http::ledger
