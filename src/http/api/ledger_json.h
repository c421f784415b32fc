// Ledger rows as API JSON. Every row the ledger API sends goes through RowJson, which masks
// by column name (ledger_masking.h), so a new query cannot leak a number by forgetting to.
//
//   column (as the query names it)                         JSON
//   id_number, *_id_number, payee_id, holder_id            masked ID number
//   *_account, account_no                                  masked account number
//   payee_name, holder_name, member_name, head_name        name as the scope allows
//   amount, budget, standard_amount, subsidy_amount        renamed <name>_fen (integer fen)
//   params (JSON text)                                     parsed JSON
//   evidence                                               left out (ledger_evidence.h)
//   _anything (internal, e.g. _region_0)                   left out
//   anything else                                          the value as is
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "store/result_set.h"

namespace sunlight::http::ledger {

// One row of `rows` as a JSON object, masked for `scope`.
nlohmann::json RowJson(const store::ResultSet& rows, std::size_t row_idx,
                       const access::RecordScope& scope);

// Every row, as a JSON array.
nlohmann::json RowsJson(const store::ResultSet& rows, const access::RecordScope& scope);

// Whether a column of this name holds an ID number or an account number (masked by RowJson).
bool IsPersonalNumberColumn(std::string_view column);

}  // namespace sunlight::http::ledger
