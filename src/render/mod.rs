//! Rendering digests and exports for people: a PNG chart, CSV and Markdown files.

pub mod chart;
pub mod export;
