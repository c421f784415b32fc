#include "supervision/cases.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/clues.h"
#include "supervision/four_forms.h"
#include "supervision/list_query.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::optional<std::int64_t> OptionalId(const store::Value& v) {
  if (v.is_null()) return std::nullopt;
  return v.AsInteger();
}

constexpr std::string_view kCaseColumns =
    "id, number, title, clue_id, org_id, region_code, state, filed_on, decided_on, created_by, "
    "created_at, updated_at";

CaseRecord ReadCase(const store::Row& row) {
  CaseRecord c;
  c.id = row[0].AsInteger();
  c.number = row[1].AsText();
  c.title = row[2].AsText();
  c.clue_id = OptionalId(row[3]);
  c.org_id = row[4].AsText();
  c.region_code = row[5].AsText();
  c.state = row[6].AsText();
  c.filed_on = row[7].AsText();
  c.decided_on = row[8].AsText();
  c.created_by = row[9].AsText();
  c.created_at = row[10].AsText();
  c.updated_at = row[11].AsText();
  return c;
}

constexpr std::string_view kOutcomeColumns =
    "id, case_id, person_name, id_number, org_id, region_code, category, measure, form, "
    "decided_on, deciding_body, created_by, created_at";

OutcomeRecord ReadOutcome(const store::Row& row) {
  OutcomeRecord o;
  o.id = row[0].AsInteger();
  o.case_id = OptionalId(row[1]);
  o.person_name = row[2].AsText();
  o.id_number = row[3].AsText();
  o.org_id = row[4].AsText();
  o.region_code = row[5].AsText();
  o.category = row[6].AsText();
  o.measure = row[7].AsText();
  o.form = static_cast<int>(row[8].AsInteger());
  o.decided_on = row[9].AsText();
  o.deciding_body = row[10].AsText();
  o.created_by = row[11].AsText();
  o.created_at = row[12].AsText();
  return o;
}

}  // namespace

const StateMachine& CaseMachine() {
  static const StateMachine kMachine("case",
                                     {{"filed", "立案"},
                                      {"investigating", "审查调查"},
                                      {"trial", "审理"},
                                      {"decided", "作出处理决定"},
                                      {"appeal", "申诉"}},
                                     {{"filed", "investigating"},
                                      {"investigating", "trial"},
                                      {"trial", "decided"},
                                      {"decided", "appeal"},
                                      {"appeal", "decided"}});
  return kMachine;
}

StatusOr<FiledCase> FileCase(store::Connection& conn, const Actor& actor, const NewCase& draft) {
  if (Blank(draft.title)) return InvalidArgumentError("请填写案件名称", "title_required");
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  std::string org_id = draft.org_id.empty() ? actor.org_id : draft.org_id;
  std::string region = draft.region_code;
  if (draft.clue_id) {
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet rs,
        conn.Query("SELECT handling_org_id, region_code FROM clues WHERE id = ?",
                   {*draft.clue_id}));
    if (rs.empty()) return NotFoundError("线索不存在", "clue_not_found");
    if (rs.at(0, 0).AsText() != org_id) {
      return PermissionDeniedError("该线索不由本机关承办，不能据此立案", "clue_not_owned");
    }
    if (region.empty()) region = rs.at(0, 1).AsText();
  }
  if (Blank(org_id)) return InvalidArgumentError("请指定立案机关", "org_required");
  if (Blank(region)) return InvalidArgumentError("请指定案件所涉地区", "region_required");
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t seq,
                            NextRecordNumber(conn, "case", org_id, draft.filed_on.year()));
  FiledCase filed;
  filed.number = fmt::format("{}-AJ-{}-{:04d}", org_id, draft.filed_on.year(), seq);
  const std::string now = store::TimestampNow();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("INSERT INTO cases(number, title, clue_id, org_id, region_code, state, "
                 "filed_on, created_by, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, 'filed', ?, ?, ?, ?) RETURNING id",
                 {filed.number, draft.title,
                  draft.clue_id ? store::Value(*draft.clue_id) : store::Value(nullptr), org_id,
                  region, draft.filed_on.ToString(), actor.login, now, now}));
  filed.id = rs.at(0, 0).AsInteger();
  nlohmann::json details = {{"number", filed.number}};
  if (draft.clue_id) {
    details["clue_id"] = *draft.clue_id;
    SUNLIGHT_RETURN_IF_ERROR(MarkClueCase(conn, actor, *draft.clue_id, filed.id));
  }
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "case", filed.id, "", "filed", actor, "立案", details.dump()));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return filed;
}

Status AdvanceCase(store::Connection& conn, const Actor& actor, std::int64_t case_id,
                   std::string_view to, std::string_view reason, Date on) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT state FROM cases WHERE id = ?", {case_id}));
  if (rs.empty()) return NotFoundError("案件不存在", "case_not_found");
  const std::string from = rs.at(0, 0).AsText();
  SUNLIGHT_RETURN_IF_ERROR(CaseMachine().Check(from, to));
  const std::string now = store::TimestampNow();
  if (to == "decided") {
    SUNLIGHT_RETURN_IF_ERROR(
        conn.Execute("UPDATE cases SET state = ?, decided_on = ?, updated_at = ? WHERE id = ?",
                     {to, on.ToString(), now, case_id}));
  } else {
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute("UPDATE cases SET state = ?, updated_at = ? WHERE id = ?",
                                          {to, now, case_id}));
  }
  const nlohmann::json details = {{"on", on.ToString()}};
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, "case", case_id, from, to, actor,
                                       Blank(reason) ? CaseMachine().Label(to) : reason,
                                       details.dump()));
  return tx.Commit();
}

StatusOr<OutcomeRecord> RecordOutcome(store::Connection& conn, const Actor& actor,
                                      const OutcomeDraft& draft) {
  SUNLIGHT_ASSIGN_OR_RETURN(MeasureInfo measure, FindMeasure(draft.category, draft.measure));
  if (Blank(draft.person_name))
    return InvalidArgumentError("请填写被处理人姓名", "person_required");
  if (Blank(draft.deciding_body)) {
    return InvalidArgumentError("请填写作出决定的机关", "deciding_body_required");
  }
  if (!draft.case_id && !measure.outside_case) {
    return InvalidArgumentError(fmt::format("“{}”须在案件中作出，请先立案", draft.measure),
                                "case_required");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  std::string org_id = draft.org_id;
  std::string region = draft.region_code;
  std::string case_state;
  if (draft.case_id) {
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet rs,
        conn.Query("SELECT state, region_code FROM cases WHERE id = ?", {*draft.case_id}));
    if (rs.empty()) return NotFoundError("案件不存在", "case_not_found");
    case_state = rs.at(0, 0).AsText();
    if (case_state != "decided" && case_state != "appeal") {
      return FailedPreconditionError(fmt::format("案件当前为“{}”，作出处理决定后才能登记处理结果",
                                                 CaseMachine().Label(case_state)),
                                     "case_not_decided");
    }
    if (region.empty()) region = rs.at(0, 1).AsText();
  }
  if (Blank(org_id)) return InvalidArgumentError("请填写被处理人所在单位", "org_required");
  if (Blank(region)) return InvalidArgumentError("请指定所涉地区", "region_required");
  const std::string now = store::TimestampNow();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query(
          "INSERT INTO case_outcomes(case_id, person_name, id_number, org_id, "
          "region_code, category, measure, form, decided_on, deciding_body, created_by, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {draft.case_id ? store::Value(*draft.case_id) : store::Value(nullptr), draft.person_name,
           draft.id_number, org_id, region, draft.category, draft.measure, measure.form,
           draft.decided_on.ToString(), draft.deciding_body, actor.login, now}));
  const std::int64_t id = rs.at(0, 0).AsInteger();
  const nlohmann::json details = {{"outcome_id", id},
                                  {"category", draft.category},
                                  {"measure", draft.measure},
                                  {"form", measure.form}};
  if (draft.case_id) {
    // The case stays where it is: the event says an outcome was added to it.
    SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, "case", *draft.case_id, case_state, case_state,
                                         actor, "登记处理结果：" + draft.measure, details.dump()));
  } else {
    SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, "outcome", id, "", "decided", actor,
                                         "登记处理结果：" + draft.measure, details.dump()));
  }
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return LoadOutcome(conn, id);
}

StatusOr<std::int64_t> RecordCaseRecovery(store::Connection& conn, const Actor& actor,
                                          std::int64_t case_id, std::string_view kind,
                                          std::int64_t amount_fen, Date recovered_on,
                                          std::string_view note) {
  if (kind != "refund" && kind != "recovery") {
    return InvalidArgumentError("追缴类型应为 refund（清退）或 recovery（追缴）",
                                "bad_recovery_kind");
  }
  if (amount_fen <= 0) return InvalidArgumentError("金额须大于零", "bad_amount");
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT state FROM cases WHERE id = ?", {case_id}));
  if (rs.empty()) return NotFoundError("案件不存在", "case_not_found");
  const std::string state = rs.at(0, 0).AsText();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query("INSERT INTO recoveries(source_type, source_id, kind, amount_fen, "
                 "recovered_on, note, created_by, created_at) "
                 "VALUES ('case', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {case_id, kind, amount_fen, recovered_on.ToString(), note, actor.login,
                  store::TimestampNow()}));
  const std::int64_t id = inserted.at(0, 0).AsInteger();
  const nlohmann::json details = {{"recovery_id", id}, {"kind", kind}, {"amount_fen", amount_fen}};
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, "case", case_id, state, state, actor,
                                       kind == "refund" ? "清退资金" : "追缴资金", details.dump()));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<OutcomeRecord> LoadOutcome(store::Connection& conn, std::int64_t outcome_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT " + std::string(kOutcomeColumns) + " FROM case_outcomes WHERE id = ?",
                 {outcome_id}));
  if (rs.empty()) return NotFoundError("处理结果不存在", "outcome_not_found");
  return ReadOutcome(rs.row(0));
}

StatusOr<CaseRecord> LoadCase(store::Connection& conn, std::int64_t case_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT " + std::string(kCaseColumns) + " FROM cases WHERE id = ?", {case_id}));
  if (rs.empty()) return NotFoundError("案件不存在", "case_not_found");
  CaseRecord c = ReadCase(rs.row(0));
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet outcomes,
                            conn.Query("SELECT " + std::string(kOutcomeColumns) +
                                           " FROM case_outcomes WHERE case_id = ? ORDER BY id",
                                       {case_id}));
  for (store::Row row : outcomes) c.outcomes.push_back(ReadOutcome(row));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet recoveries,
      conn.Query("SELECT id, kind, amount_fen, recovered_on, note, created_by FROM recoveries "
                 "WHERE source_type = 'case' AND source_id = ? ORDER BY id",
                 {case_id}));
  for (store::Row row : recoveries) {
    c.recoveries.push_back({row[0].AsInteger(), row[1].AsText(), row[2].AsInteger(),
                            row[3].AsText(), row[4].AsText(), row[5].AsText()});
    c.recovered_fen += c.recoveries.back().amount_fen;
  }
  return c;
}

StatusOr<CasePage> ListCases(store::Connection& conn, const CaseFilter& filter) {
  CasePage page;
  if (filter.region_prefixes.empty()) return page;
  std::vector<store::Value> params;
  std::string where = RegionPrefixClause("region_code", filter.region_prefixes, params);
  if (!filter.state.empty()) {
    where += " AND state = ?";
    params.push_back(filter.state);
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      RowPage rows, QueryPage(conn, kCaseColumns, "cases", where, std::move(params), filter.page,
                              filter.page_size));
  page.total = rows.total;
  const store::ResultSet& rs = rows.rows;
  for (store::Row row : rs) page.items.push_back(ReadCase(row));
  return page;
}

}  // namespace sunlight::supervision
