// The .docx (editable) form of a letter: a minimal WordprocessingML package
// ([Content_Types].xml, _rels/.rels, word/document.xml, word/styles.xml, word/settings.xml,
// word/footer1.xml and the document's relationships) zipped in memory with libzip. Laid out
// like the PDF after GB/T 9704: A4, margins 37/26/35/28 mm, red 版头 and separator line,
// 仿宋 body with a two-character first-line indent, page numbers "— 1 —" in the footer.
#pragma once

#include <string>

#include "core/status.h"
#include "supervision/letters/letter.h"

namespace sunlight::supervision::letters {

// The bytes of the .docx file. Internal (reason "docx_failed") only if libzip fails.
StatusOr<std::string> RenderDocx(const LetterDocument& doc);

// XML-escapes text (&, <, >, ") for element content and attribute values.
std::string XmlEscape(std::string_view text);

}  // namespace sunlight::supervision::letters
