// The PDF (archived) form of a letter, laid out with pango + cairo after GB/T 9704:
// A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm); 版头 the
// issuer's name in red bold serif, 发文字号 centred under it and a red separator as wide as
// the 版心; title in 2号 (22 pt) bold serif; 主送机关; body in 3号 (16 pt) serif, 22 lines
// per page, two-character first-line indent; 署名 centred over the date, which stands four
// characters from the right; page numbers "— 1 —" in 4号, odd pages right, even pages left,
// 7 mm under the 版心. Fonts: 仿宋/方正小标宋简体 where installed, else Noto Serif CJK SC.
// Text is real text (fonts embedded with their Unicode maps): pdftotext reads it back.
#pragma once

#include <string>

#include "core/status.h"
#include "supervision/letters/letter.h"

namespace sunlight::supervision::letters {

// The bytes of the PDF. Internal (reason "pdf_failed") if cairo fails.
StatusOr<std::string> RenderPdf(const LetterDocument& doc);

}  // namespace sunlight::supervision::letters
