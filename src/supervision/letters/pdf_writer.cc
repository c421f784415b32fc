#include "supervision/letters/pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string_view>

namespace sunlight::supervision::letters {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
constexpr double kLeft = 28 * kMm;
constexpr double kTop = 37 * kMm;
constexpr double kTextWidth = 156 * kMm;
constexpr double kTextHeight = 225 * kMm;
constexpr double kBottom = kTop + kTextHeight;
constexpr double kPitch = kTextHeight / 22;  // 22 lines per page
constexpr double kBodySize = 16;             // 3号
constexpr double kChar = kBodySize;          // one character's width in the body

constexpr std::string_view kBodyFamilies = "FangSong,仿宋,Noto Serif CJK SC";
constexpr std::string_view kTitleFamilies = "FZXiaoBiaoSong-B05S,方正小标宋简体,Noto Serif CJK SC";
constexpr std::string_view kNumberFamilies = "SimSun,宋体,Noto Serif CJK SC";

struct FontDeleter {
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
using Font = std::unique_ptr<PangoFontDescription, FontDeleter>;

Font MakeFont(std::string_view families, double size, bool bold) {
  Font font(pango_font_description_new());
  pango_font_description_set_family(font.get(), std::string(families).c_str());
  pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
  pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct Style {
  std::string_view families = kBodyFamilies;
  double size = kBodySize;
  bool bold = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double indent = 0;  // first line, points
  bool justify = false;
  double red = 0;  // 0 black, 1 red (版头)
  double pitch = kPitch;
};

// Lays out text on pages, line by line, starting new pages as they fill.
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {}

  Layout MakeLayout(std::string_view text, const Style& style, double width = kTextWidth) {
    Layout layout(pango_cairo_create_layout(cr_));
    Font font = MakeFont(style.families, style.size, style.bold);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), style.align);
    pango_layout_set_indent(layout.get(), static_cast<int>(style.indent * PANGO_SCALE));
    pango_layout_set_justify(layout.get(), style.justify);
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }

  // Writes a paragraph; each of its lines takes one slot of style.pitch. x_offset shifts it.
  void Paragraph(std::string_view text, const Style& style, double width = kTextWidth,
                 double x_offset = 0) {
    if (text.empty()) {
      Advance(style.pitch);
      return;
    }
    Layout layout = MakeLayout(text, style, width);
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
      if (y_ + style.pitch > kBottom + 0.01) NewPage();
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      double baseline = pango_layout_iter_get_baseline(iter) / double(PANGO_SCALE);
      double line_top = logical.y / double(PANGO_SCALE);
      double line_height = logical.height / double(PANGO_SCALE);
      double y = y_ + (style.pitch - line_height) / 2 + (baseline - line_top);
      double x = kLeft + x_offset + logical.x / double(PANGO_SCALE);
      cairo_set_source_rgb(cr_, style.red, 0, 0);
      cairo_move_to(cr_, x, y);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      y_ += style.pitch;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  double TextWidth(std::string_view text, const Style& style) {
    Layout layout = MakeLayout(text, style, -1);
    pango_layout_set_width(layout.get(), -1);
    int width = 0, height = 0;
    pango_layout_get_pixel_size(layout.get(), &width, &height);
    return width;
  }

  void Advance(double points) {
    y_ += points;
    if (y_ > kBottom + 0.01) NewPage();
  }
  void EnsureRoom(double points) {
    if (y_ + points > kBottom + 0.01) NewPage();
  }
  double y() const { return y_; }
  int page() const { return page_; }

  void NewPage() {
    PageNumber();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
  }
  void Finish() {
    PageNumber();
    cairo_show_page(cr_);
  }

 private:
  // "— n —", 4号 (14 pt), 7 mm under the 版心; odd pages right, even pages left, one
  // character in from the edge of the 版心.
  void PageNumber() {
    Style style{.families = kNumberFamilies, .size = 14};
    std::string text = fmt::format("— {} —", page_);
    double width = TextWidth(text, style);
    double x = page_ % 2 == 1 ? kLeft + kTextWidth - 14 - width : kLeft + 14;
    Layout layout = MakeLayout(text, style, -1);
    pango_layout_set_width(layout.get(), -1);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_move_to(cr_, x, kBottom + 7 * kMm);
    pango_cairo_show_layout(cr_, layout.get());
  }

  cairo_t* cr_;  // not owned
  double y_ = kTop;
  int page_ = 1;
};

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Renders with body lines `pitch` apart; tells whether the 署名 and date had to start a page
// of their own.
StatusOr<std::string> RenderWithPitch(const LetterDocument& doc, double pitch,
                                      bool& signature_alone) {
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(&AppendToString, &bytes, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc.issuer_name.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, doc.number.c_str());
  cairo_t* cr = cairo_create(surface);
  {
    Writer writer(cr);
    // 版头: the issuer in red, as large as fits one line of the 版心 (at most 36 pt).
    Style header{.families = kTitleFamilies,
                 .size = 36,
                 .bold = true,
                 .align = PANGO_ALIGN_CENTER,
                 .red = 1,
                 .pitch = 2 * pitch};
    double natural = writer.TextWidth(doc.issuer_name, header);
    if (natural > kTextWidth) header.size = header.size * kTextWidth / natural * 0.98;
    writer.Paragraph(doc.issuer_name, header);
    writer.Advance(pitch);  // 版头下空二行 (one here, one in the header's own slot)
    writer.Paragraph(doc.number, Style{.align = PANGO_ALIGN_CENTER, .pitch = pitch});
    // The red separator, 4 mm under the number, as wide as the 版心.
    double rule_y = writer.y() + 4 * kMm - pitch / 4;
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_set_line_width(cr, 1.0);
    cairo_move_to(cr, kLeft, rule_y);
    cairo_line_to(cr, kLeft + kTextWidth, rule_y);
    cairo_stroke(cr);
    writer.Advance(2 * pitch);  // 红线下空二行
    writer.Paragraph(doc.title, Style{.families = kTitleFamilies,
                                      .size = 22,
                                      .bold = true,
                                      .align = PANGO_ALIGN_CENTER,
                                      .pitch = 1.25 * pitch});
    writer.Advance(pitch);  // 标题下空一行
    writer.Paragraph(doc.recipient_name + "：", Style{.pitch = pitch});
    for (const std::string& p : doc.paragraphs) {
      writer.Paragraph(p, Style{.indent = 2 * kChar, .justify = true, .pitch = pitch});
    }
    // 署名 centred over the 成文日期, which stands four characters from the right edge;
    // both on the same page, after one blank line (正文下空一行).
    const int page_before = writer.page();
    writer.Advance(pitch);
    writer.EnsureRoom(2 * pitch);
    signature_alone = writer.page() != page_before;
    std::string date = doc.issued_on.ToChineseString();
    double date_width = writer.TextWidth(date, Style{.pitch = pitch});
    double date_x = kTextWidth - 4 * kChar - date_width;
    double name_width = writer.TextWidth(doc.issuer_name, Style{.pitch = pitch});
    double name_x = std::max(0.0, date_x + date_width / 2 - name_width / 2);
    if (name_x + name_width > kTextWidth) name_x = std::max(0.0, kTextWidth - name_width);
    writer.Paragraph(doc.issuer_name, Style{.pitch = pitch}, kTextWidth - name_x, name_x);
    writer.Paragraph(date, Style{.pitch = pitch}, kTextWidth - date_x, date_x);
    writer.Finish();
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return InternalError(fmt::format("生成 PDF 失败（{}）", cairo_status_to_string(status)),
                         "pdf_failed");
  }
  return bytes;
}

}  // namespace

StatusOr<std::string> RenderPdf(const LetterDocument& doc) {
  // GB/T 9704 7.3.5: when the 署名 and date do not fit under the last lines of the body, adjust
  // the line spacing rather than leave them alone on a page: 22, then 23, then 24 lines a page.
  StatusOr<std::string> bytes = InternalError("生成 PDF 失败", "pdf_failed");
  for (int lines : {22, 23, 24}) {
    bool signature_alone = false;
    bytes = RenderWithPitch(doc, kTextHeight / lines, signature_alone);
    if (!bytes.ok() || !signature_alone) break;
  }
  return bytes;
}

}  // namespace sunlight::supervision::letters
