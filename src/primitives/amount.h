// Amounts of bitcoin in satoshis.
#ifndef UTXO_PRIMITIVES_AMOUNT_H
#define UTXO_PRIMITIVES_AMOUNT_H

#include <compare>
#include <cstdint>
#include <string>

namespace primitives {

// A signed count of satoshis. Transaction outputs may carry any int64 on the
// wire; whether it is a valid amount is a consensus check (MoneyRange), so the
// type does not restrict the value.
class Amount {
public:
    constexpr Amount() = default;
    constexpr explicit Amount(int64_t sats) : m_sats(sats) {}
    constexpr int64_t sats() const { return m_sats; }

    friend constexpr bool operator==(Amount, Amount) = default;
    friend constexpr auto operator<=>(Amount, Amount) = default;

private:
    int64_t m_sats{0};
};

inline constexpr int64_t COIN = 100'000'000;
// No amount larger than this is valid (BIP-less consensus constant, Bitcoin Core's MAX_MONEY).
inline constexpr Amount MAX_MONEY{21'000'000 * COIN};

constexpr bool MoneyRange(Amount amount) { return amount.sats() >= 0 && amount <= MAX_MONEY; }

// Exact decimal bitcoin text with 8 decimals, "-" for negatives: 1 sat is
// "0.00000001". Bitcoin Core's JSON amount format; no floating point involved.
std::string FormatAmount(Amount amount);

} // namespace primitives

#endif // UTXO_PRIMITIVES_AMOUNT_H
