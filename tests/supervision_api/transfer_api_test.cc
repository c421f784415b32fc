// /api/v1/transfers over the real server: 广州 sends a clue to 毕节, 毕节 reads it at once,
// acknowledges and feeds back, 广州 sees the feedback; a retried send gives the same transfer;
// a third commission gets 403; a wrong step gets 409 with the allowed states.
#include <gtest/gtest.h>

#include "supervision_api/clue_api_fixture.h"

namespace sunlight::http::testing {
namespace {

class TransferApiTest : public ClueApiTest {
 protected:
  nlohmann::json SendBody(std::int64_t clue_id, std::string key = "gz-2026-0001") {
    return {{"request_key", key},
            {"letter_no", "穗纪移〔2026〕12号"},
            {"to_org_id", "5205-JW"},
            {"items", {{{"type", "clue"}, {"id", clue_id}}}},
            {"feedback_working_days", 10},
            {"batch_quarter", "2026Q4"},
            {"note", "被反映人系毕节市管理干部"}};
  }
};

TEST_F(TransferApiTest, SendAcknowledgeFeedBackAndTheSenderSeesIt) {
  ApiClient gz = LoginAs("gz_jw");
  ApiClient bj = LoginAs("bj_jw");
  const std::int64_t clue = NewClue(gz);
  HttpResponse sent = gz.Post("/api/v1/transfers", SendBody(clue));
  ASSERT_EQ(sent.result_int(), 201) << sent.body();
  nlohmann::json t = JsonOf(sent);
  const std::string path = "/api/v1/transfers/" + std::to_string(t["id"].get<std::int64_t>());
  EXPECT_EQ(t["state"], "sent");
  EXPECT_EQ(t["created"], true);
  EXPECT_EQ(t["to_org_id"], "5205-JW");
  EXPECT_FALSE(t["feedback_due"].get<std::string>().empty());

  // The receiver sees the transfer and the clue at once.
  HttpResponse box = bj.Get("/api/v1/transfers?box=received");
  ASSERT_EQ(box.result_int(), 200) << box.body();
  ASSERT_EQ(JsonOf(box)["total"], 1);
  EXPECT_EQ(JsonOf(box)["items"][0]["direction"], "received");
  HttpResponse got = bj.Get(path);
  ASSERT_EQ(got.result_int(), 200) << got.body();
  EXPECT_EQ(JsonOf(got)["items"][0]["record"]["summary"], "反映大方县某村干部截留产业扶贫资金");
  EXPECT_EQ(got.body().find("李四"), std::string::npos);  // the informant stays home
  HttpResponse clue_read = bj.Get("/api/v1/clues/" + std::to_string(clue));
  EXPECT_EQ(clue_read.result_int(), 200) << clue_read.body();
  EXPECT_EQ(JsonOf(clue_read)["state"], "transferred");

  // Only the receiver acknowledges.
  HttpResponse by_sender = gz.Post(path + "/acknowledge", nlohmann::json::object());
  EXPECT_EQ(by_sender.result_int(), 403) << by_sender.body();
  EXPECT_EQ(ErrorCodeOf(by_sender), "not_receiver");
  HttpResponse ack = bj.Post(path + "/acknowledge", nlohmann::json::object());
  ASSERT_EQ(ack.result_int(), 200) << ack.body();
  EXPECT_EQ(JsonOf(ack)["state"], "acknowledged");
  HttpResponse fb = bj.Post(
      path + "/feedback", {{"text", "已成立核查组，正在初步核实"}, {"reported_on", "2026-11-20"}});
  ASSERT_EQ(fb.result_int(), 200) << fb.body();
  EXPECT_EQ(JsonOf(fb)["state"], "in_progress");

  HttpResponse seen = gz.Get(path);
  ASSERT_EQ(seen.result_int(), 200) << seen.body();
  nlohmann::json view = JsonOf(seen);
  ASSERT_EQ(view["feedback"].size(), 1u);
  EXPECT_EQ(view["feedback"][0]["text"], "已成立核查组，正在初步核实");
  EXPECT_EQ(view["feedback"][0]["author_org"], "5205-JW");
  EXPECT_EQ(view["direction"], "sent");

  HttpResponse done = bj.Post(path + "/conclude", {{"result", "给予王某党内警告处分"}});
  ASSERT_EQ(done.result_int(), 200) << done.body();
  EXPECT_EQ(JsonOf(gz.Get(path))["result"], "给予王某党内警告处分");
  EXPECT_EQ(AuditRows("transfer.acknowledge", "bj_jw").size(), 1u);
  EXPECT_EQ(AuditRows("read.transfer", "gz_jw").size(), 2u);
}

TEST_F(TransferApiTest, RetriedSendReturnsTheSameTransfer) {
  ApiClient gz = LoginAs("gz_jw");
  const std::int64_t clue = NewClue(gz);
  HttpResponse first = gz.Post("/api/v1/transfers", SendBody(clue));
  ASSERT_EQ(first.result_int(), 201) << first.body();
  HttpResponse again = gz.Post("/api/v1/transfers", SendBody(clue));
  ASSERT_EQ(again.result_int(), 200) << again.body();
  EXPECT_EQ(JsonOf(again)["id"], JsonOf(first)["id"]);
  EXPECT_EQ(JsonOf(again)["created"], false);
  EXPECT_EQ(JsonOf(gz.Get("/api/v1/transfers?box=sent"))["total"], 1);
  // The key may also come as the Idempotency-Key header.
  const std::int64_t other = NewClue(gz);
  nlohmann::json body = SendBody(other);
  body.erase("request_key");
  HttpResponse h1 = gz.Send("POST", "/api/v1/transfers", body.dump(),
                            {{"Idempotency-Key", "hdr-1"}, {"Content-Type", "application/json"}});
  ASSERT_EQ(h1.result_int(), 201) << h1.body();
  HttpResponse h2 = gz.Send("POST", "/api/v1/transfers", body.dump(),
                            {{"Idempotency-Key", "hdr-1"}, {"Content-Type", "application/json"}});
  ASSERT_EQ(h2.result_int(), 200) << h2.body();
  EXPECT_EQ(JsonOf(h2)["id"], JsonOf(h1)["id"]);
  HttpResponse no_key = gz.Post("/api/v1/transfers", body);
  EXPECT_EQ(no_key.result_int(), 400) << no_key.body();
  EXPECT_EQ(ErrorCodeOf(no_key), "request_key_required");
}

TEST_F(TransferApiTest, ThirdCommissionIsRefused) {
  ApiClient gz = LoginAs("gz_jw");
  const std::int64_t clue = NewClue(gz);
  HttpResponse sent = gz.Post("/api/v1/transfers", SendBody(clue));
  ASSERT_EQ(sent.result_int(), 201) << sent.body();
  const std::string path =
      "/api/v1/transfers/" + std::to_string(JsonOf(sent)["id"].get<std::int64_t>());
  AddUser("dafang_jw", access::Role::kSupervisor, "520521-JW");
  ApiClient third = LoginAs("dafang_jw");
  HttpResponse r = third.Get(path);
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(ErrorCodeOf(r), "outside_jurisdiction");
  r = third.Post(path + "/acknowledge", nlohmann::json::object());
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(r.body().find("反映大方县"), std::string::npos);
  r = third.Get("/api/v1/clues/" + std::to_string(clue));
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(JsonOf(third.Get("/api/v1/transfers"))["total"], 0);
  EXPECT_EQ(AuditRows("read.transfer", "dafang_jw").at(0).outcome, "outside_jurisdiction");
}

TEST_F(TransferApiTest, WrongStepIs409WithAllowedStates) {
  ApiClient gz = LoginAs("gz_jw");
  ApiClient bj = LoginAs("bj_jw");
  const std::int64_t clue = NewClue(gz);
  HttpResponse sent = gz.Post("/api/v1/transfers", SendBody(clue));
  ASSERT_EQ(sent.result_int(), 201) << sent.body();
  const std::string path =
      "/api/v1/transfers/" + std::to_string(JsonOf(sent)["id"].get<std::int64_t>());
  HttpResponse early = bj.Post(path + "/conclude", {{"result", "了结"}});
  ASSERT_EQ(early.result_int(), 409) << early.body();
  nlohmann::json error = JsonOf(early)["error"];
  EXPECT_EQ(error["code"], "wrong_state");
  EXPECT_EQ(error["details"]["state"], "sent");
  EXPECT_EQ(error["details"]["allowed"], nlohmann::json::array({"acknowledged", "returned"}));
  ASSERT_EQ(bj.Post(path + "/acknowledge", nlohmann::json::object()).result_int(), 200);
  HttpResponse twice = bj.Post(path + "/acknowledge", nlohmann::json::object());
  ASSERT_EQ(twice.result_int(), 409) << twice.body();
  EXPECT_EQ(JsonOf(twice)["error"]["details"]["allowed"],
            nlohmann::json::array({"in_progress", "returned"}));
  // A return gives the clue back to 广州.
  HttpResponse back = bj.Post(path + "/return", {{"reason", "不属本机关管辖"}});
  ASSERT_EQ(back.result_int(), 200) << back.body();
  EXPECT_EQ(JsonOf(gz.Get("/api/v1/clues/" + std::to_string(clue)))["state"], "registered");
  EXPECT_EQ(bj.Get("/api/v1/clues/" + std::to_string(clue)).result_int(), 403);
}

}  // namespace
}  // namespace sunlight::http::testing
