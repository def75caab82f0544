#pragma once

#include <string>
#include <string_view>

namespace oncnav::server {

// A new API token: "oncnav_" followed by 256 random bits (libsodium), URL-safe base64.
std::string NewToken();

// What the store keeps instead of the token: BLAKE2b-256 (libsodium crypto_generichash), hex.
// A keyed slow hash is not needed: tokens are random, not chosen by people.
std::string HashToken(std::string_view token);

}  // namespace oncnav::server
