// Low-work header protection: a peer's header chain is stored in our block
// tree only once it is known to carry at least the minimum chain work, so a
// peer cannot fill our memory with cheap headers (the idea of Bitcoin Core's
// HeadersSyncState, with our own commitment scheme).
//
// Presync: the peer's headers are checked (they link up, each meets its
// proof of work, difficulty changes only as the retarget rules permit) and
// their work is added up, but nothing is kept except, every
// COMMITMENT_PERIOD headers, a 64-bit salted hash of the header there. Once
// the work reaches the minimum, the same headers are asked for again from
// the start (redownload): each one must link up as before, and at every
// commitment height it must hash to what was committed. Headers up to the
// last matched commitment are exactly the ones presync measured, so they are
// released for storage; the rest wait in a buffer of at most one period.
// When the redownload passes the height presync reached, everything left is
// released and the state is done: later headers from this peer connect to a
// chain with enough work and take the normal path.
//
// The salt is secret to this node, so a peer cannot make a different chain
// match the commitments. Memory: 8 bytes per period during presync, one
// period of headers during redownload. Not thread-safe (one per peer,
// message thread). Pure: no clock, no I/O.
#ifndef UTXO_P2P_HEADERS_PRESYNC_H
#define UTXO_P2P_HEADERS_PRESYNC_H

#include <consensus/params.h>
#include <primitives/arith_uint256.h>
#include <primitives/block.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace p2p {

// Where a header chain starts: the last block both sides know.
struct ChainStart {
    primitives::BlockHash hash;
    int height{0};
    primitives::ArithUint256 chain_work;
    uint32_t bits{0};
    int64_t time{0};
    int64_t period_start_time{0}; // time of the first block of the retarget period holding `height`
};

class HeadersPresync {
public:
    static constexpr int COMMITMENT_PERIOD = 600;

    enum class Phase { PRESYNC, REDOWNLOAD, DONE, FAILED };

    struct Step {
        std::vector<primitives::BlockHeader> to_store; // verified: hand to the chain state in order
        bool request_more{false};                      // ask the peer again (see NextLocatorStart)
        std::string error;                             // the peer misbehaved (phase FAILED)
    };

    HeadersPresync(const consensus::Params& params, const ChainStart& start,
                   const primitives::ArithUint256& minimum_work, uint64_t salt);

    // Feeds one headers message. `full`: it held the maximum count, so the
    // peer has more. A short message during presync below the minimum work
    // ends the sync (phase DONE, nothing stored): the chain is too weak.
    Step Process(std::span<const primitives::BlockHeader> headers, bool full);

    Phase phase() const { return m_phase; }
    // The hash the next getheaders locator must start from: the last header
    // seen in this phase (the chain start when a phase begins).
    const primitives::BlockHash& NextLocatorStart() const;
    const ChainStart& Start() const { return m_start; }
    int PresyncHeight() const { return m_presync.height; }

private:
    struct Cursor {
        primitives::BlockHash last_hash;
        int height{0};
        primitives::ArithUint256 work;
        uint32_t bits{0};
        int64_t time{0};
        int64_t period_start_time{0};
    };
    // Checks `header` follows `cursor` and advances it; "" or the reason.
    std::string Advance(Cursor& cursor, const primitives::BlockHeader& header) const;
    uint64_t Commitment(const primitives::BlockHash& hash) const;
    void BeginRedownload();
    Step Fail(std::string reason);

    const consensus::Params& m_params;
    ChainStart m_start;
    primitives::ArithUint256 m_minimum_work;
    uint64_t m_salt;
    Phase m_phase{Phase::PRESYNC};

    Cursor m_presync;                   // presync's progress; its height is the end of the measured chain
    std::vector<uint64_t> m_commitments; // one per COMMITMENT_PERIOD heights, in order
    Cursor m_redownload;
    std::vector<primitives::BlockHeader> m_buffer; // redownloaded, not yet matched to a commitment
};

} // namespace p2p

#endif // UTXO_P2P_HEADERS_PRESYNC_H
