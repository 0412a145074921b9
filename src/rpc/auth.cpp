#include <rpc/auth.h>

#include <crypto/hmac.h>
#include <crypto/random.h>
#include <util/base64.h>
#include <util/byte_span.h>
#include <util/hex.h>

#include <array>
#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rpc {
namespace {

// Equal contents, in time that depends only on the lengths: every byte of
// `a` is looked at whatever the earlier bytes were.
bool TimingResistantEqual(std::string_view a, std::string_view b)
{
    if (b.empty()) return a.empty();
    size_t difference = a.size() ^ b.size();
    for (size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<uint8_t>(a[i]) ^ static_cast<uint8_t>(b[i % b.size()]);
    }
    return difference == 0;
}

std::string HmacHex(std::string_view salt, std::string_view password)
{
    return util::HexStr(crypto::HmacSha256(util::AsBytes(salt)).Write(util::AsBytes(password)).Finalize());
}

std::string RandomHex(size_t bytes)
{
    std::array<uint8_t, 32> buffer{};
    crypto::GetStrongRandomBytes(std::span(buffer).first(bytes));
    return util::HexStr(std::span(buffer).first(bytes));
}

bool WriteAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t written = write(fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.remove_prefix(static_cast<size_t>(written));
    }
    return true;
}

std::string_view TrimSpace(std::string_view text)
{
    // The characters Core's TrimStringView removes.
    static constexpr std::string_view SPACE{" \f\n\r\t\v"};
    const size_t first = text.find_first_not_of(SPACE);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(SPACE) - first + 1);
}

} // namespace

util::Result<std::string> GenerateAuthCookie(const std::filesystem::path& path)
{
    const std::string cookie = std::string(COOKIE_USER) + ':' + RandomHex(32);
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    const util::Error open_error{"Unable to open cookie authentication file " + temporary.string() + " for writing"};

    // A stale .tmp (a crash mid-write) may have other permissions: start afresh,
    // and refuse to follow a link planted in its place.
    ::unlink(temporary.c_str());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) return open_error;
    // The umask can only remove bits; make sure the owner can read and write.
    const bool written = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 && WriteAll(fd, cookie);
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        ::unlink(temporary.c_str());
        return open_error;
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        ::unlink(temporary.c_str());
        return util::Error{"Unable to rename cookie authentication file " + temporary.string() + " to " +
                           path.string()};
    }
    return cookie;
}

void DeleteAuthCookie(const std::filesystem::path& path)
{
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

util::Result<Authenticator> Authenticator::Create(std::optional<std::string> user_colon_password,
                                                  const std::vector<std::string>& rpcauth_lines)
{
    std::vector<Credential> credentials;
    if (user_colon_password) {
        const size_t colon = user_colon_password->find(':');
        if (colon == std::string::npos) {
            return util::Error{"Unable to parse RPC credentials: expected user:password"};
        }
        Credential credential;
        credential.user = user_colon_password->substr(0, colon);
        credential.salt = RandomHex(16);
        credential.hmac_hex = HmacHex(credential.salt, std::string_view(*user_colon_password).substr(colon + 1));
        credentials.push_back(std::move(credential));
    }
    for (const std::string& line : rpcauth_lines) {
        const size_t colon = line.find(':');
        const size_t dollar = colon == std::string::npos ? std::string::npos : line.find('$', colon + 1);
        const bool well_formed = colon != std::string::npos && line.find(':', colon + 1) == std::string::npos &&
                                 dollar != std::string::npos && line.find('$', dollar + 1) == std::string::npos;
        if (!well_formed) return util::Error{"Invalid -rpcauth argument."};
        credentials.push_back(Credential{line.substr(0, colon), line.substr(colon + 1, dollar - colon - 1),
                                         line.substr(dollar + 1)});
    }
    return Authenticator(std::move(credentials));
}

std::optional<std::string> Authenticator::Check(std::string_view authorization_header) const
{
    static constexpr std::string_view SCHEME{"Basic "};
    if (!authorization_header.starts_with(SCHEME)) return std::nullopt;
    const auto decoded = util::DecodeBase64(TrimSpace(authorization_header.substr(SCHEME.size())));
    if (!decoded) return std::nullopt;
    const std::string_view user_password(reinterpret_cast<const char*>(decoded->data()), decoded->size());
    const size_t colon = user_password.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view user = user_password.substr(0, colon);
    const std::string_view password = user_password.substr(colon + 1);

    bool authorized = false;
    for (const Credential& credential : m_credentials) {
        // No early exit: the same work for every credential, matching or not.
        const bool user_matches = TimingResistantEqual(user, credential.user);
        const bool password_matches = TimingResistantEqual(HmacHex(credential.salt, password), credential.hmac_hex);
        authorized |= user_matches & password_matches;
    }
    if (!authorized) return std::nullopt;
    return std::string(user);
}

} // namespace rpc
