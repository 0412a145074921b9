// Internal to net/: owning handles for the libevent objects the connection
// manager uses. Nothing outside src/net/ includes this header.
#ifndef UTXO_NET_LIBEVENT_H
#define UTXO_NET_LIBEVENT_H

#include <memory>

#include <event2/event.h>
#include <event2/listener.h>

namespace net::detail {

struct EventBaseDeleter {
    void operator()(event_base* base) const { event_base_free(base); }
};
struct EventDeleter {
    void operator()(event* ev) const { event_free(ev); }
};
struct ListenerDeleter {
    void operator()(evconnlistener* listener) const { evconnlistener_free(listener); }
};
using EventBasePtr = std::unique_ptr<event_base, EventBaseDeleter>;
using EventPtr = std::unique_ptr<event, EventDeleter>;
using ListenerPtr = std::unique_ptr<evconnlistener, ListenerDeleter>;

} // namespace net::detail

#endif // UTXO_NET_LIBEVENT_H
