// Letters (文书) from fixture records on both engines: each kind's content in the .docx and the
// PDF, numbering per org and year, concurrency, and the errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "letters/letter_test_util.h"
#include "store/transaction.h"
#include "supervision/letters/letter_numbering.h"
#include "supervision/letters/letter_store.h"
#include "supervision/workflow_events.h"
#include "support/test_engines.h"

namespace sunlight::supervision::letters {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace sunlight::letters_test;

const Actor kGz{"gz_jw", "4401-JW", "4401"};
const Actor kBj{"bj_jw", "5205-JW", "5205"};

Date Day(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

class LettersTest : public sunlight::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    SeedOrganizations(*conn_);
  }
  void TearDown() override {
    conn_.reset();
    db_.reset();
  }

  LetterRecord Issue(LetterKind kind, std::vector<std::int64_t> ids, const Actor& actor,
                     Date on = Day(2026, 11, 22), std::string recipient = "") {
    LetterRequest request;
    request.kind = kind;
    request.source_ids = std::move(ids);
    request.issued_on = on;
    request.recipient_org_id = std::move(recipient);
    StatusOr<LetterRecord> letter = IssueLetter(*conn_, request, actor);
    EXPECT_TRUE(letter.ok()) << letter.status();
    return letter.ok() ? *letter : LetterRecord{};
  }

  // Both files of the letter, as text (docx runs; pdftotext without whitespace). With
  // SUNLIGHT_LETTERS_OUT set, the files are also written there, to look at.
  std::pair<std::string, std::string> Texts(const LetterRecord& letter) {
    StatusOr<std::string> docx = LetterDocx(letter);
    EXPECT_TRUE(docx.ok()) << docx.status();
    StatusOr<std::string> pdf = LetterPdf(*conn_, letter);
    EXPECT_TRUE(pdf.ok()) << pdf.status();
    if (const char* out = std::getenv("SUNLIGHT_LETTERS_OUT"); out && docx.ok() && pdf.ok()) {
      std::string base = std::string(out) + "/" + std::string(LetterKindName(letter.kind)) +
                         "-" + std::to_string(letter.id) + "-" + EngineName(engine());
      std::ofstream(base + ".docx", std::ios::binary) << *docx;
      std::ofstream(base + ".pdf", std::ios::binary) << *pdf;
    }
    return {docx.ok() ? DocxText(*docx) : "", pdf.ok() ? Squeeze(PdfText(*pdf)) : ""};
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

TEST_P(LettersTest, SupervisionNoticeListsTheProblemsInDocxAndPdf) {
  std::int64_t p1 =
      InsertProblem(*conn_, "产业扶贫资金拨付滞后", "2026年第三季度资金滞留超过90天", 1234550);
  std::int64_t p2 = InsertProblem(*conn_, "项目验收资料不全", "3个项目缺少竣工验收报告");
  LetterRecord letter = Issue(LetterKind::kSupervisionNotice, {p1, p2}, kGz);
  EXPECT_EQ(letter.number, "穗纪协〔2026〕1号");
  EXPECT_EQ(letter.kind, LetterKind::kSupervisionNotice);
  EXPECT_EQ(letter.issuer_name, "广州市纪委监委");
  EXPECT_EQ(letter.recipient_name, "大方县农业农村局");
  EXPECT_EQ(letter.region_code, "520521");
  EXPECT_EQ(letter.source_type, "problem");
  EXPECT_EQ(letter.source_id, p1);
  EXPECT_EQ(letter.title, "关于产业扶贫资金拨付滞后等2个问题的监督提示函");
  EXPECT_EQ(letter.issued_on, "2026-11-22");
  EXPECT_THAT(letter.body_json, HasSubstr("\"amount_fen\":1234550"));

  auto [docx, pdf] = Texts(letter);
  for (const std::string& expected :
       {std::string("广州市纪委监委"), letter.number, letter.title,
        std::string("大方县农业农村局："), std::string("一、产业扶贫资金拨付滞后。"),
        std::string("涉及金额12345.50元。"), std::string("二、项目验收资料不全。"),
        std::string("2026年11月22日")}) {
    EXPECT_THAT(docx, HasSubstr(expected)) << "docx";
    EXPECT_THAT(pdf, HasSubstr(Squeeze(expected))) << "pdf";
  }
  EXPECT_THAT(pdf, HasSubstr("—1—"));  // the page number
  // The package parts Word needs.
  StatusOr<std::string> bytes = LetterDocx(letter);
  ASSERT_TRUE(bytes.ok());
  EXPECT_THAT(ZipEntry(*bytes, "[Content_Types].xml"), HasSubstr("wordprocessingml.document.main"));
  EXPECT_THAT(ZipEntry(*bytes, "_rels/.rels"), HasSubstr("word/document.xml"));
  EXPECT_THAT(ZipEntry(*bytes, "word/styles.xml"), HasSubstr("w:eastAsia=\"仿宋\""));
  EXPECT_THAT(ZipEntry(*bytes, "word/footer1.xml"), HasSubstr("PAGE"));
  std::string xml = ZipEntry(*bytes, "word/document.xml");
  EXPECT_THAT(xml, HasSubstr("w:color=\"FF0000\""));             // red 版头 and line
  EXPECT_THAT(xml, HasSubstr("w:eastAsia=\"方正小标宋简体\""));  // title font
  EXPECT_THAT(xml, HasSubstr("w:firstLineChars=\"200\""));       // two-character indent
  EXPECT_THAT(xml, HasSubstr("w:top=\"2098\""));                 // 37 mm
}

TEST_P(LettersTest, RectificationOrderListsTheUnitsOpenTasksWithMeasuresAndDeadlines) {
  std::int64_t p = InsertProblem(*conn_, "易地搬迁安置点配套设施未完工", "");
  InsertTask(*conn_, p, "完成安置点道路硬化", "倒排工期，每周调度", "2026-12-31", "520521-NY");
  InsertTask(*conn_, p, "补齐资金拨付凭证", "逐笔核对", "2027-01-15", "520521-CZ");
  InsertTask(*conn_, p, "已完成的排水沟任务", "已验收", "2026-10-01", "520521-NY", "closed");
  InsertTask(*conn_, p, "完善安置点路灯", "纳入年度计划", "2027-02-28", "520521-NY", "in_progress");
  LetterRecord letter = Issue(LetterKind::kRectificationOrder, {p}, kGz);
  EXPECT_EQ(letter.recipient_org_id, "520521-NY");
  EXPECT_EQ(letter.title, "关于督促整改易地搬迁安置点配套设施未完工问题的整改督办函");
  auto [docx, pdf] = Texts(letter);
  for (const std::string& expected :
       {letter.number, letter.title, std::string("大方县农业农村局："),
        std::string(
            "一、完成安置点道路硬化。整改措施：倒排工期，每周调度。完成时限：2026年12月31日。"),
        std::string("责任人：王大方"), std::string("二、完善安置点路灯。"),
        std::string("2027年2月28日"), std::string("2026年11月22日")}) {
    EXPECT_THAT(docx, HasSubstr(expected));
    EXPECT_THAT(pdf, HasSubstr(Squeeze(expected)));
  }
  EXPECT_THAT(docx, Not(HasSubstr("排水沟")));            // closed: no order
  EXPECT_THAT(docx, Not(HasSubstr("补齐资金拨付凭证")));  // another unit's task
  // The other unit gets its own order when named.
  LetterRecord other =
      Issue(LetterKind::kRectificationOrder, {p}, kGz, Day(2026, 11, 22), "520521-CZ");
  EXPECT_EQ(other.recipient_name, "大方县财政局");
  EXPECT_THAT(Texts(other).first, HasSubstr("补齐资金拨付凭证"));
  EXPECT_EQ(other.number, "穗纪协〔2026〕2号");
}

TEST_P(LettersTest, TransferLetterCarriesTheTransfersItems) {
  std::int64_t clue = InsertClue(*conn_, "GZ-2026-0007", "反映某村干部虚报冒领扶贫补贴", "李某某");
  std::int64_t problem = InsertProblem(*conn_, "帮扶车间设备闲置", "价值30万元设备闲置一年");
  std::int64_t t = InsertTransfer(*conn_, "", "k1");
  AddTransferItem(*conn_, t, "clue", clue);
  AddTransferItem(*conn_, t, "problem", problem);
  LetterRecord letter = Issue(LetterKind::kTransferLetter, {t}, kGz);
  EXPECT_EQ(letter.number, "穗纪协〔2026〕1号");  // the transfer had no number yet
  EXPECT_EQ(letter.recipient_name, "毕节市纪委监委");
  EXPECT_EQ(letter.source_type, "transfer");
  EXPECT_EQ(letter.title, "关于移送1件问题线索和1个问题的移送函");
  auto [docx, pdf] = Texts(letter);
  for (const std::string& expected :
       {letter.number, letter.title, std::string("毕节市纪委监委："),
        std::string("问题线索（编号：GZ-2026-0007）：反映某村干部虚报冒领扶贫补贴。"),
        std::string("被反映人：李某某（大方县农业农村局副局长）"),
        std::string("帮扶车间设备闲置。"),
        std::string("请于2026年12月31日前将办理情况反馈我委。")}) {
    EXPECT_THAT(docx, HasSubstr(expected));
    EXPECT_THAT(pdf, HasSubstr(Squeeze(expected)));
  }
}

TEST_P(LettersTest, TransferLetterKeepsTheTransfersNumberAndReissuingIsIdempotent) {
  std::int64_t clue = InsertClue(*conn_, "GZ-2026-0008", "反映挪用产业资金", "张某");
  std::int64_t t = InsertTransfer(*conn_, "穗纪移〔2026〕5号", "k2");
  AddTransferItem(*conn_, t, "clue", clue);
  LetterRecord first = Issue(LetterKind::kTransferLetter, {t}, kGz);
  EXPECT_EQ(first.number, "穗纪移〔2026〕5号");
  EXPECT_EQ(first.seq, 0);
  LetterRecord again = Issue(LetterKind::kTransferLetter, {t}, kGz);
  EXPECT_EQ(again.id, first.id);
  StatusOr<LetterPage> page = ListLetters(*conn_, {});
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total, 1);
}

TEST_P(LettersTest, FeedbackLetterGoesBackToTheSenderWithEveryEntry) {
  std::int64_t clue = InsertClue(*conn_, "GZ-2026-0009", "反映低保优亲厚友", "赵某");
  std::int64_t empty = InsertTransfer(*conn_, "穗纪移〔2026〕6号", "k3");
  AddTransferItem(*conn_, empty, "clue", clue);
  LetterRequest request{.kind = LetterKind::kFeedbackLetter, .source_ids = {empty}};
  StatusOr<LetterRecord> refused = IssueLetter(*conn_, request, kBj);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().reason(), "no_feedback");

  std::int64_t t = InsertTransfer(*conn_, "穗纪移〔2026〕7号", "k4", "给予赵某党内警告处分");
  AddTransferItem(*conn_, t, "clue", clue);
  AddFeedback(*conn_, t, "已成立核查组开展初步核实", "2026-11-05T02:00:00Z");
  AddFeedback(*conn_, t, "核实属实，已立案审查", "2026-11-18T02:00:00Z");
  LetterRecord letter = Issue(LetterKind::kFeedbackLetter, {t}, kBj);
  EXPECT_EQ(letter.number, "毕纪协〔2026〕1号");
  EXPECT_EQ(letter.issuer_name, "毕节市纪委监委");
  EXPECT_EQ(letter.recipient_name, "广州市纪委监委");
  EXPECT_EQ(letter.region_code, "5205");
  auto [docx, pdf] = Texts(letter);
  for (const std::string& expected :
       {letter.number, std::string("关于穗纪移〔2026〕7号移送事项办理情况的反馈函"),
        std::string("广州市纪委监委："),
        std::string("一、2026年11月5日，已成立核查组开展初步核实。"),
        std::string("二、2026年11月18日，核实属实，已立案审查。"),
        std::string("办理结果：给予赵某党内警告处分。"), std::string("毕节市纪委监委")}) {
    EXPECT_THAT(docx, HasSubstr(expected));
    EXPECT_THAT(pdf, HasSubstr(Squeeze(expected)));
  }
}

TEST_P(LettersTest, NumbersCountPerOrgAndYearAndRestartInANewYear) {
  std::int64_t p = InsertProblem(*conn_, "问题甲", "");
  EXPECT_EQ(Issue(LetterKind::kSupervisionNotice, {p}, kGz).number, "穗纪协〔2026〕1号");
  EXPECT_EQ(Issue(LetterKind::kSupervisionNotice, {p}, kGz).number, "穗纪协〔2026〕2号");
  EXPECT_EQ(Issue(LetterKind::kSupervisionNotice, {p}, kBj).number, "毕纪协〔2026〕1号");
  EXPECT_EQ(Issue(LetterKind::kSupervisionNotice, {p}, kGz, Day(2027, 1, 4)).number,
            "穗纪协〔2027〕1号");
  EXPECT_EQ(Issue(LetterKind::kSupervisionNotice, {p}, kGz).number, "穗纪协〔2026〕3号");
  // A configured prefix replaces the default from then on.
  ASSERT_TRUE(SetLetterPrefix(*conn_, "4401-JW", "穗纪协作", "admin").ok());
  EXPECT_EQ(Issue(LetterKind::kSupervisionNotice, {p}, kGz).number, "穗纪协作〔2026〕4号");
  EXPECT_EQ(SetLetterPrefix(*conn_, "4401-JW", "", "admin").reason(), "bad_letter_prefix");
}

TEST_P(LettersTest, ConcurrentNumberingNeverCollides) {
  constexpr int kThreads = 4;
  constexpr int kEach = 10;
  std::mutex mu;
  std::vector<std::int64_t> seqs;
  std::vector<std::string> errors;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto conn = db_->Connect();
      if (!conn.ok()) {
        std::lock_guard lock(mu);
        errors.push_back(conn.status().ToString());
        return;
      }
      for (int j = 0; j < kEach; ++j) {
        StatusOr<LetterNumber> n = [&]() -> StatusOr<LetterNumber> {
          SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, (*conn)->Begin());
          SUNLIGHT_ASSIGN_OR_RETURN(LetterNumber number, NextLetterNumber(**conn, "4401-JW", 2026));
          SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
          return number;
        }();
        std::lock_guard lock(mu);
        if (n.ok()) {
          seqs.push_back(n->seq);
        } else {
          errors.push_back(n.status().ToString());
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_THAT(errors, ::testing::IsEmpty());
  std::set<std::int64_t> unique(seqs.begin(), seqs.end());
  EXPECT_EQ(unique.size(), seqs.size());
  ASSERT_EQ(seqs.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(*unique.begin(), 1);
  EXPECT_EQ(*unique.rbegin(), kThreads * kEach);
}

TEST_P(LettersTest, ConcurrentIssuesGetDistinctNumbers) {
  std::int64_t p = InsertProblem(*conn_, "问题乙", "");
  std::mutex mu;
  std::set<std::string> numbers;
  std::vector<std::string> errors;
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&] {
      auto conn = db_->Connect();
      for (int j = 0; j < 2 && conn.ok(); ++j) {
        LetterRequest request{.kind = LetterKind::kSupervisionNotice,
                              .source_ids = {p},
                              .issued_on = Day(2026, 11, 22)};
        StatusOr<LetterRecord> letter = IssueLetter(**conn, request, kGz);
        std::lock_guard lock(mu);
        if (letter.ok()) {
          numbers.insert(letter->number);
        } else {
          errors.push_back(letter.status().ToString());
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_THAT(errors, ::testing::IsEmpty());
  EXPECT_EQ(numbers.size(), 6u);
  EXPECT_TRUE(numbers.contains("穗纪协〔2026〕6号"));
}

TEST_P(LettersTest, MissingRecordsAreNotFoundAndLeaveNothingBehind) {
  LetterRequest notice{.kind = LetterKind::kSupervisionNotice, .source_ids = {999}};
  StatusOr<LetterRecord> r = IssueLetter(*conn_, notice, kGz);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().reason(), "problem_not_found");
  EXPECT_THAT(r.status().message(), HasSubstr("999"));
  LetterRequest transfer{.kind = LetterKind::kTransferLetter, .source_ids = {999}};
  r = IssueLetter(*conn_, transfer, kGz);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "transfer_not_found");
  LetterRequest none{.kind = LetterKind::kRectificationOrder, .source_ids = {}};
  EXPECT_EQ(IssueLetter(*conn_, none, kGz).status().reason(), "bad_letter_request");
  EXPECT_EQ(GetLetter(*conn_, 999).status().reason(), "letter_not_found");
  // An order for a problem without open tasks takes no number either.
  std::int64_t p = InsertProblem(*conn_, "问题丙", "");
  LetterRequest order{.kind = LetterKind::kRectificationOrder, .source_ids = {p}};
  EXPECT_EQ(IssueLetter(*conn_, order, kGz).status().reason(), "no_open_tasks");
  // No number was used up by the failures.
  EXPECT_EQ(Issue(LetterKind::kSupervisionNotice, {p}, kGz).number, "穗纪协〔2026〕1号");
}

TEST_P(LettersTest, OutsideJurisdictionIsRefused) {
  std::int64_t p = InsertProblem(*conn_, "问题丁", "");
  LetterRequest request{.kind = LetterKind::kSupervisionNotice, .source_ids = {p}};
  request.in_jurisdiction = [](std::string_view region) { return region.starts_with("4401"); };
  StatusOr<LetterRecord> r = IssueLetter(*conn_, request, kGz);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(r.status().reason(), "outside_jurisdiction");
  StatusOr<LetterPage> page = ListLetters(*conn_, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);
}

TEST_P(LettersTest, StoredWithArchivedPdfEventAndListedByRegion) {
  std::int64_t p = InsertProblem(*conn_, "问题戊", "");
  LetterRecord a = Issue(LetterKind::kSupervisionNotice, {p}, kGz);
  std::int64_t clue = InsertClue(*conn_, "GZ-2026-0010", "反映问题", "钱某");
  std::int64_t t = InsertTransfer(*conn_, "", "k5");
  AddTransferItem(*conn_, t, "clue", clue);
  LetterRecord b = Issue(LetterKind::kTransferLetter, {t}, kGz);

  ASSERT_TRUE(a.pdf_attachment_id.has_value());
  StatusOr<store::ResultSet> att = conn_->Query(
      "SELECT file_name, content_type, size_bytes, sha256 FROM attachments "
      "WHERE owner_type = 'letter' AND owner_id = ?",
      {a.id});
  ASSERT_TRUE(att.ok()) << att.status();
  ASSERT_EQ(att->size(), 1u);
  EXPECT_EQ(att->at(0, 0).AsText(), a.number + ".pdf");
  EXPECT_EQ(att->at(0, 1).AsText(), "application/pdf");
  StatusOr<std::string> pdf = LetterPdf(*conn_, a);
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(att->at(0, 2).AsInteger(), static_cast<std::int64_t>(pdf->size()));
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_EQ(att->at(0, 3).AsText().size(), 64u);

  StatusOr<std::vector<WorkflowEvent>> events = EventsOf(*conn_, "letter", a.id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].to_state, "issued");
  EXPECT_EQ((*events)[0].actor_login, "gz_jw");
  EXPECT_THAT((*events)[0].details, HasSubstr(a.number));

  StatusOr<LetterPage> all = ListLetters(*conn_, {});
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->total, 2);
  EXPECT_EQ(all->letters[0].id, b.id);  // newest first
  StatusOr<LetterPage> guizhou = ListLetters(*conn_, {.region_prefixes = {"52"}});
  ASSERT_TRUE(guizhou.ok());
  ASSERT_EQ(guizhou->total, 1);
  EXPECT_EQ(guizhou->letters[0].id, a.id);
  StatusOr<LetterPage> paged = ListLetters(*conn_, {.limit = 1, .offset = 1});
  ASSERT_TRUE(paged.ok());
  EXPECT_EQ(paged->total, 2);
  ASSERT_EQ(paged->letters.size(), 1u);
  EXPECT_EQ(paged->letters[0].id, a.id);
  StatusOr<LetterRecord> got = GetLetter(*conn_, a.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->number, a.number);
  EXPECT_EQ(got->body_json, a.body_json);
}

INSTANTIATE_ENGINE_TEST_SUITE(LettersTest);

TEST(LetterPrefix, DefaultsFromRegionAndKind) {
  EXPECT_EQ(DefaultLetterPrefix("4401", "广州市", "广州市纪委监委", "commission"), "穗纪协");
  EXPECT_EQ(DefaultLetterPrefix("5205", "毕节市", "毕节市纪委监委", "commission"), "毕纪协");
  EXPECT_EQ(DefaultLetterPrefix("330100", "杭州市", "杭州市财政局", "finance"), "杭财协");
  EXPECT_EQ(DefaultLetterPrefix("999", "", "某某单位", "other"), "某某协");
  EXPECT_EQ(FormatLetterNumber("穗纪协", 2020, 12), "穗纪协〔2020〕12号");
}

TEST(LetterKinds, NamesRoundTripAndNumeralsRead) {
  for (LetterKind kind : {LetterKind::kSupervisionNotice, LetterKind::kRectificationOrder,
                          LetterKind::kTransferLetter, LetterKind::kFeedbackLetter}) {
    StatusOr<LetterKind> parsed = ParseLetterKind(LetterKindName(kind));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, kind);
  }
  EXPECT_EQ(ParseLetterKind("memo").status().reason(), "bad_letter_kind");
  EXPECT_EQ(ChineseNumeral(1), "一");
  EXPECT_EQ(ChineseNumeral(10), "十");
  EXPECT_EQ(ChineseNumeral(11), "十一");
  EXPECT_EQ(ChineseNumeral(20), "二十");
  EXPECT_EQ(ChineseNumeral(99), "九十九");
}

}  // namespace
}  // namespace sunlight::supervision::letters
