//! The `samrad` command line: run the bot, run the demo, check kits, export.

fn main() {}
