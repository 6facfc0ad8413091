//! Use cases, generic over the Store, Chat and Clock ports.
