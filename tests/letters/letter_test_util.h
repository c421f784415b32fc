// Helpers of the letters tests: fixture records inserted with SQL (the tables of migration 6
// and the ledger's organizations), and reading the rendered files back (.docx through libzip,
// PDF through poppler's pdftotext).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "store/connection.h"

namespace sunlight::letters_test {

// Organizations 4401-JW 广州市纪委监委, 5205-JW 毕节市纪委监委, 520521-NY 大方县农业农村局,
// 520521-CZ 大方县财政局; user dafang_ny (display name 王大方).
void SeedOrganizations(store::Connection& conn);

// Inserts a problem in region 520521 owned by 4401-JW; returns its id.
std::int64_t InsertProblem(store::Connection& conn, std::string_view title,
                           std::string_view description, std::int64_t amount_fen = 0,
                           std::string_view responsible_org = "520521-NY");

std::int64_t InsertTask(store::Connection& conn, std::int64_t problem_id,
                        std::string_view description, std::string_view measures,
                        std::string_view deadline, std::string_view org,
                        std::string_view state = "assigned");

// A transfer 4401-JW (4401) → 5205-JW (5205).
std::int64_t InsertTransfer(store::Connection& conn, std::string_view letter_no,
                            std::string_view key, std::string_view result = "");

std::int64_t InsertClue(store::Connection& conn, std::string_view number, std::string_view summary,
                        std::string_view person);

void AddTransferItem(store::Connection& conn, std::int64_t transfer_id, std::string_view type,
                     std::int64_t item_id);

void AddFeedback(store::Connection& conn, std::int64_t transfer_id, std::string_view text,
                 std::string_view at);

// One entry of a zip archive held in memory ("" if missing).
std::string ZipEntry(const std::string& zip_bytes, const std::string& name);

// The text of word/document.xml: every <w:t> run's text, entities decoded, paragraphs joined
// by '\n'.
std::string DocxText(const std::string& docx_bytes);

// pdftotext's output for the PDF bytes.
std::string PdfText(const std::string& pdf_bytes);

// `text` without any whitespace (pdftotext breaks lines where the layout wrapped them).
std::string Squeeze(std::string_view text);

}  // namespace sunlight::letters_test
