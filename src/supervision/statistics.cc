#include "supervision/statistics.h"

#include <cstdio>

#include "core/date.h"
#include "store/result_set.h"

namespace sunlight::supervision {
namespace {

struct Named {
  std::string_view name;
  std::string_view label;
};

constexpr Named kChannels[] = {
    {"petition", "信访举报"},   {"tour", "巡视巡察"},    {"audit", "审计移送"},
    {"inspection", "监督检查"}, {"warning", "系统预警"}, {"transfer", "其他机关移送"},
    {"other", "其他"},
};
constexpr Named kDisposals[] = {
    {"talk_inquiry", "谈话函询"},
    {"preliminary_verification", "初步核实"},
    {"held", "暂存待查"},
    {"closed_out", "予以了结"},
};
constexpr Named kOutcomeCategories[] = {
    {"party", "党纪处分"},
    {"government", "政务处分"},
    {"organisational", "组织处理"},
    {"judicial", "移送司法机关"},
};
constexpr Named kTransferStates[] = {
    {"sent", "已移送"},      {"acknowledged", "已签收"}, {"in_progress", "办理中"},
    {"concluded", "已办结"}, {"returned", "已退回"},
};
// Outcomes counted by measure (人次); label is the stored measure.
constexpr Named kCountedMeasures[] = {
    {"judicial_transfer", "移送司法机关"},
    {"talk_reminder", "谈话提醒"},
    {"admonition", "诫勉"},
};
constexpr std::string_view kFormLabels[] = {"第一种形态", "第二种形态", "第三种形态", "第四种形态"};

// Percent-encoding of a query value (UTF-8 bytes), so that links with Chinese values work.
std::string Encode(std::string_view value) {
  std::string out;
  for (unsigned char c : value) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
        c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS…", or -1.
long long Seconds(const std::string& ts) {
  if (ts.size() < 19) return -1;
  auto day = Date::Parse(ts.substr(0, 10));
  if (!day.ok()) return -1;
  int h = 0, m = 0, s = 0;
  if (std::sscanf(ts.c_str() + 11, "%d:%d:%d", &h, &m, &s) != 3) return -1;
  return static_cast<long long>(day->days_since_epoch()) * 86400 + h * 3600 + m * 60 + s;
}

class Builder {
 public:
  Builder(const StatsQuery& q)
      : scope_("region=" + Encode(q.region) + "&from=" + q.from + "&to=" + q.to) {}

  void Add(std::string key, std::string label, double value, std::string unit,
           std::string collection, std::string filter = "") {
    figures_.push_back({std::move(key), std::move(label), value, std::move(unit),
                        std::move(collection), filter.empty() ? scope_ : filter + "&" + scope_});
  }

  std::vector<Figure> Take() { return std::move(figures_); }

 private:
  std::string scope_;
  std::vector<Figure> figures_;
};

double Rate(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

StatusOr<std::vector<Figure>> ComputeStatistics(store::Connection& conn, const StatsQuery& q) {
  if (q.region.size() < 2 || q.region.size() > 12 ||
      q.region.find_first_not_of("0123456789") != std::string::npos) {
    return InvalidArgumentError("地区代码应为 2 至 12 位数字", "invalid_region");
  }
  auto from = Date::Parse(q.from);
  auto to = Date::Parse(q.to);
  if (!from.ok() || !to.ok() || q.from.size() != 10 || q.to.size() != 10) {
    return InvalidArgumentError("from 和 to 应为 YYYY-MM-DD 格式的日期", "invalid_period");
  }
  if (*to < *from) return InvalidArgumentError("结束日期早于开始日期", "invalid_period");
  const std::string like = q.region + "%";
  const std::string from_ts = q.from + "T00:00:00Z";
  const std::string end_ts = to->AddDays(1).ToString() + "T00:00:00Z";  // exclusive
  Builder b(q);

  // 监督检查次数: inspections (not cancelled) whose period overlaps the query's.
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT COUNT(*) FROM inspections WHERE region_code LIKE ? "
                 "AND state <> 'cancelled' AND period_from <= ? AND period_to >= ?",
                 {like, q.to, q.from}));
  b.Add("inspections.count", "监督检查次数", rs.at(0, 0).AsInteger(), "count", "inspections");

  // 发现问题数, 整改完成数 and rate: problems created in the period; closed = rectified.
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs,
      conn.Query("SELECT COUNT(*), SUM(CASE WHEN state = 'closed' THEN 1 ELSE 0 END) "
                 "FROM problems WHERE region_code LIKE ? AND created_at >= ? AND created_at < ?",
                 {like, from_ts, end_ts}));
  const std::int64_t found = rs.at(0, 0).AsInteger();
  const std::int64_t closed = rs.at(0, 1).AsInteger(0);
  b.Add("problems.found", "发现问题数", found, "count", "problems");
  b.Add("problems.rectified", "整改完成数", closed, "count", "problems", "state=closed");
  b.Add("problems.rectification_rate", "整改完成率", Rate(closed, found), "rate", "problems",
        "state=closed");

  // 问题线索 by channel and by disposal: clues received in the period.
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs, conn.Query("SELECT channel, disposal FROM clues WHERE region_code LIKE ? "
                     "AND received_on >= ? AND received_on <= ?",
                     {like, q.from, q.to}));
  b.Add("clues.total", "问题线索数", static_cast<double>(rs.size()), "count", "clues");
  for (const Named& c : kChannels) {
    std::int64_t n = 0;
    for (store::Row row : rs) n += row[0].AsText() == c.name ? 1 : 0;
    b.Add("clues.by_channel." + std::string(c.name), "问题线索（" + std::string(c.label) + "）",
          static_cast<double>(n), "count", "clues", "channel=" + std::string(c.name));
  }
  for (const Named& d : kDisposals) {
    std::int64_t n = 0;
    for (store::Row row : rs) n += row[1].AsText() == d.name ? 1 : 0;
    b.Add("clues.by_disposal." + std::string(d.name), "线索处置（" + std::string(d.label) + "）",
          static_cast<double>(n), "count", "clues", "disposal=" + std::string(d.name));
  }

  // 立案数: cases filed in the period.
  SUNLIGHT_ASSIGN_OR_RETURN(rs, conn.Query("SELECT COUNT(*) FROM cases WHERE region_code LIKE ? "
                                           "AND filed_on >= ? AND filed_on <= ?",
                                           {like, q.from, q.to}));
  b.Add("cases.filed", "立案数", rs.at(0, 0).AsInteger(), "count", "cases");

  // Outcomes decided in the period: persons per kind (a person counted once per kind), the
  // four forms (人次), 移送司法机关, 谈话提醒, 诫勉.
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs, conn.Query("SELECT category, measure, form, COALESCE(id_number, person_name) "
                     "FROM case_outcomes WHERE region_code LIKE ? "
                     "AND decided_on >= ? AND decided_on <= ? ORDER BY id",
                     {like, q.from, q.to}));
  for (const Named& c : kOutcomeCategories) {
    std::vector<std::string> persons;
    for (store::Row row : rs) {
      if (row[0].AsText() != c.name) continue;
      const std::string person = row[3].AsText();
      bool seen = false;
      for (const std::string& p : persons) seen = seen || p == person;
      if (!seen) persons.push_back(person);
    }
    b.Add("outcomes.persons." + std::string(c.name), std::string(c.label) + "人数",
          static_cast<double>(persons.size()), "count", "outcomes",
          "category=" + std::string(c.name));
  }
  for (int form = 1; form <= 4; ++form) {
    std::int64_t n = 0;
    for (store::Row row : rs) n += row[2].AsInteger() == form ? 1 : 0;
    b.Add("outcomes.form." + std::to_string(form), std::string(kFormLabels[form - 1]) + "（人次）",
          static_cast<double>(n), "count", "outcomes", "form=" + std::to_string(form));
  }
  for (const Named& m : kCountedMeasures) {
    std::int64_t n = 0;
    for (store::Row row : rs) n += row[1].AsText() == m.label ? 1 : 0;
    b.Add("outcomes." + std::string(m.name), std::string(m.label) + "（人次）",
          static_cast<double>(n), "count", "outcomes", "measure=" + Encode(m.label));
  }

  // Money supervised: payments in the region paid in the period (region as the payments list
  // reads it: the household's village, else the payer org's region).
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs, conn.Query("SELECT COALESCE(SUM(p.amount), 0), COUNT(*) FROM payments p "
                     "LEFT JOIN households h ON h.household_id = p.household_id "
                     "LEFT JOIN organizations o ON o.org_id = p.payer_org_id "
                     "WHERE COALESCE(h.village_code, o.region_code) LIKE ? "
                     "AND p.pay_date >= ? AND p.pay_date <= ?",
                     {like, q.from, q.to}));
  b.Add("money.supervised", "监督资金（分）", static_cast<double>(rs.at(0, 0).AsInteger()), "fen",
        "payments");
  b.Add("money.payments", "监督资金笔数", static_cast<double>(rs.at(0, 1).AsInteger()), "count",
        "payments");

  // Warnings by rule (as_of in the period) with their dismissal rate.
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs, conn.Query("SELECT rule, COUNT(*), SUM(CASE WHEN state = 'dismissed' THEN 1 ELSE 0 END) "
                     "FROM warnings WHERE region_code LIKE ? AND as_of >= ? AND as_of <= ? "
                     "GROUP BY rule ORDER BY rule",
                     {like, q.from, q.to}));
  for (store::Row row : rs) {
    const std::string rule = row[0].AsText();
    const std::int64_t n = row[1].AsInteger();
    const std::int64_t dismissed = row[2].AsInteger(0);
    b.Add("warnings.by_rule." + rule, rule + " 预警数", static_cast<double>(n), "count", "warnings",
          "rule=" + Encode(rule));
    b.Add("warnings.by_rule." + rule + ".dismissed", rule + " 已排除",
          static_cast<double>(dismissed), "count", "warnings",
          "rule=" + Encode(rule) + "&state=dismissed");
    b.Add("warnings.by_rule." + rule + ".dismissal_rate", rule + " 排除率", Rate(dismissed, n),
          "rate", "warnings", "rule=" + Encode(rule) + "&state=dismissed");
  }

  // Transfers sent in the period from or to the region: by state, and average days from
  // sending to acknowledgement and to conclusion.
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs, conn.Query("SELECT state, sent_at, acknowledged_at, concluded_at FROM transfers "
                     "WHERE (from_region LIKE ? OR to_region LIKE ?) "
                     "AND sent_at >= ? AND sent_at < ?",
                     {like, like, from_ts, end_ts}));
  for (const Named& s : kTransferStates) {
    std::int64_t n = 0;
    for (store::Row row : rs) n += row[0].AsText() == s.name ? 1 : 0;
    b.Add("transfers.by_state." + std::string(s.name), "移送（" + std::string(s.label) + "）",
          static_cast<double>(n), "count", "transfers", "state=" + std::string(s.name));
  }
  double ack_days = 0, conclude_days = 0;
  std::int64_t acked = 0, concluded = 0;
  for (store::Row row : rs) {
    const long long sent = Seconds(row[1].AsText());
    if (sent < 0) continue;
    if (!row[2].is_null()) {
      const long long at = Seconds(row[2].AsText());
      if (at >= 0) ack_days += static_cast<double>(at - sent) / 86400.0, ++acked;
    }
    if (row[0].AsText() == "concluded" && !row[3].is_null()) {
      const long long at = Seconds(row[3].AsText());
      if (at >= 0) conclude_days += static_cast<double>(at - sent) / 86400.0, ++concluded;
    }
  }
  b.Add("transfers.avg_days_to_acknowledge", "平均签收天数", acked ? ack_days / acked : 0.0, "days",
        "transfers");
  b.Add("transfers.avg_days_to_conclude", "平均办结天数",
        concluded ? conclude_days / concluded : 0.0, "days", "transfers", "state=concluded");
  return b.Take();
}

}  // namespace sunlight::supervision
