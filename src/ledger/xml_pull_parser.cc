// XmlPullParser: tokenizes a chunked byte stream into start/end/text events.
#include "ledger/xml_pull_parser.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "ledger/utf8.h"

namespace sunlight::ledger {

namespace {

constexpr size_t kChunk = 64 * 1024;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view LocalName(std::string_view qualified) {
  const size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

// Characters XML 1.0 allows in a document.
bool IsXmlChar(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Decodes the reference between '&' and ';' (e.g. "amp", "#20013", "#x4E2D").
bool AppendReference(std::string_view ref, std::string& out) {
  if (ref == "lt") return out += '<', true;
  if (ref == "gt") return out += '>', true;
  if (ref == "amp") return out += '&', true;
  if (ref == "quot") return out += '"', true;
  if (ref == "apos") return out += '\'', true;
  if (ref.size() < 2 || ref[0] != '#') return false;
  const bool hex = ref[1] == 'x';
  const std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return false;
  uint32_t cp = 0;
  for (char c : digits) {
    uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      digit = static_cast<uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      digit = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    cp = cp * (hex ? 16 : 10) + digit;
  }
  if (!IsXmlChar(cp)) return false;
  AppendUtf8(static_cast<char32_t>(cp), out);
  return true;
}

}  // namespace

bool DecodeXmlText(std::string_view raw, std::string& out) {
  size_t pos = 0;
  while (pos < raw.size()) {
    const char c = raw[pos];
    if (c == '&') {
      const size_t semicolon = raw.find(';', pos + 1);
      if (semicolon == std::string_view::npos || semicolon - pos > 12) return false;
      if (!AppendReference(raw.substr(pos + 1, semicolon - pos - 1), out)) return false;
      pos = semicolon + 1;
    } else if (c == '\r') {
      // XML end-of-line handling: "\r\n" and a lone "\r" are both "\n".
      out += '\n';
      pos += (pos + 1 < raw.size() && raw[pos + 1] == '\n') ? 2 : 1;
    } else {
      out += c;
      ++pos;
    }
  }
  return true;
}

XmlPullParser::XmlPullParser(Source source, size_t max_token_bytes)
    : source_(std::move(source)), max_token_bytes_(max_token_bytes) {}

std::optional<std::string_view> XmlPullParser::Attribute(std::string_view local_name) const {
  for (size_t i = 0; i < attr_count_; ++i) {
    if (attrs_[i].local_name == local_name) return attrs_[i].value;
  }
  return std::nullopt;
}

Status XmlPullParser::Bad(std::string_view what) const {
  return InvalidArgumentError("XML 格式错误：" + std::string(what), "xlsx_bad_xml");
}

StatusOr<bool> XmlPullParser::Fill() {
  if (source_done_) return false;
  if (buf_.size() - pos_ > max_token_bytes_) {
    return ResourceExhaustedError("XML 中单个元素或文本过大（超过 " +
                                      std::to_string(max_token_bytes_ / (1024 * 1024)) + " MiB）",
                                  "xlsx_token_too_large");
  }
  const size_t old_size = buf_.size();
  buf_.resize(old_size + kChunk);
  StatusOr<size_t> got = source_(buf_.data() + old_size, kChunk);
  if (!got.ok()) {
    buf_.resize(old_size);
    return got.status();
  }
  buf_.resize(old_size + *got);
  if (*got == 0) source_done_ = true;
  return *got > 0;
}

StatusOr<size_t> XmlPullParser::Find(size_t from, std::string_view needle) {
  while (true) {
    const size_t found = buf_.find(needle, from);
    if (found != std::string::npos) return found;
    // Resume where a match could still begin once more bytes arrive.
    if (buf_.size() >= needle.size()) from = std::max(from, buf_.size() - needle.size() + 1);
    SUNLIGHT_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) return std::string::npos;
  }
}

Status XmlPullParser::Want(size_t count) {
  while (buf_.size() - pos_ < count) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) break;
  }
  return Status::Ok();
}

StatusOr<XmlPullParser::Event> XmlPullParser::Next() {
  if (pending_end_) {
    pending_end_ = false;
    name_ = std::move(open_.back());
    open_.pop_back();
    return Event::kEndElement;
  }
  // Nothing returned so far points into buf_, so the parsed prefix can go.
  if (pos_ >= kChunk) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  if (!started_) {
    started_ = true;
    SUNLIGHT_RETURN_IF_ERROR(Want(3));
    if (buf_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
  }
  while (true) {
    SUNLIGHT_RETURN_IF_ERROR(Want(1));
    if (pos_ >= buf_.size()) {
      if (!open_.empty()) return Bad("文档在元素 <" + open_.back() + "> 结束之前中断");
      return Event::kEndDocument;
    }
    if (buf_[pos_] != '<') {
      SUNLIGHT_ASSIGN_OR_RETURN(size_t end, Find(pos_, "<"));
      if (end == std::string::npos) end = buf_.size();
      text_.clear();
      if (!DecodeXmlText(std::string_view(buf_).substr(pos_, end - pos_), text_)) {
        return Bad("文本中有无效的实体引用");
      }
      if (!IsValidUtf8(text_)) return Bad("文本不是有效的 UTF-8");
      pos_ = end;
      return Event::kText;
    }
    SUNLIGHT_RETURN_IF_ERROR(Want(9));
    const std::string_view ahead = std::string_view(buf_).substr(pos_);
    if (ahead.starts_with("<?")) {
      SUNLIGHT_ASSIGN_OR_RETURN(size_t end, Find(pos_ + 2, "?>"));
      if (end == std::string::npos) return Bad("处理指令未结束");
      pos_ = end + 2;
      continue;
    }
    if (ahead.starts_with("<!--")) {
      SUNLIGHT_ASSIGN_OR_RETURN(size_t end, Find(pos_ + 4, "-->"));
      if (end == std::string::npos) return Bad("注释未结束");
      pos_ = end + 3;
      continue;
    }
    if (ahead.starts_with("<![CDATA[")) {
      SUNLIGHT_ASSIGN_OR_RETURN(size_t end, Find(pos_ + 9, "]]>"));
      if (end == std::string::npos) return Bad("CDATA 未结束");
      text_.assign(buf_, pos_ + 9, end - pos_ - 9);
      if (!IsValidUtf8(text_)) return Bad("文本不是有效的 UTF-8");
      pos_ = end + 3;
      return Event::kText;
    }
    if (ahead.starts_with("<!")) return Bad("不支持 DOCTYPE 声明");

    // A tag: find its '>' outside quoted attribute values.
    size_t index = pos_ + 1;
    char quote = 0;
    while (true) {
      if (index >= buf_.size()) {
        SUNLIGHT_ASSIGN_OR_RETURN(bool more, Fill());
        if (!more) return Bad("标签未结束");
        continue;
      }
      const char c = buf_[index];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      ++index;
    }
    const std::string_view tag = std::string_view(buf_).substr(pos_ + 1, index - pos_ - 1);
    pos_ = index + 1;
    if (!tag.empty() && tag[0] == '/') {
      std::string_view name = tag.substr(1);
      while (!name.empty() && IsSpace(name.back())) name.remove_suffix(1);
      name = LocalName(name);
      if (open_.empty() || open_.back() != name) {
        return Bad("结束标签 </" + std::string(name) + "> 与开始标签不匹配");
      }
      name_ = std::move(open_.back());
      open_.pop_back();
      return Event::kEndElement;
    }
    SUNLIGHT_RETURN_IF_ERROR(ParseTag(tag));
    return Event::kStartElement;
  }
}

Status XmlPullParser::ParseTag(std::string_view tag) {
  if (!tag.empty() && tag.back() == '/') {
    pending_end_ = true;
    tag.remove_suffix(1);
  }
  size_t pos = 0;
  while (pos < tag.size() && !IsSpace(tag[pos])) ++pos;
  const std::string_view name = LocalName(tag.substr(0, pos));
  if (name.empty()) return Bad("标签缺少名称");
  name_.assign(name);
  attr_count_ = 0;
  while (true) {
    while (pos < tag.size() && IsSpace(tag[pos])) ++pos;
    if (pos >= tag.size()) break;
    const size_t name_start = pos;
    while (pos < tag.size() && tag[pos] != '=' && !IsSpace(tag[pos])) ++pos;
    const std::string_view attr_name = tag.substr(name_start, pos - name_start);
    while (pos < tag.size() && IsSpace(tag[pos])) ++pos;
    if (attr_name.empty() || pos >= tag.size() || tag[pos] != '=') {
      return Bad("元素 <" + name_ + "> 的属性格式错误");
    }
    ++pos;
    while (pos < tag.size() && IsSpace(tag[pos])) ++pos;
    if (pos >= tag.size() || (tag[pos] != '"' && tag[pos] != '\'')) {
      return Bad("元素 <" + name_ + "> 的属性值缺少引号");
    }
    const char quote = tag[pos++];
    const size_t value_end = tag.find(quote, pos);
    if (value_end == std::string_view::npos) return Bad("属性值未结束");
    if (attr_count_ == attrs_.size()) attrs_.emplace_back();
    Attr& attr = attrs_[attr_count_++];
    attr.local_name.assign(LocalName(attr_name));
    attr.value.clear();
    if (!DecodeXmlText(tag.substr(pos, value_end - pos), attr.value)) {
      return Bad("属性值中有无效的实体引用");
    }
    if (!IsValidUtf8(attr.value)) return Bad("属性值不是有效的 UTF-8");
    pos = value_end + 1;
  }
  open_.push_back(name_);
  return Status::Ok();
}

}  // namespace sunlight::ledger
