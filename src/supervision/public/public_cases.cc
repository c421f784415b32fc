#include "supervision/public/public_cases.h"

#include "core/date.h"
#include "core/text.h"
#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/list_query.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision::public_side {
namespace {

constexpr std::string_view kEntity = "public_case";

Status Required(const std::string& value, std::string_view label, size_t max_bytes) {
  if (TrimSpace(value).empty()) {
    return InvalidArgumentError("请填写" + std::string(label), "field_required");
  }
  if (!IsValidUtf8(value) || value.size() > max_bytes) {
    return InvalidArgumentError(std::string(label) + "过长或含无效字符", "field_too_long");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::int64_t> PublishCase(store::Connection& conn, const NewPublicCase& c,
                                   const Actor& actor) {
  SUNLIGHT_RETURN_IF_ERROR(Required(c.title, "标题", 500));
  SUNLIGHT_RETURN_IF_ERROR(Required(c.summary, "案情摘要", 20000));
  SUNLIGHT_RETURN_IF_ERROR(Required(c.outcome, "处理结果", 5000));
  SUNLIGHT_ASSIGN_OR_RETURN(Date date, Date::Parse(c.case_date));
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet region,
                            conn.Query("SELECT code FROM regions WHERE code = ?", {c.region_code}));
  if (region.empty()) {
    return InvalidArgumentError("区划代码“" + c.region_code + "”不存在", "unknown_region");
  }
  const std::string now = store::TimestampNow();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query("INSERT INTO public_cases(title, summary, region_code, case_date, outcome, "
                 "published, org_id, created_by, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id",
                 {TrimSpace(c.title), c.summary, c.region_code, date.ToString(), c.outcome,
                  actor.org_id, actor.login, now, now}));
  const std::int64_t id = inserted.at(0, 0).AsInteger();
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, kEntity, id, "", "published", actor, "published"));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::string> CaseRegion(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT region_code FROM public_cases WHERE id = ?", {id}));
  if (rs.empty()) return NotFoundError("典型案例不存在", "case_not_found");
  return rs.at(0, 0).AsText();
}

Status SetCasePublished(store::Connection& conn, std::int64_t id, bool published,
                        const Actor& actor) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT published FROM public_cases WHERE id = ?", {id}));
  if (rs.empty()) return NotFoundError("典型案例不存在", "case_not_found");
  const bool now_published = rs.at(0, 0).AsInteger() != 0;
  if (now_published == published) {
    return FailedPreconditionError(published ? "该案例已公开" : "该案例已撤下", "wrong_state");
  }
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE public_cases SET published = ?, updated_at = ? WHERE id = ?",
                   {published ? 1 : 0, store::TimestampNow(), id}));
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, kEntity, id, now_published ? "published" : "withdrawn",
                                       published ? "published" : "withdrawn", actor,
                                       published ? "republished" : "withdrawn"));
  return tx.Commit();
}

StatusOr<nlohmann::json> ListPublishedCases(store::Connection& conn, std::string_view region_prefix,
                                            std::int64_t page, std::int64_t page_size) {
  // The join adds the region's name; regions.code is the key, so it keeps one row per case.
  SUNLIGHT_ASSIGN_OR_RETURN(
      RowPage rows,
      QueryPage(conn, {.columns = "c.id, c.title, c.summary, c.region_code, g.name, c.case_date, "
                                  "c.outcome",
                       .from = "public_cases c LEFT JOIN regions g ON g.code = c.region_code",
                       .where = "c.published = 1 AND c.region_code LIKE ?",
                       .params = {std::string(region_prefix) + "%"},
                       .order_by = "c.case_date DESC, c.id DESC",
                       .offset = PageOffset(page, page_size),
                       .limit = page_size}));
  const store::ResultSet& rs = rows.rows;
  nlohmann::json items = nlohmann::json::array();
  for (size_t i = 0; i < rs.size(); ++i) {
    items.push_back({{"id", rs.at(i, 0).AsInteger()},
                     {"title", rs.at(i, 1).AsText()},
                     {"summary", rs.at(i, 2).AsText()},
                     {"region_code", rs.at(i, 3).AsText()},
                     {"region_name", rs.at(i, 4).is_null() ? "" : rs.at(i, 4).AsText()},
                     {"case_date", rs.at(i, 5).AsText()},
                     {"outcome", rs.at(i, 6).AsText()}});
  }
  return nlohmann::json{
      {"items", items}, {"total", rows.total}, {"page", page}, {"page_size", page_size}};
}

}  // namespace sunlight::supervision::public_side
