// Result<T>: a value or an error with a human-readable reason.
//
// Errors are values in utxod (ARCHITECTURE.md, habit 5): a function that can
// fail on bad input returns Result<T> instead of throwing. The reason string is
// the text a user or peer sees, so make it precise ("unexpected end of data
// reading transaction input 3"), not generic.
#ifndef UTXO_UTIL_RESULT_H
#define UTXO_UTIL_RESULT_H

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace util {

struct Error {
    std::string reason;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Precondition: ok().
    const T& value() const& { assert(ok()); return std::get<0>(m_state); }
    T& value() & { assert(ok()); return std::get<0>(m_state); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    // Precondition: !ok().
    const std::string& error() const { assert(!ok()); return std::get<1>(m_state).reason; }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error.reason)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { assert(m_failed); return m_error; }

private:
    std::string m_error;
    bool m_failed{false};
};

} // namespace util

#endif // UTXO_UTIL_RESULT_H
