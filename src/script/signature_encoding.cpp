// Signature encoding rules (see signature_encoding.h).
#include <script/signature_encoding.h>

#include <cstddef>

namespace script {

bool IsValidSignatureEncoding(util::ByteSpan sig)
{
    // BIP66. Layout: 0x30 [total-length] 0x02 [R-length] [R] 0x02 [S-length] [S] [hashtype],
    // where total-length covers everything from the first 0x02 to the end of S.
    const size_t size = sig.size();
    // Shortest: 0x30 0x06 0x02 0x01 R 0x02 0x01 S hashtype. Longest: 33-byte R and S.
    if (size < 9 || size > 73) return false;
    if (sig[0] != 0x30) return false;
    // The total length covers the whole signature but the header and hashtype.
    if (sig[1] != size - 3) return false;

    const size_t len_r = sig[3];
    // S's length byte must lie inside the signature.
    if (5 + len_r >= size) return false;
    const size_t len_s = sig[5 + len_r];
    // R and S together with the six framing bytes and the hashtype fill it exactly.
    if (len_r + len_s + 7 != size) return false;

    // R: an integer, non-empty, not negative, no needless leading zero.
    if (sig[2] != 0x02) return false;
    if (len_r == 0) return false;
    if (sig[4] & 0x80) return false;
    if (len_r > 1 && sig[4] == 0x00 && !(sig[5] & 0x80)) return false;

    // S: the same rules.
    if (sig[len_r + 4] != 0x02) return false;
    if (len_s == 0) return false;
    if (sig[len_r + 6] & 0x80) return false;
    if (len_s > 1 && sig[len_r + 6] == 0x00 && !(sig[len_r + 7] & 0x80)) return false;
    return true;
}

bool IsDefinedHashtypeSignature(util::ByteSpan sig)
{
    if (sig.empty()) return false;
    const uint8_t base = sig.back() & static_cast<uint8_t>(~SIGHASH_ANYONECANPAY);
    return base >= SIGHASH_ALL && base <= SIGHASH_SINGLE;
}

} // namespace script
