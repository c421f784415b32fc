#include "supervision/state_machine.h"

namespace sunlight::supervision {

bool StateMachine::IsState(std::string_view state) const {
  for (const StateInfo& s : states_) {
    if (s.name == state) return true;
  }
  return false;
}

std::string_view StateMachine::Label(std::string_view state) const {
  for (const StateInfo& s : states_) {
    if (s.name == state) return s.label;
  }
  return state;
}

std::vector<std::string_view> StateMachine::AllowedNext(std::string_view from) const {
  std::vector<std::string_view> next;
  for (const Transition& t : transitions_) {
    if (t.from == from) next.push_back(t.to);
  }
  return next;
}

Status StateMachine::Check(std::string_view from, std::string_view to) const {
  if (!IsState(to)) {
    return InvalidArgumentError("未知状态“" + std::string(to) + "”", "unknown_state");
  }
  for (const Transition& t : transitions_) {
    if (t.from == from && t.to == to) return Status::Ok();
  }
  std::string allowed;
  for (std::string_view next : AllowedNext(from)) {
    if (!allowed.empty()) allowed += "、";
    allowed += std::string(Label(next)) + "（" + std::string(next) + "）";
  }
  if (allowed.empty()) allowed = "无（已是终态）";
  return FailedPreconditionError("当前状态为“" + std::string(Label(from)) + "”，不能转为“" +
                                     std::string(Label(to)) + "”；可转为：" + allowed,
                                 "wrong_state");
}

}  // namespace sunlight::supervision
