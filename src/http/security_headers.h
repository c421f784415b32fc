// The headers every response carries, whether API, static file or error.
//
// The web app is a Vue single-page app served from this same origin, so the policy allows
// scripts, styles, images, fonts and fetches from 'self' only. Element Plus and ECharts set
// inline style attributes, hence style-src 'unsafe-inline'; no inline or foreign scripts.
// HSTS is left to the TLS terminator in front of the server: sent over plain HTTP it is
// ignored, and pinning it on a test host by mistake is hard to undo.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace sunlight::http {

inline constexpr std::string_view kServerName = "sunlight";

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

// Name/value pairs to add to every response.
const std::vector<std::pair<std::string_view, std::string_view>>& SecurityHeaders();

}  // namespace sunlight::http
