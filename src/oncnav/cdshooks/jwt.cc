#include "oncnav/cdshooks/jwt.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "oncnav/cdshooks/base64url.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

using Json = nlohmann::json;

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using EcSigPtr = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG_free>>;

constexpr size_t kEs384Half = 48;  // P-384 coordinates are 48 bytes

Error Unauthorized(std::string field, std::string reason) {
  return Error(ErrorCode::kCdsUnauthorized, std::move(field), std::move(reason));
}

PkeyPtr LoadKey(const JwtKey& key) {
  BioPtr bio(
      BIO_new_mem_buf(key.public_key_pem.data(), static_cast<int>(key.public_key_pem.size())));
  if (!bio) return nullptr;
  PkeyPtr pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!pkey) return nullptr;
  if (key.alg == "ES384") {
    char group[64] = {};
    size_t len = 0;
    if (!EVP_PKEY_is_a(pkey.get(), "EC") ||
        EVP_PKEY_get_group_name(pkey.get(), group, sizeof group, &len) != 1 ||
        std::string_view(group, len) != "secp384r1") {
      return nullptr;
    }
  } else if (key.alg == "RS384") {
    if (!EVP_PKEY_is_a(pkey.get(), "RSA") || EVP_PKEY_get_bits(pkey.get()) < 2048) return nullptr;
  } else {
    return nullptr;
  }
  return pkey;
}

// JWS ES384 signatures are r || s; OpenSSL verifies the DER SEQUENCE of the two integers.
std::optional<std::string> EcdsaRawToDer(std::string_view raw) {
  if (raw.size() != 2 * kEs384Half) return std::nullopt;
  EcSigPtr sig(ECDSA_SIG_new());
  if (!sig) return std::nullopt;
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), kEs384Half, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + kEs384Half, kEs384Half,
                        nullptr);
  if (!r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(sig.get(), &der);
  if (len <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

// A deployment trusts a few fixed keys and OpenSSL 3's PEM decoding is slow, so each key is
// decoded once per process (failures too). An EVP_PKEY may be shared by threads that verify.
std::shared_ptr<EVP_PKEY> CachedKey(const JwtKey& key) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<EVP_PKEY>, std::less<>> decoded;
  std::string id = Cat({key.alg, "\n", key.public_key_pem});
  std::lock_guard lock(mutex);
  auto it = decoded.find(id);
  if (it == decoded.end()) {
    it =
        decoded.emplace(id, std::shared_ptr<EVP_PKEY>(LoadKey(key).release(), EVP_PKEY_free)).first;
  }
  return it->second;
}

bool VerifySignature(const JwtKey& key, std::string_view signed_part, std::string_view sig) {
  std::shared_ptr<EVP_PKEY> pkey = CachedKey(key);
  if (!pkey) return false;
  std::string der;
  if (key.alg == "ES384") {
    auto converted = EcdsaRawToDer(sig);
    if (!converted) return false;
    der = std::move(*converted);
    sig = der;
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha384(), nullptr, pkey.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                          reinterpret_cast<const unsigned char*>(signed_part.data()),
                          signed_part.size()) == 1;
}

std::optional<Json> DecodeJsonPart(std::string_view part) {
  auto bytes = Base64UrlDecode(part);
  if (!bytes) return std::nullopt;
  Json j = Json::parse(*bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  return j;
}

std::string StringClaim(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<JwtClaims> VerifyCdsJwt(std::string_view token, const std::vector<JwtKey>& keys,
                               std::string_view expected_audience, int64_t now,
                               int64_t leeway_seconds) {
  const size_t dot1 = token.find('.');
  const size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return Unauthorized("Authorization", "is not a JSON Web Token (three base64url parts)");
  }
  auto header = DecodeJsonPart(token.substr(0, dot1));
  auto payload = DecodeJsonPart(token.substr(dot1 + 1, dot2 - dot1 - 1));
  auto signature = Base64UrlDecode(token.substr(dot2 + 1));
  if (!header) return Unauthorized("jwt.header", "is not base64url-encoded JSON");
  if (!payload) return Unauthorized("jwt.payload", "is not base64url-encoded JSON");
  if (!signature || signature->empty()) return Unauthorized("jwt.signature", "is missing");

  JwtClaims c;
  c.alg = StringClaim(*header, "alg");
  c.kid = StringClaim(*header, "kid");
  c.jku = StringClaim(*header, "jku");
  if (StringClaim(*header, "typ") != "JWT") return Unauthorized("jwt.typ", "must be \"JWT\"");
  if (c.alg != "ES384" && c.alg != "RS384") {
    return Unauthorized("jwt.alg", Cat({"\"", c.alg,
                                        "\" is not accepted; CDS Hooks clients sign with an "
                                        "asymmetric algorithm: ES384 or RS384"}));
  }
  if (c.kid.empty()) return Unauthorized("jwt.kid", "is required");
  c.iss = StringClaim(*payload, "iss");
  if (c.iss.empty()) return Unauthorized("jwt.iss", "is required");

  const JwtKey* key = nullptr;
  for (const auto& k : keys) {
    if (k.issuer == c.iss && k.kid == c.kid) key = &k;
  }
  if (!key) return Unauthorized("jwt.kid", "no trusted key for this issuer and kid");
  if (key->alg != c.alg) {
    return Unauthorized("jwt.alg", Cat({"the key for this kid is ", key->alg, ", not ", c.alg}));
  }
  if (!VerifySignature(*key, token.substr(0, dot2), *signature)) {
    return Unauthorized("jwt.signature", "does not verify with the issuer's key");
  }

  // Claims are read only after the signature holds, so nothing unsigned is trusted.
  const Json& p = *payload;
  if (auto aud = p.find("aud"); aud != p.end() && aud->is_string()) {
    c.aud.push_back(aud->get<std::string>());
  } else if (aud != p.end() && aud->is_array()) {
    for (const auto& a : *aud) {
      if (a.is_string()) c.aud.push_back(a.get<std::string>());
    }
  }
  if (c.aud.empty()) return Unauthorized("jwt.aud", "is required");
  if (std::find(c.aud.begin(), c.aud.end(), expected_audience) == c.aud.end()) {
    return Unauthorized("jwt.aud", Cat({"does not name this service (", expected_audience, ")"}));
  }
  auto exp = p.find("exp");
  auto iat = p.find("iat");
  if (exp == p.end() || !exp->is_number()) return Unauthorized("jwt.exp", "is required");
  if (iat == p.end() || !iat->is_number()) return Unauthorized("jwt.iat", "is required");
  // Seconds since 1970 up to year 9999; anything else cannot be converted safely.
  constexpr double kMaxSeconds = 253402300799.0;
  const double exp_s = exp->get<double>(), iat_s = iat->get<double>();
  if (!(exp_s >= 0 && exp_s <= kMaxSeconds)) return Unauthorized("jwt.exp", "is out of range");
  if (!(iat_s >= 0 && iat_s <= kMaxSeconds)) return Unauthorized("jwt.iat", "is out of range");
  c.exp = static_cast<int64_t>(exp_s);
  c.iat = static_cast<int64_t>(iat_s);
  if (c.exp + leeway_seconds <= now) return Unauthorized("jwt.exp", "the token has expired");
  if (c.iat - leeway_seconds > now) return Unauthorized("jwt.iat", "is in the future");
  c.jti = StringClaim(p, "jti");
  if (c.jti.empty()) return Unauthorized("jwt.jti", "is required");
  c.sub = StringClaim(p, "sub");
  c.tenant = StringClaim(p, "tenant");
  return c;
}

}  // namespace oncnav
