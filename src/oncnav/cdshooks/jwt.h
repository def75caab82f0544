#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/common/result.h"

namespace oncnav {

// A CDS Client's public key the deployment trusts (out-of-band JWK Set exchange, current.md
// "Trusting CDS Clients"): the issuer it signs for, its `kid`, its algorithm and the key as
// PEM (SubjectPublicKeyInfo, "-----BEGIN PUBLIC KEY-----").
struct JwtKey {
  std::string issuer;  // the token's iss must equal it
  std::string kid;     // the token header's kid must equal it
  std::string alg;     // "ES384" (P-384) or "RS384"
  std::string public_key_pem;
};

struct JwtClaims {
  std::string alg, kid, jku;  // header
  std::string iss, sub, jti, tenant;
  std::vector<std::string> aud;
  int64_t exp = 0, iat = 0;
};

// Verifies the Bearer JWT of a CDS Hooks call (current.md "Trusting CDS Clients"): three
// base64url parts; header typ "JWT", alg ES384 or RS384 (never "none" nor an HMAC), kid
// required; the signature checked with the configured key of that issuer and kid, whose alg
// must match the header's; claims iss, aud (string or array, containing `expected_audience`,
// the URL of the endpoint called), exp, iat and jti required; exp after `now` and iat not after
// it, each allowing `leeway_seconds` of clock skew. Failures are kCdsUnauthorized Errors saying
// why. Replay: the caller must remember `jti` until `exp` and refuse a repeat.
Result<JwtClaims> VerifyCdsJwt(std::string_view token, const std::vector<JwtKey>& keys,
                               std::string_view expected_audience, int64_t now,
                               int64_t leeway_seconds = 60);

}  // namespace oncnav
