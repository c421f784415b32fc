#include "supervision/letters/letter_compose.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace sunlight::supervision::letters {
namespace {

using nlohmann::json;

struct Org {
  std::string id;
  std::string name;
};

StatusOr<Org> LoadOrg(store::Connection& conn, std::string_view org_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT name FROM organizations WHERE org_id = ?", {std::string(org_id)}));
  if (rs.empty()) return NotFoundError(fmt::format("单位 {} 不存在", org_id), "org_not_found");
  return Org{std::string(org_id), rs.at(0, 0).AsText()};
}

Status CheckJurisdiction(const LetterRequest& request, std::string_view region_code) {
  if (request.in_jurisdiction && !request.in_jurisdiction(region_code)) {
    return PermissionDeniedError(fmt::format("区划 {} 不在您的管辖范围内", region_code),
                                 "outside_jurisdiction");
  }
  return Status::Ok();
}

// Ends `text` with a full stop unless it already ends with Chinese or ASCII punctuation.
std::string Sentence(std::string text) {
  for (std::string_view end : {"。", "！", "？", "；", ".", "!", "?"}) {
    if (text.ends_with(end)) return text;
  }
  return text + "。";
}

std::string Yuan(std::int64_t fen) {
  return fmt::format("{}{}.{:02d}", fen < 0 ? "-" : "", std::llabs(fen) / 100,
                     static_cast<int>(std::llabs(fen) % 100));
}

std::string ChineseDate(std::string_view iso) {
  StatusOr<Date> date = Date::Parse(iso.substr(0, 10));
  return date.ok() ? date->ToChineseString() : std::string(iso);
}

std::string_view SourceName(std::string_view source) {
  if (source == "inspection") return "监督检查";
  if (source == "tour") return "巡视巡察";
  if (source == "audit") return "审计";
  if (source == "warning") return "大数据监督预警";
  if (source == "petition") return "信访举报";
  if (source == "transfer") return "受理移送";
  return "日常监督";
}

std::string_view CadenceName(std::string_view cadence) {
  if (cadence == "daily") return "一日一报";
  if (cadence == "weekly") return "一周一报";
  if (cadence == "monthly") return "一月一报";
  return "按要求报告";
}

struct Problem {
  std::int64_t id = 0;
  std::string source, title, description, region_code, responsible_org_id;
  std::int64_t amount_fen = 0;
};

StatusOr<Problem> LoadProblem(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT source, title, description, region_code, responsible_org_id, amount_fen "
                 "FROM problems WHERE id = ?",
                 {id}));
  if (rs.empty()) return NotFoundError(fmt::format("问题 {} 不存在", id), "problem_not_found");
  Problem p;
  p.id = id;
  p.source = rs.at(0, 0).AsText();
  p.title = rs.at(0, 1).AsText();
  p.description = rs.at(0, 2).AsText();
  p.region_code = rs.at(0, 3).AsText();
  p.responsible_org_id = rs.at(0, 4).AsText();
  p.amount_fen = rs.at(0, 5).AsInteger();
  return p;
}

struct Transfer {
  std::int64_t id = 0;
  std::string letter_no, from_org_id, to_org_id, from_region, to_region, state, feedback_due, note,
      result, return_reason;
};

StatusOr<Transfer> LoadTransfer(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT letter_no, from_org_id, to_org_id, from_region, to_region, state, "
                 "feedback_due, note, result, return_reason FROM transfers WHERE id = ?",
                 {id}));
  if (rs.empty()) return NotFoundError(fmt::format("移送 {} 不存在", id), "transfer_not_found");
  Transfer t;
  t.id = id;
  t.letter_no = rs.at(0, 0).AsText();
  t.from_org_id = rs.at(0, 1).AsText();
  t.to_org_id = rs.at(0, 2).AsText();
  t.from_region = rs.at(0, 3).AsText();
  t.to_region = rs.at(0, 4).AsText();
  t.state = rs.at(0, 5).AsText();
  t.feedback_due = rs.at(0, 6).AsText();
  t.note = rs.at(0, 7).AsText();
  t.result = rs.at(0, 8).AsText();
  t.return_reason = rs.at(0, 9).AsText();
  return t;
}

// The numbered items of a letter's body: each is one paragraph "一、…" and one JSON record, so
// the text and the letter's items_json list the same things in the same order.
class NumberedItems {
 public:
  explicit NumberedItems(LetterDraft& draft) : draft_(draft) {}
  void Add(std::string_view text, json record) {
    draft_.paragraphs.push_back(fmt::format("{}、{}", ChineseNumeral(++count_), text));
    records_.push_back(std::move(record));
  }
  int count() const { return count_; }
  // Writes the records to draft.items_json.
  void Finish() { draft_.items_json = records_.dump(); }

 private:
  LetterDraft& draft_;
  json records_ = json::array();
  int count_ = 0;
};

// A problem as a sentence or two: its title, then its description when there is one.
std::string ProblemText(const Problem& p) {
  std::string text = Sentence(p.title);
  if (!p.description.empty()) text += Sentence(p.description);
  return text;
}

Status RequireSourceCount(const LetterRequest& request, bool many) {
  if (request.source_ids.empty() || (!many && request.source_ids.size() != 1)) {
    return InvalidArgumentError(
        many ? "请指定至少一个问题"
             : fmt::format("{}须指定一条来源记录", LetterKindTitle(request.kind)),
        "bad_letter_request");
  }
  return Status::Ok();
}

Status ComposeNotice(store::Connection& conn, const LetterRequest& request, LetterDraft& draft) {
  SUNLIGHT_RETURN_IF_ERROR(RequireSourceCount(request, /*many=*/true));
  std::vector<Problem> problems;
  std::vector<std::string> sources;
  for (std::int64_t id : request.source_ids) {
    SUNLIGHT_ASSIGN_OR_RETURN(Problem p, LoadProblem(conn, id));
    SUNLIGHT_RETURN_IF_ERROR(CheckJurisdiction(request, p.region_code));
    std::string source(SourceName(p.source));
    if (std::find(sources.begin(), sources.end(), source) == sources.end())
      sources.push_back(source);
    problems.push_back(std::move(p));
  }
  const Problem& first = problems.front();
  SUNLIGHT_ASSIGN_OR_RETURN(
      Org recipient, LoadOrg(conn, request.recipient_org_id.empty() ? first.responsible_org_id
                                                                    : request.recipient_org_id));
  draft.recipient_org_id = recipient.id;
  draft.recipient_name = recipient.name;
  draft.region_code = first.region_code;
  draft.source_type = "problem";
  draft.source_id = first.id;
  draft.title = problems.size() == 1
                    ? fmt::format("关于{}问题的监督提示函", first.title)
                    : fmt::format("关于{}等{}个问题的监督提示函", first.title, problems.size());
  std::string via;
  for (const auto& s : sources) via += (via.empty() ? "" : "、") + s;
  draft.paragraphs.push_back(fmt::format("我委在{}中发现，你单位存在以下问题，现予以提示：", via));
  NumberedItems items(draft);
  for (const Problem& p : problems) {
    std::string text = ProblemText(p);
    if (p.amount_fen != 0) text += fmt::format("涉及金额{}元。", Yuan(p.amount_fen));
    items.Add(text, {{"type", "problem"},
                     {"id", p.id},
                     {"title", p.title},
                     {"description", p.description},
                     {"region_code", p.region_code},
                     {"amount_fen", p.amount_fen}});
  }
  draft.paragraphs.push_back(
      "请你单位高度重视，认真核查，对照问题逐项整改，并于收到本函之日起15个工作日内将核查和整改"
      "情况书面反馈我委。");
  draft.paragraphs.push_back("特此函告。");
  items.Finish();
  return Status::Ok();
}

Status ComposeOrder(store::Connection& conn, const LetterRequest& request, LetterDraft& draft) {
  SUNLIGHT_RETURN_IF_ERROR(RequireSourceCount(request, /*many=*/false));
  SUNLIGHT_ASSIGN_OR_RETURN(Problem p, LoadProblem(conn, request.source_ids.front()));
  SUNLIGHT_RETURN_IF_ERROR(CheckJurisdiction(request, p.region_code));
  // Tasks still to do (a closed task needs no order); the recipient's only.
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet tasks,
      conn.Query("SELECT t.id, t.description, t.measures, t.deadline, t.responsible_org_id, "
                 "t.responsible_login, t.cadence, t.state, u.display_name, o.name "
                 "FROM rectification_tasks t "
                 "LEFT JOIN users u ON u.login = t.responsible_login "
                 "LEFT JOIN organizations o ON o.org_id = t.responsible_org_id "
                 "WHERE t.problem_id = ? AND t.state <> 'closed' ORDER BY t.id",
                 {p.id}));
  std::string recipient_id = request.recipient_org_id;
  if (recipient_id.empty() && !tasks.empty()) recipient_id = tasks.at(0, 4).AsText();
  if (recipient_id.empty()) recipient_id = p.responsible_org_id;
  SUNLIGHT_ASSIGN_OR_RETURN(Org recipient, LoadOrg(conn, recipient_id));
  draft.recipient_org_id = recipient.id;
  draft.recipient_name = recipient.name;
  draft.region_code = p.region_code;
  draft.source_type = "problem";
  draft.source_id = p.id;
  draft.title = fmt::format("关于督促整改{}问题的整改督办函", p.title);
  draft.paragraphs.push_back(
      fmt::format("针对{}问题，现将由你单位负责的整改任务督办如下，请逐项落实：", p.title));
  NumberedItems items(draft);
  for (store::Row row : tasks) {
    if (row[4].AsText() != recipient.id) continue;
    std::string person = row[8].AsText();
    if (person.empty()) person = row[5].AsText();
    std::string org_name = row[9].AsText(row[4].AsText());
    items.Add(
        fmt::format("{}整改措施：{}完成时限：{}。责任单位：{}。责任人：{}。报告要求：{}。",
                    Sentence(row[1].AsText()), Sentence(row[2].AsText()),
                    ChineseDate(row[3].AsText()), org_name, person, CadenceName(row[6].AsText())),
        {{"type", "task"},
         {"id", row[0].AsInteger()},
         {"description", row[1].AsText()},
         {"measures", row[2].AsText()},
         {"deadline", row[3].AsText()},
         {"responsible_org_id", row[4].AsText()},
         {"responsible_org_name", org_name},
         {"responsible_person", person},
         {"cadence", row[6].AsText()},
         {"state", row[7].AsText()}});
  }
  if (items.count() == 0) {
    return FailedPreconditionError(
        fmt::format("问题 {} 没有由 {} 负责的未销号整改任务", p.id, recipient.name),
        "no_open_tasks");
  }
  draft.paragraphs.push_back(
      "请严格按照时限要求完成整改，按规定频次报告整改进展，整改完成后及时申请销号。对整改不力、"
      "逾期未完成的，我委将依规依纪依法严肃追责问责。");
  draft.paragraphs.push_back("特此督办。");
  items.Finish();
  return Status::Ok();
}

// The items a transfer carries, as body paragraphs numbered from 一 and as JSON.
Status ComposeTransferItems(store::Connection& conn, const Transfer& t, LetterDraft& draft,
                            int& clues, int& problems) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT item_type, item_id FROM transfer_items "
                                       "WHERE transfer_id = ? ORDER BY item_type, item_id",
                                       {t.id}));
  NumberedItems items(draft);
  for (store::Row row : rs) {
    std::string type = row[0].AsText();
    std::int64_t id = row[1].AsInteger();
    if (type == "clue") {
      SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet clue,
                                conn.Query("SELECT number, summary FROM clues WHERE id = ?", {id}));
      if (clue.empty()) return NotFoundError(fmt::format("线索 {} 不存在", id), "clue_not_found");
      SUNLIGHT_ASSIGN_OR_RETURN(
          store::ResultSet persons,
          conn.Query("SELECT name, org_name, position FROM clue_persons WHERE clue_id = ? "
                     "ORDER BY seq",
                     {id}));
      std::string named;
      json person_list = json::array();
      for (store::Row person : persons) {
        named += fmt::format("{}{}（{}{}）", named.empty() ? "" : "、", person[0].AsText(),
                             person[1].AsText(), person[2].AsText());
        person_list.push_back({{"name", person[0].AsText()},
                               {"org_name", person[1].AsText()},
                               {"position", person[2].AsText()}});
      }
      std::string text = fmt::format("问题线索（编号：{}）：{}", clue.at(0, 0).AsText(),
                                     Sentence(clue.at(0, 1).AsText()));
      if (!named.empty()) text += fmt::format("被反映人：{}。", named);
      items.Add(text, {{"type", "clue"},
                       {"id", id},
                       {"number", clue.at(0, 0).AsText()},
                       {"summary", clue.at(0, 1).AsText()},
                       {"persons", person_list}});
      ++clues;
    } else {
      SUNLIGHT_ASSIGN_OR_RETURN(Problem p, LoadProblem(conn, id));
      items.Add(
          ProblemText(p),
          {{"type", "problem"}, {"id", p.id}, {"title", p.title}, {"description", p.description}});
      ++problems;
    }
  }
  items.Finish();
  return Status::Ok();
}

Status ComposeTransferLetter(store::Connection& conn, const LetterRequest& request,
                             LetterDraft& draft) {
  SUNLIGHT_RETURN_IF_ERROR(RequireSourceCount(request, /*many=*/false));
  SUNLIGHT_ASSIGN_OR_RETURN(Transfer t, LoadTransfer(conn, request.source_ids.front()));
  SUNLIGHT_RETURN_IF_ERROR(CheckJurisdiction(request, t.from_region));
  SUNLIGHT_ASSIGN_OR_RETURN(Org issuer, LoadOrg(conn, t.from_org_id));
  SUNLIGHT_ASSIGN_OR_RETURN(Org recipient, LoadOrg(conn, t.to_org_id));
  draft.issuing_org_id = issuer.id;
  draft.issuer_name = issuer.name;
  draft.recipient_org_id = recipient.id;
  draft.recipient_name = recipient.name;
  draft.region_code = t.from_region;
  draft.source_type = "transfer";
  draft.source_id = t.id;
  draft.fixed_number = t.letter_no;
  draft.paragraphs.push_back("");  // the opening, once the items are counted
  int clues = 0, problems = 0;
  SUNLIGHT_RETURN_IF_ERROR(ComposeTransferItems(conn, t, draft, clues, problems));
  std::string what = clues > 0 && problems > 0
                         ? fmt::format("{}件问题线索和{}个问题", clues, problems)
                     : clues > 0 ? fmt::format("{}件问题线索", clues)
                                 : fmt::format("{}个问题", problems);
  draft.title = fmt::format("关于移送{}的移送函", what);
  draft.paragraphs.front() =
      fmt::format("根据东西部协作监督工作有关规定，现将{}移送你委，请依规依纪依法处置：", what);
  if (!t.note.empty()) draft.paragraphs.push_back(Sentence(t.note));
  draft.paragraphs.push_back(
      fmt::format("请于{}前将办理情况反馈我委。", ChineseDate(t.feedback_due)));
  draft.paragraphs.push_back("特此函告。");
  return Status::Ok();
}

Status ComposeFeedbackLetter(store::Connection& conn, const LetterRequest& request,
                             LetterDraft& draft) {
  SUNLIGHT_RETURN_IF_ERROR(RequireSourceCount(request, /*many=*/false));
  SUNLIGHT_ASSIGN_OR_RETURN(Transfer t, LoadTransfer(conn, request.source_ids.front()));
  SUNLIGHT_RETURN_IF_ERROR(CheckJurisdiction(request, t.to_region));
  SUNLIGHT_ASSIGN_OR_RETURN(Org issuer, LoadOrg(conn, t.to_org_id));
  SUNLIGHT_ASSIGN_OR_RETURN(Org recipient, LoadOrg(conn, t.from_org_id));
  draft.issuing_org_id = issuer.id;
  draft.issuer_name = issuer.name;
  draft.recipient_org_id = recipient.id;
  draft.recipient_name = recipient.name;
  draft.region_code = t.to_region;
  draft.source_type = "transfer";
  draft.source_id = t.id;
  draft.title = fmt::format("关于{}移送事项办理情况的反馈函", t.letter_no);
  draft.paragraphs.push_back(fmt::format(
      "你委{}移送的事项收悉。我委高度重视，认真组织办理，现将办理情况反馈如下：", t.letter_no));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, text, created_at FROM transfer_feedback WHERE transfer_id = ? "
                 "ORDER BY id",
                 {t.id}));
  NumberedItems items(draft);
  for (store::Row row : rs) {
    std::string on = row[2].AsText().substr(0, 10);
    items.Add(
        fmt::format("{}，{}", ChineseDate(on), Sentence(row[1].AsText())),
        {{"type", "feedback"}, {"id", row[0].AsInteger()}, {"text", row[1].AsText()}, {"on", on}});
  }
  if (!t.result.empty()) {
    draft.paragraphs.push_back(fmt::format("办理结果：{}", Sentence(t.result)));
  }
  if (t.state == "returned" && !t.return_reason.empty()) {
    draft.paragraphs.push_back(fmt::format("退回理由：{}", Sentence(t.return_reason)));
  }
  if (items.count() == 0 && t.result.empty() && t.return_reason.empty()) {
    return FailedPreconditionError(fmt::format("移送 {} 尚无反馈内容", t.id), "no_feedback");
  }
  draft.paragraphs.push_back("特此反馈。");
  items.Finish();
  return Status::Ok();
}

}  // namespace

StatusOr<LetterDraft> ComposeLetter(store::Connection& conn, const LetterRequest& request,
                                    const Actor& actor) {
  LetterDraft draft;
  draft.kind = request.kind;
  draft.issued_on = request.issued_on.value_or(Date::Today());
  switch (request.kind) {
    case LetterKind::kSupervisionNotice:
    case LetterKind::kRectificationOrder: {
      // The actor's own commission issues notices and orders.
      SUNLIGHT_ASSIGN_OR_RETURN(Org issuer, LoadOrg(conn, actor.org_id));
      draft.issuing_org_id = issuer.id;
      draft.issuer_name = issuer.name;
      SUNLIGHT_RETURN_IF_ERROR(request.kind == LetterKind::kSupervisionNotice
                                   ? ComposeNotice(conn, request, draft)
                                   : ComposeOrder(conn, request, draft));
      break;
    }
    case LetterKind::kTransferLetter:
      SUNLIGHT_RETURN_IF_ERROR(ComposeTransferLetter(conn, request, draft));
      break;
    case LetterKind::kFeedbackLetter:
      SUNLIGHT_RETURN_IF_ERROR(ComposeFeedbackLetter(conn, request, draft));
      break;
  }
  return draft;
}

}  // namespace sunlight::supervision::letters
