#include <rpc/auth.h>

#include <crypto/hmac.h>
#include <util/base64.h>
#include <util/hex.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A fresh directory per test case, removed afterwards.
using test::TempDir;

std::string ReadFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string BasicHeader(std::string_view user_colon_password)
{
    return "Basic " + util::EncodeBase64(util::AsBytes(user_colon_password));
}

std::string RpcauthLine(const std::string& user, const std::string& salt, const std::string& password)
{
    const auto hmac = crypto::HmacSha256(util::AsBytes(salt)).Write(util::AsBytes(password)).Finalize();
    return user + ':' + salt + '$' + util::HexStr(hmac);
}

rpc::Authenticator CreateOk(std::optional<std::string> user_colon_password, const std::vector<std::string>& lines)
{
    auto auth = rpc::Authenticator::Create(std::move(user_colon_password), lines);
    BOOST_REQUIRE_MESSAGE(auth, (auth ? std::string() : auth.error()));
    return *auth;
}

} // namespace

BOOST_AUTO_TEST_SUITE(auth_tests)

BOOST_AUTO_TEST_CASE(cookie_file)
{
    TempDir dir;
    const fs::path cookie_path = dir.path / ".cookie";
    const auto cookie = rpc::GenerateAuthCookie(cookie_path);
    BOOST_REQUIRE_MESSAGE(cookie, (cookie ? std::string() : cookie.error()));
    // "__cookie__:" and 64 lower-case hex digits, nothing else (no newline).
    BOOST_CHECK_EQUAL(cookie->size(), 11u + 64u);
    BOOST_CHECK(cookie->starts_with("__cookie__:"));
    BOOST_CHECK(util::IsHex(cookie->substr(11)));
    BOOST_CHECK_EQUAL(ReadFile(cookie_path), *cookie);
    BOOST_CHECK(!fs::exists(dir.path / ".cookie.tmp"));

    struct stat info {};
    BOOST_REQUIRE_EQUAL(::stat(cookie_path.c_str(), &info), 0);
    BOOST_CHECK_EQUAL(info.st_mode & 0777, 0600u);

    // A second cookie replaces the first, and is a different secret.
    const auto second = rpc::GenerateAuthCookie(cookie_path);
    BOOST_REQUIRE(second);
    BOOST_CHECK(*second != *cookie);
    BOOST_CHECK_EQUAL(ReadFile(cookie_path), *second);

    // The cookie authenticates as user __cookie__.
    const auto auth = CreateOk(*second, {});
    BOOST_CHECK(auth.Check(BasicHeader(*second)) == std::string("__cookie__"));
    BOOST_CHECK(!auth.Check(BasicHeader(*cookie)));

    rpc::DeleteAuthCookie(cookie_path);
    BOOST_CHECK(!fs::exists(cookie_path));
    rpc::DeleteAuthCookie(cookie_path); // missing: ignored
}

BOOST_AUTO_TEST_CASE(cookie_replaces_stale_tmp_and_keeps_mode)
{
    TempDir dir;
    const fs::path cookie_path = dir.path / ".cookie";
    {
        std::ofstream stale(dir.path / ".cookie.tmp");
        stale << "left over from a crash";
    }
    fs::permissions(dir.path / ".cookie.tmp", fs::perms::all);
    {
        std::ofstream old(cookie_path);
        old << "__cookie__:old";
    }
    fs::permissions(cookie_path, fs::perms::all);
    const auto cookie = rpc::GenerateAuthCookie(cookie_path);
    BOOST_REQUIRE(cookie);
    BOOST_CHECK_EQUAL(ReadFile(cookie_path), *cookie);
    BOOST_CHECK(fs::status(cookie_path).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
}

BOOST_AUTO_TEST_CASE(cookie_errors)
{
    TempDir dir;
    const fs::path missing_dir = dir.path / "no-such-dir" / ".cookie";
    const auto cookie = rpc::GenerateAuthCookie(missing_dir);
    BOOST_REQUIRE(!cookie);
    BOOST_CHECK_EQUAL(cookie.error(),
                      "Unable to open cookie authentication file " + missing_dir.string() + ".tmp for writing");

    // The target is a non-empty directory: the rename fails, the .tmp is cleaned up.
    const fs::path blocked = dir.path / "blocked";
    fs::create_directories(blocked / "inside");
    const auto renamed = rpc::GenerateAuthCookie(blocked);
    BOOST_REQUIRE(!renamed);
    BOOST_CHECK_EQUAL(renamed.error(), "Unable to rename cookie authentication file " + blocked.string() +
                                           ".tmp to " + blocked.string());
    BOOST_CHECK(!fs::exists(dir.path / "blocked.tmp"));
}

BOOST_AUTO_TEST_CASE(user_password)
{
    const auto auth = CreateOk("alice:correct horse battery staple", {});
    BOOST_CHECK(auth.Check(BasicHeader("alice:correct horse battery staple")) == std::string("alice"));
    // Python: base64.b64encode(b'alice:correct horse battery staple')
    BOOST_CHECK(auth.Check("Basic YWxpY2U6Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ==") == std::string("alice"));
    // Whitespace around the credentials is allowed, as in Core.
    BOOST_CHECK(auth.Check("Basic  \tYWxpY2U6Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ== \r\n") == std::string("alice"));

    BOOST_CHECK(!auth.Check(BasicHeader("alice:correct horse battery stapl")));
    BOOST_CHECK(!auth.Check(BasicHeader("alice:correct horse battery staplee")));
    BOOST_CHECK(!auth.Check(BasicHeader("alice:")));
    BOOST_CHECK(!auth.Check(BasicHeader("bob:correct horse battery staple")));
    BOOST_CHECK(!auth.Check(BasicHeader("Alice:correct horse battery staple")));
    BOOST_CHECK(!auth.Check(BasicHeader("alicecorrect horse battery staple"))); // no ':'
    BOOST_CHECK(!auth.Check(""));                                               // missing header
    BOOST_CHECK(!auth.Check("Basic"));
    BOOST_CHECK(!auth.Check("Basic "));
    BOOST_CHECK(!auth.Check("basic YWxpY2U6Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ=="));  // scheme is case-sensitive in Core
    BOOST_CHECK(!auth.Check("Bearer YWxpY2U6Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ=="));
    BOOST_CHECK(!auth.Check("Basic YWxpY2U6Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ"));    // bad base64
    BOOST_CHECK(!auth.Check("Basic !!!!"));
    BOOST_CHECK(!auth.Check("YWxpY2U6Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ=="));

    // The password may contain ':' (split at the first one); so may nothing else.
    const auto colon = CreateOk("u:p:q", {});
    BOOST_CHECK(colon.Check(BasicHeader("u:p:q")) == std::string("u"));
    BOOST_CHECK(!colon.Check(BasicHeader("u:p")));
    BOOST_CHECK(!colon.Check(BasicHeader("u:p:")));

    // Empty user name (-rpcpassword without -rpcuser).
    const auto empty_user = CreateOk(":secret", {});
    BOOST_CHECK(empty_user.Check(BasicHeader(":secret")) == std::string(""));
    BOOST_CHECK(!empty_user.Check(BasicHeader(":")));

    BOOST_CHECK(!rpc::Authenticator::Create("no colon", {}));
}

BOOST_AUTO_TEST_CASE(no_credentials_accepts_nobody)
{
    const auto auth = CreateOk(std::nullopt, {});
    BOOST_CHECK(!auth.Check(BasicHeader(":")));
    BOOST_CHECK(!auth.Check(BasicHeader("__cookie__:")));
    BOOST_CHECK(!auth.Check("Basic "));
}

BOOST_AUTO_TEST_CASE(rpcauth_lines)
{
    // Computed with Python's standard library:
    //   hmac.new(b'00112233445566778899aabbccddeeff', b'correct horse battery staple', hashlib.sha256).hexdigest()
    const std::string fixed =
        "carol:00112233445566778899aabbccddeeff$2d72c6e4d755be2a8795b131e5b9f2ca8fba0995d323c15d96a49e72239204da";
    BOOST_CHECK_EQUAL(RpcauthLine("carol", "00112233445566778899aabbccddeeff", "correct horse battery staple"), fixed);

    const auto auth = CreateOk("__cookie__:abc",
                               {fixed, RpcauthLine("dave", "a1b2c3", "pw1"), RpcauthLine("dave", "d4e5f6", "pw2"),
                                RpcauthLine("e$ve", "salt", "p:w"), RpcauthLine("frank", "", "")});
    BOOST_CHECK(auth.Check(BasicHeader("carol:correct horse battery staple")) == std::string("carol"));
    BOOST_CHECK(auth.Check(BasicHeader("__cookie__:abc")) == std::string("__cookie__"));
    // Two lines for one user: either password works.
    BOOST_CHECK(auth.Check(BasicHeader("dave:pw1")) == std::string("dave"));
    BOOST_CHECK(auth.Check(BasicHeader("dave:pw2")) == std::string("dave"));
    BOOST_CHECK(auth.Check(BasicHeader("e$ve:p:w")) == std::string("e$ve"));
    BOOST_CHECK(auth.Check(BasicHeader("frank:")) == std::string("frank"));

    BOOST_CHECK(!auth.Check(BasicHeader("carol:correct horse battery stapl")));
    BOOST_CHECK(!auth.Check(BasicHeader("carol:pw1")));          // another user's password
    BOOST_CHECK(!auth.Check(BasicHeader("dave:correct horse battery staple")));
    BOOST_CHECK(!auth.Check(BasicHeader("__cookie__:pw1")));
    BOOST_CHECK(!auth.Check(BasicHeader("frank:x")));
    // The stored value is the HMAC, never the password: sending the HMAC fails.
    BOOST_CHECK(!auth.Check(BasicHeader("carol:2d72c6e4d755be2a8795b131e5b9f2ca8fba0995d323c15d96a49e72239204da")));

    // Core compares the hex text: an upper-case HMAC in the line never matches.
    std::string upper = fixed;
    for (size_t i = upper.find('$'); i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
    const auto upper_auth = CreateOk(std::nullopt, {upper});
    BOOST_CHECK(!upper_auth.Check(BasicHeader("carol:correct horse battery staple")));
}

BOOST_AUTO_TEST_CASE(rpcauth_invalid_lines)
{
    for (const char* line : {"", "carol", "carol:salt", "carol$salt:hash", "carol:salt$hash$more", "carol:sa:lt$hash",
                             "carol:salt:hash", "carol:salt$hash,dave:salt$hash", ":", "$", "a$b"}) {
        const auto auth = rpc::Authenticator::Create(std::nullopt, {line});
        BOOST_CHECK_MESSAGE(!auth, line);
        if (!auth) BOOST_CHECK_EQUAL(auth.error(), "Invalid -rpcauth argument.");
    }
    // One bad line spoils the lot.
    BOOST_CHECK(!rpc::Authenticator::Create("u:p", {RpcauthLine("a", "s", "p"), "bad"}));
    // Core accepts empty fields as long as the separators are there.
    BOOST_CHECK(rpc::Authenticator::Create(std::nullopt, {":$"}));
}

BOOST_AUTO_TEST_SUITE_END()
