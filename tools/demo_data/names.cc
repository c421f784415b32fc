// Name pools (see names.h). Pools are plain arrays of UTF-8 literals; weights come from
// order: the first quarter of each surname pool is drawn twice as often, as surnames are in
// real villages.
#include "demo_data/names.h"

#include <array>
#include <span>

namespace sunlight::demo {
namespace {

using Pool = std::span<const std::string_view>;

constexpr std::string_view kBijieSurnames[] = {"陈", "王", "张", "李", "杨", "刘", "罗", "龙", "安",
                                               "禄", "陆", "吴", "赵", "周", "熊", "朱", "马", "黄",
                                               "徐", "胡", "韦", "余", "蔡", "邓", "苏", "聂"};
constexpr std::string_view kQiannanSurnames[] = {"潘", "韦", "蒙", "石", "陆", "吴", "杨",
                                                 "莫", "覃", "何", "王", "罗", "陈", "李"};
constexpr std::string_view kMiaoSurnames[] = {"杨", "李", "王", "吴", "龙", "唐",
                                              "余", "文", "潘", "张", "侯", "顾"};
constexpr std::string_view kTujiaSurnames[] = {"向", "田", "覃", "龚", "彭", "唐", "张",
                                               "李", "王", "黄", "邓", "熊", "胡"};
constexpr std::string_view kChongqingSurnames[] = {"谭", "向", "陈", "冉", "黄", "刘", "李", "王",
                                                   "牟", "熊", "张", "杨", "周", "邓", "何", "余"};
constexpr std::string_view kNorthwestSurnames[] = {"王", "李", "张", "刘", "杨", "赵", "陈",
                                                   "马", "何", "高", "席", "慕", "路", "魏",
                                                   "杜", "冯", "郭", "贾", "景", "蒲"};
constexpr std::string_view kNorthSurnames[] = {"王", "李", "张", "刘", "赵", "杨", "高",
                                               "陈", "霍", "闫", "侯", "孙", "贾", "孟"};
constexpr std::string_view kHuiSurnames[] = {"马", "马", "韩", "冶", "妥", "穆", "喇",
                                             "白", "何", "虎", "海", "锁", "拜", "杨"};
constexpr std::string_view kYiClans[] = {"沙马", "吉克", "阿苦", "马海", "瓦其", "海来",
                                         "阿尔", "吉伍", "曲比", "阿约", "俄木", "阿西"};
constexpr std::string_view kLiangshanHanSurnames[] = {"杨", "和", "李", "王", "张",
                                                      "胡", "阿", "曹", "陈"};
constexpr std::string_view kCantoneseSurnames[] = {"陈", "李", "黄", "梁", "林", "何",
                                                   "罗", "郑", "谢", "冯", "张", "吴",
                                                   "刘", "叶", "邓", "麦", "区", "冼"};
constexpr std::string_view kMinnanSurnames[] = {"陈", "林", "黄", "张", "吴", "王", "李", "叶",
                                                "苏", "蔡", "郑", "洪", "许", "庄", "曾"};
constexpr std::string_view kWuSurnames[] = {"张", "王", "陈", "李", "徐", "周", "朱", "沈",
                                            "陆", "顾", "金", "钱", "俞", "孙", "吴"};
constexpr std::string_view kShandongSurnames[] = {"王", "张", "刘", "李", "孙", "于", "姜",
                                                  "隋", "孔", "孟", "颜", "杨", "高"};

// Given names by era (born before 1965, 1965–1994, from 1995) and sex.
constexpr std::string_view kOldMale[] = {"德福", "国富", "明华", "建国", "永清", "文学", "志强",
                                         "正发", "德明", "光荣", "兴旺", "福寿", "玉山", "学文",
                                         "有才", "顺才", "开明", "世华", "绍先", "汝贵", "正荣"};
constexpr std::string_view kOldFemale[] = {"秀英", "桂英", "玉兰", "秀兰", "凤英", "桂兰",
                                           "素珍", "玉珍", "淑芬", "翠花", "春梅", "德芬",
                                           "珍秀", "美英", "凤莲", "兰英", "成芬"};
constexpr std::string_view kMidMale[] = {
    "建华", "国强", "志勇", "永刚", "海军", "红军", "明亮", "文斌", "建军", "小平", "军",
    "伟",   "勇",   "强",   "刚",   "斌",   "涛",   "磊",   "波",   "海",   "洪",   "杰",
    "勇军", "朝辉", "光明", "云峰", "德江", "兴华", "成林", "贵平", "正军", "远航"};
constexpr std::string_view kMidFemale[] = {
    "丽",   "芳",   "艳",   "霞",   "英",   "燕",   "敏",   "红梅", "春燕", "小红", "丽娟", "海燕",
    "晓燕", "美玲", "玉梅", "丽萍", "秋菊", "桂芳", "小芬", "荣",   "琴",   "金凤", "应芬"};
constexpr std::string_view kYoungMale[] = {"浩然", "子豪", "宇航", "俊杰", "梓轩", "浩宇", "子涵",
                                           "家豪", "宇轩", "皓",   "鑫",   "博文", "泽宇", "一鸣",
                                           "思远", "天佑", "俊熙", "睿",   "家乐", "文博", "明轩"};
constexpr std::string_view kYoungFemale[] = {"欣怡", "梓涵", "雨萱", "思琪", "诗涵", "佳怡", "雨欣",
                                             "可馨", "紫涵", "一诺", "语嫣", "梦瑶", "欣悦", "若汐",
                                             "婉清", "雅婷", "佳琪", "静怡", "子萱", "梦琪"};

// Liangshan Yi given names (after the clan name) and Tibetan names.
constexpr std::string_view kYiMale[] = {"拉且", "日土", "伍各", "尔古", "石布", "阿支",
                                        "木呷", "拉惹", "约达", "尔日", "伍沙", "拉体"};
constexpr std::string_view kYiFemale[] = {"阿呷", "阿果", "石各", "阿芝", "阿衣",
                                          "日嫫", "拉嫫", "阿嫫", "依作"};
constexpr std::string_view kTibetanMale[] = {"才让", "扎西", "多杰", "桑吉", "尕藏", "完玛",
                                             "旦增", "贡保", "索南", "更登", "洛桑", "加措"};
constexpr std::string_view kTibetanFemale[] = {"卓玛", "拉毛", "德吉", "卓尕", "吉毛",
                                               "才措", "央金", "娘吉", "拉姆", "草毛"};
// Hui given names common in 临夏 (尕 "little" is a Hezhou usage).
constexpr std::string_view kHuiMale[] = {"尕西木", "哈三", "伊布拉", "尔利", "木沙", "尕布"};
constexpr std::string_view kHuiFemale[] = {"法图麦", "阿依舍", "尕麦", "海彦", "麦燕"};

Pool SurnamesOf(NameStyle style) {
  switch (style) {
    case NameStyle::kBijie:
      return kBijieSurnames;
    case NameStyle::kQiannan:
      return kQiannanSurnames;
    case NameStyle::kMiao:
      return kMiaoSurnames;
    case NameStyle::kTujia:
      return kTujiaSurnames;
    case NameStyle::kChongqing:
      return kChongqingSurnames;
    case NameStyle::kHanNorthwest:
      return kNorthwestSurnames;
    case NameStyle::kHanNorth:
      return kNorthSurnames;
    case NameStyle::kHui:
      return kHuiSurnames;
    case NameStyle::kYiLiangshan:
      return kLiangshanHanSurnames;
    case NameStyle::kTibetan:
      return kNorthwestSurnames;  // Han neighbours in 夏河
    case NameStyle::kCantonese:
      return kCantoneseSurnames;
    case NameStyle::kMinnan:
      return kMinnanSurnames;
    case NameStyle::kWu:
      return kWuSurnames;
    case NameStyle::kShandong:
      return kShandongSurnames;
  }
  return kNorthSurnames;
}

// Surname pools are roughly ordered by frequency: the first quarter counts double.
std::string_view PickSurname(Rng& rng, Pool pool) {
  const size_t head = (pool.size() + 3) / 4;
  const uint64_t slot = rng.Below(pool.size() + head);
  return pool[slot < pool.size() ? slot : slot - pool.size()];
}

bool IsYiClan(std::string_view surname) {
  for (std::string_view clan : kYiClans) {
    if (clan == surname) return true;
  }
  return false;
}

}  // namespace

std::string DrawSurname(Rng& rng, NameStyle style) {
  if (style == NameStyle::kTibetan && rng.Chance(0.7)) return {};
  if (style == NameStyle::kYiLiangshan && rng.Chance(0.5)) {
    return std::string(rng.Pick<std::string_view>(kYiClans));
  }
  return std::string(PickSurname(rng, SurnamesOf(style)));
}

std::string FullName(Rng& rng, NameStyle style, std::string_view surname, bool male,
                     int birth_year) {
  if (style == NameStyle::kTibetan && surname.empty()) {
    std::string name(rng.Pick<std::string_view>(male ? Pool(kTibetanMale) : Pool(kTibetanFemale)));
    // About a third carry a second name: 扎西多杰, 才让卓玛.
    if (rng.Chance(0.35)) {
      name += rng.Pick<std::string_view>(male ? Pool(kTibetanMale) : Pool(kTibetanFemale));
    }
    return name;
  }
  std::string name(surname);
  if (style == NameStyle::kYiLiangshan && IsYiClan(surname)) {
    name += rng.Pick<std::string_view>(male ? Pool(kYiMale) : Pool(kYiFemale));
    return name;
  }
  if (style == NameStyle::kHui && rng.Chance(0.2)) {
    name += rng.Pick<std::string_view>(male ? Pool(kHuiMale) : Pool(kHuiFemale));
    return name;
  }
  Pool given;
  if (birth_year < 1965) {
    given = male ? Pool(kOldMale) : Pool(kOldFemale);
  } else if (birth_year < 1995) {
    given = male ? Pool(kMidMale) : Pool(kMidFemale);
  } else {
    given = male ? Pool(kYoungMale) : Pool(kYoungFemale);
  }
  name += rng.Pick<std::string_view>(given);
  return name;
}

}  // namespace sunlight::demo
