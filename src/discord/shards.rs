//! Which gateway shards this process runs. Discord routes a guild's events to shard
//! `(guild_id >> 22) % total` (DMs to shard 0); several processes each run a range of the
//! shards and share one database (Postgres), so together they serve every guild once.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardPlan {
    pub total: u32,
    pub range: Range<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShardPlanError {
    #[error("--shards must be at least 1")]
    NoShards,
    #[error("--shard-range {0:?} is not of the form A..B (e.g. 0..4)")]
    BadRange(String),
    #[error("--shard-range {start}..{end} must be non-empty and within 0..{total}")]
    OutOfBounds { start: u32, end: u32, total: u32 },
    #[error("--shard-range needs --shards (the total number of shards across all processes)")]
    RangeWithoutTotal,
}

impl ShardPlan {
    /// From `--shards TOTAL` and `--shard-range A..B` (default: all of them). Neither: `None`,
    /// one process with one shard.
    pub fn from_args(total: Option<u32>, range: Option<&str>) -> Result<Option<ShardPlan>, ShardPlanError> {
        let Some(total) = total else {
            return match range {
                Some(_) => Err(ShardPlanError::RangeWithoutTotal),
                None => Ok(None),
            };
        };
        if total == 0 {
            return Err(ShardPlanError::NoShards);
        }
        let range = match range {
            None => 0..total,
            Some(text) => parse_range(text)?,
        };
        if range.start >= range.end || range.end > total {
            return Err(ShardPlanError::OutOfBounds { start: range.start, end: range.end, total });
        }
        Ok(Some(ShardPlan { total, range }))
    }
}

fn parse_range(text: &str) -> Result<Range<u32>, ShardPlanError> {
    let bad = || ShardPlanError::BadRange(text.to_owned());
    let (a, b) = text.trim().split_once("..").ok_or_else(bad)?;
    let start = a.trim().parse().map_err(|_| bad())?;
    let end = b.trim().parse().map_err(|_| bad())?;
    Ok(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_one_shard_and_to_all_shards_of_a_total() {
        assert_eq!(ShardPlan::from_args(None, None), Ok(None));
        assert_eq!(ShardPlan::from_args(Some(4), None), Ok(Some(ShardPlan { total: 4, range: 0..4 })));
        assert_eq!(ShardPlan::from_args(Some(4), Some("2..4")), Ok(Some(ShardPlan { total: 4, range: 2..4 })));
    }

    #[test]
    fn bad_plans_say_what_is_wrong() {
        assert_eq!(ShardPlan::from_args(Some(0), None), Err(ShardPlanError::NoShards));
        assert_eq!(ShardPlan::from_args(None, Some("0..2")), Err(ShardPlanError::RangeWithoutTotal));
        assert_eq!(ShardPlan::from_args(Some(4), Some("2-4")), Err(ShardPlanError::BadRange("2-4".into())));
        assert_eq!(
            ShardPlan::from_args(Some(4), Some("3..6")),
            Err(ShardPlanError::OutOfBounds { start: 3, end: 6, total: 4 })
        );
        assert!(ShardPlan::from_args(Some(4), Some("2..2")).is_err());
    }
}
