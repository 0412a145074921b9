// Chainstate: importing block files (-loadblock, -reindex) and verifying the
// top of the chain (-checkblocks/-checklevel, verifychain).
#include <chain/chainstate.h>

#include <chain/connect.h>
#include <consensus/block_check.h>
#include <util/endian.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

namespace chain {
namespace {

// The smallest record that can hold a block: a header.
constexpr uint32_t MIN_BLOCK_RECORD = 80;

std::filesystem::path BlockFileName(const std::filesystem::path& dir, int file) { return dir / BlockFileBaseName(file); }

std::string AtHeight(const BlockIndex& index)
{
    return " at " + std::to_string(index.height) + ", hash=" + index.hash.ToHex();
}

} // namespace

util::Result<size_t> Chainstate::ImportBlockFile(const std::filesystem::path& path, bool in_place, int file_number)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return util::Error{"Cannot open " + path.string()};
    const util::Bytes bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto& magic = m_options.params->message_start;
    m_options.logger->Log(util::LogLevel::Info, "Importing blocks file " + path.string() + "...");

    // Blocks that came before their parent wait here, by parent hash.
    std::multimap<primitives::BlockHash, std::pair<primitives::Block, storage::FilePos>> waiting;
    size_t accepted = 0;
    uint64_t end_of_records = 0;
    auto accept = [&](const primitives::Block& block, storage::FilePos pos) -> util::Result<bool> {
        BlockSubmission result;
        {
            std::lock_guard lock(m_mutex);
            const bool parent_known = m_tree.Find(block.header.prev_block) != nullptr ||
                                      block.GetHash() == m_options.params->genesis.GetHash();
            if (!parent_known) return false;
            result = AcceptBlock(block, in_place ? std::optional(pos) : std::nullopt);
        }
        if (result.accepted) {
            ++accepted;
            if (auto r = ActivateBestChain(); !r) return util::Error{r.error()};
        } else if (!result.duplicate && result.reject_reason != "error") {
            m_options.logger->Log(util::LogLevel::Warning, "Block " + block.GetHash().ToHex() + " in " +
                                                               path.string() + " rejected: " + result.reject_reason);
        }
        return true;
    };

    size_t offset = 0;
    while (offset + storage::RECORD_HEADER_SIZE <= bytes.size() && !m_interrupted) {
        const auto found = std::search(bytes.begin() + static_cast<std::ptrdiff_t>(offset), bytes.end(), magic.begin(),
                                       magic.end());
        if (found == bytes.end()) break;
        const size_t start = static_cast<size_t>(found - bytes.begin());
        if (start + storage::RECORD_HEADER_SIZE > bytes.size()) break;
        const uint32_t length = util::ReadLE32(bytes.data() + start + 4);
        if (length < MIN_BLOCK_RECORD || length > MAX_BLOCK_SERIALIZED_SIZE) {
            offset = start + 1;
            continue;
        }
        const size_t payload = start + storage::RECORD_HEADER_SIZE;
        if (payload + length > bytes.size()) break; // a torn last record
        auto block = primitives::DecodeBlock(util::ByteSpan(bytes.data() + payload, length));
        if (!block) {
            offset = start + 1;
            continue;
        }
        offset = payload + length;
        end_of_records = offset;
        const storage::FilePos pos{file_number, static_cast<uint32_t>(payload)};
        auto done = accept(*block, pos);
        if (!done) return util::Error{done.error()};
        if (!*done) {
            waiting.emplace(block->header.prev_block, std::make_pair(std::move(*block), pos));
            continue;
        }
        // Whatever waited for this block (and for those) can go in now.
        std::vector<primitives::BlockHash> arrived{block->GetHash()};
        while (!arrived.empty()) {
            const primitives::BlockHash parent = arrived.back();
            arrived.pop_back();
            auto [first, last] = waiting.equal_range(parent);
            std::vector<std::pair<primitives::Block, storage::FilePos>> children;
            for (auto it = first; it != last; ++it) children.push_back(std::move(it->second));
            waiting.erase(first, last);
            for (auto& [child, child_pos] : children) {
                auto child_done = accept(child, child_pos);
                if (!child_done) return util::Error{child_done.error()};
                arrived.push_back(child.GetHash());
            }
        }
    }
    if (in_place) {
        std::lock_guard lock(m_mutex);
        storage::BlockFileInfo& info = m_files[file_number];
        info.size = std::max<uint32_t>(info.size, static_cast<uint32_t>(end_of_records));
        m_dirty_files.insert(file_number);
    }
    if (!waiting.empty()) {
        m_options.logger->Log(util::LogLevel::Warning, std::to_string(waiting.size()) + " blocks in " + path.string() +
                                                           " have no known parent and were skipped");
    }
    m_options.logger->Log(util::LogLevel::Info,
                          "Loaded " + std::to_string(accepted) + " blocks from external file " + path.string());
    return accepted;
}

util::Result<void> Chainstate::Reindex()
{
    m_reindexing = true;
    if (auto r = m_index_db->SetReindexing(true); !r) return Fatal(r.error());
    int file = 0;
    for (; std::filesystem::exists(BlockFileName(m_options.blocks_dir, file)) && !m_interrupted; ++file) {
        m_options.logger->Log(util::LogLevel::Info, "Reindexing block file blk" + std::to_string(file) + ".dat...");
        if (auto r = ImportBlockFile(BlockFileName(m_options.blocks_dir, file), /*in_place=*/true, file); !r) {
            return util::Error{r.error()};
        }
    }
    if (m_interrupted) return {};
    {
        std::lock_guard lock(m_mutex);
        const int last = std::max(0, file - 1);
        m_store = MakeStore({last, m_files[last].size});
        if (m_tree.Size() == 0) {
            const auto result = AcceptBlock(m_options.params->genesis, std::nullopt);
            if (!result.accepted) return Fatal("Failed to store the genesis block: " + result.reject_reason);
        }
        if (auto r = FlushLocked(FlushMode::ALWAYS); !r) return r;
    }
    if (auto r = m_index_db->SetReindexing(false); !r) return Fatal(r.error());
    m_reindexing = false;
    m_options.logger->Log(util::LogLevel::Info, "Reindexing finished");
    return ActivateBestChain();
}

util::Result<void> Chainstate::VerifyChain(int level, int depth)
{
    std::lock_guard lock(m_mutex);
    const BlockIndex* tip = m_chain.Tip();
    if (!tip || !tip->parent) return {};
    if (depth <= 0 || depth > tip->height) depth = tip->height;
    level = std::clamp(level, 0, 4);
    m_options.logger->Log(util::LogLevel::Info, "Verifying last " + std::to_string(depth) +
                                                    " blocks at level " + std::to_string(level));
    const consensus::Params& params = m_options.params->consensus;
    coins::CoinsCache view(*m_coins, 1, 2);
    const BlockIndex* lowest = tip;
    for (const BlockIndex* index = tip; index->parent && index->height > tip->height - depth && !m_interrupted;
         index = index->parent) {
        auto block = ReadBlock(*index);
        if (!block) return util::Error{"Verification error: ReadBlock failed" + AtHeight(*index)};
        if (level >= 1) {
            const auto check = consensus::CheckBlock(*block, params);
            if (!check.ok()) {
                return util::Error{"Verification error: found bad block" + AtHeight(*index) + " (" +
                                   consensus::RejectReason(check, *block) + ")"};
            }
        }
        if (level >= 2) {
            auto undo = ReadUndo(*index);
            if (!undo) return util::Error{"Verification error: found bad undo data" + AtHeight(*index)};
            if (level >= 3 && DisconnectBlock(*block, *index, *undo, view) != DisconnectResult::OK) {
                return util::Error{"Verification error: irrecoverable inconsistency in block data" + AtHeight(*index)};
            }
        }
        lowest = index;
    }
    if (level >= 4) {
        for (const BlockIndex* index = lowest; index; index = m_chain.Next(index)) {
            auto block = ReadBlock(*index);
            if (!block) return util::Error{"Verification error: ReadBlock failed" + AtHeight(*index)};
            coins::BlockUndo undo;
            const auto result = ConnectBlock(*block, *index, view, params, undo);
            if (!result.ok()) {
                return util::Error{"Verification error: found unconnectable block" + AtHeight(*index) + " (" +
                                   result.reject_reason + ")"};
            }
        }
    }
    m_options.logger->Log(util::LogLevel::Info, "Verification: No coin database inconsistencies in last " +
                                                    std::to_string(depth) + " blocks");
    return {};
}

} // namespace chain
