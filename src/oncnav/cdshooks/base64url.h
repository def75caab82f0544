#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace oncnav {

// Base64url without padding (RFC 4648 §5), as JWS uses it. Decoding rejects padding, other
// alphabets and impossible lengths.
std::string Base64UrlEncode(std::string_view bytes);
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace oncnav
