// Content types for the files of the web app, by file extension.
#pragma once

#include <string_view>

namespace sunlight::http {

// The Content-Type for a file name's extension ("app.js" → "text/javascript; charset=utf-8").
// Text types carry charset=utf-8 (the app and its data are UTF-8 throughout); unknown
// extensions are application/octet-stream, which with nosniff browsers will not execute.
std::string_view MimeTypeForPath(std::string_view file_name);

}  // namespace sunlight::http
