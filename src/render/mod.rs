//! Rendering digests, exports and table plans for people: a PNG chart, CSV and Markdown files.

pub mod chart;
pub mod export;
pub mod table_plan;
