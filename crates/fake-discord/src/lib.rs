//! A fake Discord on loopback: REST routes and a gateway websocket, recording every call.
