//! Console transport: a line-based Chat for `samrad demo` and scripted end-to-end tests.
