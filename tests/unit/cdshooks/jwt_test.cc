#include "oncnav/cdshooks/jwt.h"

#include <gtest/gtest.h>

#include "../../support/test_jwt.h"
#include "oncnav/cdshooks/base64url.h"
#include "oncnav/cdshooks/cds_types.h"

namespace oncnav {
namespace {

constexpr const char* kIssuer = "https://fhir-ehr.example.com/";
constexpr const char* kAudience = "https://cds.example.org/cds-services/oncnav-patient-view";
constexpr int64_t kNow = 1800000000;

using testing::GenerateTestKey;
using testing::TestKey;

const TestKey& Es384() {
  static const TestKey key = GenerateTestKey("ES384");
  return key;
}
const TestKey& Rs384() {
  static const TestKey key = GenerateTestKey("RS384");
  return key;
}

Json Claims() {
  return {{"iss", kIssuer},
          {"aud", kAudience},
          {"exp", kNow + 300},
          {"iat", kNow - 10},
          {"jti", "ee22b021-e1b7-4611-ba5b-8eec6a33ac1e"},
          {"tenant", "2ddd6c3a-8e9a-44c6-a305-52111ad302a2"}};
}

std::string Token(const TestKey& key, const Json& claims, const std::string& header_alg = "",
                  const std::string& kid = "example-kid") {
  return testing::SignedJwt(key, claims, kid, header_alg);
}

std::vector<JwtKey> Trusted() {
  return {{kIssuer, "example-kid", "ES384", Es384().pem},
          {kIssuer, "rsa-kid", "RS384", Rs384().pem}};
}

std::string FailureField(const Result<JwtClaims>& r) {
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.error().code, ErrorCode::kCdsUnauthorized);
  EXPECT_EQ(Describe(r.error().code).http_status, 401);
  return r.error().field;
}

TEST(CdsJwt, GoodEs384Token) {
  auto r = VerifyCdsJwt(Token(Es384(), Claims()), Trusted(), kAudience, kNow);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->iss, kIssuer);
  EXPECT_EQ(r->jti, "ee22b021-e1b7-4611-ba5b-8eec6a33ac1e");
  EXPECT_EQ(r->tenant, "2ddd6c3a-8e9a-44c6-a305-52111ad302a2");
  EXPECT_EQ(r->aud, std::vector<std::string>{kAudience});
}

TEST(CdsJwt, GoodRs384TokenWithAudienceArray) {
  Json claims = Claims();
  claims["aud"] = Json::array({"https://other.example.org", kAudience});
  auto r = VerifyCdsJwt(Token(Rs384(), claims, "", "rsa-kid"), Trusted(), kAudience, kNow);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
}

TEST(CdsJwt, BadSignature) {
  std::string token = Token(Es384(), Claims());
  // Another payload under the original signature.
  Json forged = Claims();
  forged["iss"] = kIssuer;
  forged["jti"] = "forged";
  const size_t dot1 = token.find('.'), dot2 = token.rfind('.');
  std::string tampered =
      token.substr(0, dot1 + 1) + Base64UrlEncode(forged.dump()) + token.substr(dot2);
  EXPECT_EQ(FailureField(VerifyCdsJwt(tampered, Trusted(), kAudience, kNow)), "jwt.signature");
  // A token signed by a key nobody configured, under a trusted kid.
  TestKey stranger = GenerateTestKey("ES384");
  EXPECT_EQ(FailureField(VerifyCdsJwt(Token(stranger, Claims()), Trusted(), kAudience, kNow)),
            "jwt.signature");
}

TEST(CdsJwt, WrongAudience) {
  auto r = VerifyCdsJwt(Token(Es384(), Claims()), Trusted(),
                        "https://cds.example.org/cds-services/oncnav-order-sign", kNow);
  EXPECT_EQ(FailureField(r), "jwt.aud");
}

TEST(CdsJwt, Expired) {
  EXPECT_EQ(
      FailureField(VerifyCdsJwt(Token(Es384(), Claims()), Trusted(), kAudience, kNow + 300 + 61)),
      "jwt.exp");
  // Within the leeway it still passes; an iat in the future does not.
  EXPECT_TRUE(VerifyCdsJwt(Token(Es384(), Claims()), Trusted(), kAudience, kNow + 330).ok());
  EXPECT_EQ(FailureField(VerifyCdsJwt(Token(Es384(), Claims()), Trusted(), kAudience, kNow - 200)),
            "jwt.iat");
}

TEST(CdsJwt, WrongAlgorithm) {
  // HS384 (symmetric) and none are refused by name, whatever the signature.
  for (const char* alg : {"HS384", "none", "ES256"}) {
    EXPECT_EQ(FailureField(VerifyCdsJwt(Token(Es384(), Claims(), alg), Trusted(), kAudience, kNow)),
              "jwt.alg")
        << alg;
  }
  // An RS384 token under the kid of the ES384 key: the key's algorithm decides.
  EXPECT_EQ(FailureField(VerifyCdsJwt(Token(Rs384(), Claims()), Trusted(), kAudience, kNow)),
            "jwt.alg");
}

TEST(CdsJwt, RequiredClaimsAndShape) {
  for (const char* claim : {"jti", "exp", "iat", "aud"}) {
    Json claims = Claims();
    claims.erase(claim);
    EXPECT_EQ(FailureField(VerifyCdsJwt(Token(Es384(), claims), Trusted(), kAudience, kNow)),
              std::string("jwt.") + claim);
  }
  Json huge = Claims();
  huge["exp"] = 1e300;  // must not overflow the conversion to seconds
  EXPECT_EQ(FailureField(VerifyCdsJwt(Token(Es384(), huge), Trusted(), kAudience, kNow)),
            "jwt.exp");
  Json other_issuer = Claims();
  other_issuer["iss"] = "https://evil.example.com/";
  EXPECT_EQ(FailureField(VerifyCdsJwt(Token(Es384(), other_issuer), Trusted(), kAudience, kNow)),
            "jwt.kid");
  EXPECT_EQ(FailureField(VerifyCdsJwt("not-a-token", Trusted(), kAudience, kNow)), "Authorization");
  EXPECT_EQ(FailureField(VerifyCdsJwt("a.b.c", Trusted(), kAudience, kNow)), "jwt.header");
}

TEST(Base64Url, RoundTripsAndRejectsPaddingAndForeignAlphabet) {
  for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\x00"}) {
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(s)), s);
  }
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_FALSE(Base64UrlDecode("Zm9v="));
  EXPECT_FALSE(Base64UrlDecode("+/8"));
  EXPECT_FALSE(Base64UrlDecode("Z"));
}

}  // namespace
}  // namespace oncnav
