#include "supervision/public/public_reports.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/list_query.h"
#include "supervision/public/query_code.h"
#include "supervision/public/text_similarity.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision::public_side {
namespace {

constexpr std::string_view kEntity = "public_report";

// The reporter is nobody the system knows: events of public actions name this actor.
const Actor& PublicActor() {
  static const Actor kPublic{"public", "", ""};
  return kPublic;
}

std::string OptText(const store::Value& v) { return v.is_null() ? "" : v.AsText(); }

std::optional<std::int64_t> OptInt(const store::Value& v) {
  if (v.is_null()) return std::nullopt;
  return v.AsInteger();
}

Status CheckText(std::string_view text, size_t max_bytes, std::string_view what,
                 std::string_view reason) {
  if (!IsValidUtf8(text)) {
    return InvalidArgumentError(std::string(what) + "不是有效的 UTF-8 文本", "bad_encoding");
  }
  if (text.size() > max_bytes) {
    return InvalidArgumentError(
        std::string(what) + "过长（上限 " + std::to_string(max_bytes) + " 字节）",
        std::string(reason));
  }
  return Status::Ok();
}

// The earliest report this one repeats, if any (see the header).
StatusOr<std::optional<std::int64_t>> FindRepeatOf(store::Connection& conn,
                                                   const NewReport& report) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, reported_name, content, repeat_of FROM public_reports "
                 "WHERE region_code = ? ORDER BY id",
                 {report.region_code}));
  const std::string name = NormalizeName(report.reported_name);
  for (size_t i = 0; i < rs.size(); ++i) {
    const bool same_person = !name.empty() && NormalizeName(rs.at(i, 1).AsText()) == name;
    const bool alike = TextSimilarity(rs.at(i, 2).AsText(), report.content) >= kRepeatSimilarity;
    if (same_person || alike) {
      // Link to the root, so that a chain of repeats stays one group.
      return std::optional<std::int64_t>(OptInt(rs.at(i, 3)).value_or(rs.at(i, 0).AsInteger()));
    }
  }
  return std::optional<std::int64_t>();
}

// Reads the state of report `id` inside the caller's transaction; NotFound if none.
StatusOr<std::string> StateOf(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT state FROM public_reports WHERE id = ?", {id}));
  if (rs.empty()) return NotFoundError("举报不存在", "report_not_found");
  return rs.at(0, 0).AsText();
}

// A transition inside the caller's transaction: check, update, event.
Status TransitionInTx(store::Connection& conn, std::int64_t id, std::string_view to,
                      const Actor& actor, std::string_view reason, std::string_view set_sql,
                      std::vector<store::Value> set_params) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string from, StateOf(conn, id));
  SUNLIGHT_RETURN_IF_ERROR(PublicReportMachine().Check(from, to));
  std::vector<store::Value> params = {std::string(to), actor.login, store::TimestampNow()};
  for (store::Value& v : set_params) params.push_back(std::move(v));
  params.push_back(id);
  params.push_back(from);
  const std::string sql = "UPDATE public_reports SET state = ?, handled_by = ?, updated_at = ?" +
                          std::string(set_sql) + " WHERE id = ? AND state = ?";
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute(sql, params));
  if (conn.changes() != 1) return AbortedError("举报已被他人处理，请刷新后重试", "conflict");
  return RecordEvent(conn, kEntity, id, from, to, actor, reason);
}

// The common frame of a transition: lock, check, update, event, commit.
Status Transition(store::Connection& conn, std::int64_t id, std::string_view to, const Actor& actor,
                  std::string_view reason, std::string_view set_sql,
                  std::vector<store::Value> set_params) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_RETURN_IF_ERROR(
      TransitionInTx(conn, id, to, actor, reason, set_sql, std::move(set_params)));
  return tx.Commit();
}

const std::string kReportColumns =
    "r.id, r.region_code, g.name, r.reported_name, r.reported_org, r.content, r.anonymous, "
    "r.informant_name, r.informant_id_number, r.informant_contact, r.state, r.received_on, "
    "r.acceptance_due, r.accepted_on, r.concluded_on, r.result_due, r.reply, r.replied_on, "
    "r.clue_id, r.repeat_of, r.handled_by, "
    "(SELECT COUNT(*) FROM attachments a WHERE a.owner_type = 'public_report' "
    "AND a.owner_id = r.id) ";

PublicReport ReportOf(const store::ResultSet& rs, size_t i) {
  PublicReport r;
  r.id = rs.at(i, 0).AsInteger();
  r.region_code = rs.at(i, 1).AsText();
  r.region_name = OptText(rs.at(i, 2));
  r.reported_name = rs.at(i, 3).AsText();
  r.reported_org = rs.at(i, 4).AsText();
  r.content = rs.at(i, 5).AsText();
  r.anonymous = rs.at(i, 6).AsInteger() != 0;
  r.informant_name = OptText(rs.at(i, 7));
  r.informant_id_number = OptText(rs.at(i, 8));
  r.informant_contact = OptText(rs.at(i, 9));
  r.state = rs.at(i, 10).AsText();
  r.received_on = rs.at(i, 11).AsText();
  r.acceptance_due = rs.at(i, 12).AsText();
  r.accepted_on = OptText(rs.at(i, 13));
  r.concluded_on = OptText(rs.at(i, 14));
  r.result_due = OptText(rs.at(i, 15));
  r.reply = OptText(rs.at(i, 16));
  r.replied_on = OptText(rs.at(i, 17));
  r.clue_id = OptInt(rs.at(i, 18));
  r.repeat_of = OptInt(rs.at(i, 19));
  r.handled_by = OptText(rs.at(i, 20));
  r.attachment_count = rs.at(i, 21).AsInteger();
  return r;
}

}  // namespace

Date AddWeekdays(Date from, int n) {
  Date day = from;
  const int step = n >= 0 ? 1 : -1;
  for (int left = n >= 0 ? n : -n; left > 0;) {
    day = day.AddDays(step);
    if (day.DayOfWeek() <= 5) --left;
  }
  return day;
}

const StateMachine& PublicReportMachine() {
  static const StateMachine kMachine(kEntity,
                                     {{"received", "已收到"},
                                      {"accepted", "已受理"},
                                      {"rejected", "不予受理"},
                                      {"clue", "已转线索办理"},
                                      {"concluded", "已办结"},
                                      {"replied", "已答复"}},
                                     {{"received", "accepted"},
                                      {"received", "rejected"},
                                      {"accepted", "clue"},
                                      {"accepted", "concluded"},
                                      {"clue", "concluded"},
                                      {"concluded", "replied"}});
  return kMachine;
}

StatusOr<SubmittedReport> SubmitReport(store::Connection& conn, const NewReport& report, Date today,
                                       const AddWorkingDaysFn& add_working_days) {
  if (TrimSpace(report.content).empty()) {
    return InvalidArgumentError("请填写举报内容", "content_required");
  }
  SUNLIGHT_RETURN_IF_ERROR(
      CheckText(report.content, kMaxContentBytes, "举报内容", "content_too_long"));
  SUNLIGHT_RETURN_IF_ERROR(CheckText(report.reported_name, 200, "被反映人", "bad_reported_name"));
  SUNLIGHT_RETURN_IF_ERROR(CheckText(report.reported_org, 500, "被反映人单位", "bad_reported_org"));
  if (!report.anonymous) {
    if (TrimSpace(report.informant_name).empty() || TrimSpace(report.informant_contact).empty()) {
      return InvalidArgumentError("实名举报请填写举报人姓名和联系方式", "informant_required");
    }
    SUNLIGHT_RETURN_IF_ERROR(CheckText(report.informant_name, 200, "举报人姓名", "bad_informant"));
    SUNLIGHT_RETURN_IF_ERROR(CheckText(report.informant_contact, 200, "联系方式", "bad_informant"));
    SUNLIGHT_RETURN_IF_ERROR(
        CheckText(report.informant_id_number, 40, "身份证号", "bad_informant"));
  }
  if (report.attachments.size() > kMaxAttachments) {
    return InvalidArgumentError("附件最多 " + std::to_string(kMaxAttachments) + " 个",
                                "too_many_attachments");
  }
  for (const ReportAttachment& a : report.attachments) {
    if (a.content.size() > kMaxAttachmentBytes) {
      return ResourceExhaustedError("附件“" + a.file_name + "”超过 " +
                                        std::to_string(kMaxAttachmentBytes / 1024 / 1024) +
                                        " MB 上限",
                                    "attachment_too_large");
    }
    SUNLIGHT_RETURN_IF_ERROR(CheckText(a.file_name, 255, "附件名", "bad_attachment"));
  }

  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet region,
      conn.Query("SELECT code FROM regions WHERE code = ?", {report.region_code}));
  if (region.empty()) {
    return InvalidArgumentError("区划代码“" + report.region_code + "”不存在", "unknown_region");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<std::int64_t> repeat_of, FindRepeatOf(conn, report));

  SubmittedReport out;
  out.query_code = NewQueryCode();
  const StoredCode kept = HashQueryCode(out.query_code);
  out.received_on = today.ToString();
  out.acceptance_due = add_working_days(today, kAnswerWorkingDays).ToString();
  out.repeat_of = repeat_of;
  const std::string now = store::TimestampNow();
  auto text_or_null = [&](const std::string& s) -> store::Value {
    if (report.anonymous || s.empty()) return nullptr;
    return s;
  };
  store::Value repeat = repeat_of ? store::Value(*repeat_of) : store::Value(nullptr);
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query("INSERT INTO public_reports(code_locator, code_salt, code_hash, region_code, "
                 "reported_name, reported_org, content, anonymous, informant_name, "
                 "informant_id_number, informant_contact, state, received_on, acceptance_due, "
                 "repeat_of, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?) RETURNING id",
                 {kept.locator, kept.salt, kept.hash, report.region_code,
                  TrimSpace(report.reported_name), TrimSpace(report.reported_org), report.content,
                  report.anonymous ? 1 : 0, text_or_null(TrimSpace(report.informant_name)),
                  text_or_null(TrimSpace(report.informant_id_number)),
                  text_or_null(TrimSpace(report.informant_contact)), out.received_on,
                  out.acceptance_due, repeat, now, now}));
  out.id = inserted.at(0, 0).AsInteger();
  for (const ReportAttachment& a : report.attachments) {
    store::Blob bytes(a.content.begin(), a.content.end());
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO attachments(owner_type, owner_id, file_name, content_type, size_bytes, "
        "sha256, content, created_by, created_at) VALUES ('public_report', ?, ?, ?, ?, ?, ?, "
        "'public', ?)",
        {out.id, a.file_name, a.content_type.empty() ? "application/octet-stream" : a.content_type,
         static_cast<std::int64_t>(a.content.size()), Sha256HexOf(a.content), std::move(bytes),
         now}));
  }
  nlohmann::json details = {{"anonymous", report.anonymous},
                            {"attachments", report.attachments.size()}};
  if (repeat_of) details["repeat_of"] = *repeat_of;
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, kEntity, out.id, "", "received", PublicActor(),
                                       "submitted", details.dump()));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return out;
}

StatusOr<ReportStage> StageByCode(store::Connection& conn, std::string_view typed_code) {
  const Status not_found = NotFoundError("查询码无对应的举报，请核对后重试", "report_not_found");
  const std::optional<std::string> code = CanonicalQueryCode(typed_code);
  if (!code) return not_found;
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT code_salt, code_hash, state, received_on, acceptance_due, accepted_on, "
                 "result_due, reply, replied_on FROM public_reports WHERE code_locator = ?",
                 {code->substr(0, kLocatorLength)}));
  for (size_t i = 0; i < rs.size(); ++i) {
    const StoredCode stored{code->substr(0, kLocatorLength), rs.at(i, 0).AsText(),
                            rs.at(i, 1).AsText()};
    if (!CodeMatches(*code, stored)) continue;
    ReportStage stage;
    stage.state = rs.at(i, 2).AsText();
    stage.label = std::string(PublicReportMachine().Label(stage.state));
    stage.received_on = rs.at(i, 3).AsText();
    stage.acceptance_due = rs.at(i, 4).AsText();
    stage.accepted_on = OptText(rs.at(i, 5));
    stage.result_due = OptText(rs.at(i, 6));
    // The reply is the commission's answer to the reporter; shown once it is given.
    if (stage.state == "rejected" || stage.state == "replied") {
      stage.reply = OptText(rs.at(i, 7));
      stage.replied_on = OptText(rs.at(i, 8));
    }
    return stage;
  }
  return not_found;
}

StatusOr<ReportPage> ListReports(store::Connection& conn,
                                 const std::vector<std::string>& region_prefixes,
                                 std::string_view state, std::int64_t page,
                                 std::int64_t page_size) {
  ReportPage out;
  if (region_prefixes.empty()) return out;
  std::vector<store::Value> params;
  std::string where = RegionPrefixClause("r.region_code", region_prefixes, params);
  if (!state.empty()) {
    where += " AND r.state = ?";
    params.push_back(std::string(state));
  }
  // The join adds the region's name; regions.code is the key, so it keeps one row per report.
  SUNLIGHT_ASSIGN_OR_RETURN(
      RowPage rows,
      QueryPage(conn, {.columns = kReportColumns,
                       .from = "public_reports r LEFT JOIN regions g ON g.code = r.region_code",
                       .where = where,
                       .params = std::move(params),
                       .order_by = "r.id DESC",
                       .offset = PageOffset(page, page_size),
                       .limit = page_size}));
  out.total = rows.total;
  for (size_t i = 0; i < rows.rows.size(); ++i) out.items.push_back(ReportOf(rows.rows, i));
  return out;
}

StatusOr<PublicReport> GetReport(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT " + kReportColumns +
                     "FROM public_reports r LEFT JOIN regions g ON g.code = r.region_code "
                     "WHERE r.id = ?",
                 {id}));
  if (rs.empty()) return NotFoundError("举报不存在", "report_not_found");
  PublicReport report = ReportOf(rs, 0);
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet repeats,
      conn.Query("SELECT id FROM public_reports WHERE repeat_of = ? ORDER BY id", {id}));
  for (size_t i = 0; i < repeats.size(); ++i)
    report.repeats.push_back(repeats.at(i, 0).AsInteger());
  return report;
}

Status AcceptReport(store::Connection& conn, std::int64_t id, const Actor& actor, Date today) {
  return Transition(conn, id, "accepted", actor, "accepted", ", accepted_on = ?",
                    {today.ToString()});
}

Status RejectReport(store::Connection& conn, std::int64_t id, const Actor& actor, Date today,
                    std::string_view reply) {
  if (TrimSpace(reply).empty()) {
    return InvalidArgumentError("不予受理须写明理由（答复举报人）", "reply_required");
  }
  SUNLIGHT_RETURN_IF_ERROR(CheckText(reply, kMaxContentBytes, "答复", "reply_too_long"));
  return Transition(conn, id, "rejected", actor, std::string(reply), ", reply = ?, replied_on = ?",
                    {std::string(reply), today.ToString()});
}

Status MarkRegisteredAsClue(store::Connection& conn, std::int64_t id, const Actor& actor,
                            std::int64_t clue_id) {
  return Transition(conn, id, "clue", actor, "registered_as_clue", ", clue_id = ?", {clue_id});
}

StatusOr<RegisteredClue> RegisterReportAsClue(store::Connection& conn, std::int64_t id,
                                              const Actor& actor) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(PublicReport report, GetReport(conn, id));
  // Checked before the clue is made, so a wrong state leaves no clue behind (the transaction
  // would undo it anyway; this gives the 409 its allowed states).
  SUNLIGHT_RETURN_IF_ERROR(PublicReportMachine().Check(report.state, "clue"));
  SUNLIGHT_ASSIGN_OR_RETURN(Date received, Date::Parse(report.received_on));
  NewClue clue;
  clue.channel = "petition";
  clue.summary = report.content;
  clue.received_on = received;
  clue.handling_org_id = actor.org_id;
  clue.region_code = report.region_code;
  if (!TrimSpace(report.reported_name).empty()) {
    clue.persons.push_back(CluePerson{report.reported_name, "", report.reported_org, "", ""});
  }
  // The informant stays confidential: the clue carries it only for the intake role's eyes.
  clue.informant_confidential = true;
  if (!report.anonymous) {
    clue.informant_name = report.informant_name;
    clue.informant_contact = report.informant_contact;
  }
  SUNLIGHT_ASSIGN_OR_RETURN(RegisteredClue made, InsertClue(conn, actor, clue));
  SUNLIGHT_RETURN_IF_ERROR(
      TransitionInTx(conn, id, "clue", actor, "registered_as_clue", ", clue_id = ?", {made.id}));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return made;
}

Status ConcludeReport(store::Connection& conn, std::int64_t id, const Actor& actor, Date today,
                      const AddWorkingDaysFn& add_working_days) {
  return Transition(conn, id, "concluded", actor, "concluded", ", concluded_on = ?, result_due = ?",
                    {today.ToString(), add_working_days(today, kAnswerWorkingDays).ToString()});
}

Status ReplyToReport(store::Connection& conn, std::int64_t id, const Actor& actor, Date today,
                     std::string_view reply) {
  if (TrimSpace(reply).empty()) return InvalidArgumentError("请填写答复内容", "reply_required");
  SUNLIGHT_RETURN_IF_ERROR(CheckText(reply, kMaxContentBytes, "答复", "reply_too_long"));
  return Transition(conn, id, "replied", actor, "replied", ", reply = ?, replied_on = ?",
                    {std::string(reply), today.ToString()});
}

}  // namespace sunlight::supervision::public_side
