//! How many tables, and how large: request validation, balanced table sizes, and sharing
//! rooms out over natural groups (roles, units).
//!
//! `Size(n)` is the largest table: 5 people at size 4 sit 3 + 2, 9 sit 3 + 3 + 3. A table of
//! one is never made when it can be avoided (3 people at size 2 sit together).

use super::{Sizing, SplitError};

/// Checks the number present and the sizing against each other.
pub(super) fn validate(present: usize, sizing: Sizing) -> Result<(), SplitError> {
    validate_present(present)?;
    match sizing {
        Sizing::Size(s) if s < 2 => Err(SplitError::SizeTooSmall(s)),
        Sizing::Size(s) if s as usize > present => Err(SplitError::SizeTooLarge { size: s, present }),
        Sizing::Rooms(0) => Err(SplitError::NoRooms),
        Sizing::Rooms(r) if r as usize > present / 2 => Err(SplitError::TooManyRooms { rooms: r, present }),
        _ => Ok(()),
    }
}

pub(super) fn validate_present(present: usize) -> Result<(), SplitError> {
    match present {
        0 => Err(SplitError::NobodyPresent),
        1 => Err(SplitError::OnlyOne),
        _ => Ok(()),
    }
}

/// Tables for `people` when a table holds at most `size`, without forcing a table of one.
pub(super) fn tables_for(people: usize, size: u32) -> usize {
    people.div_ceil(size.max(1) as usize).min(people / 2).max(1)
}

/// Rooms for the balanced modes (`random`, `units`).
pub(super) fn room_count(present: usize, sizing: Sizing) -> usize {
    match sizing {
        Sizing::Size(s) => tables_for(present, s),
        Sizing::Rooms(r) => r as usize,
        Sizing::Auto => tables_for(present, Sizing::DEFAULT_SIZE),
    }
}

/// Sizes of `tables` tables for `people` that differ by at most one (larger ones first).
pub(super) fn balanced_sizes(people: usize, tables: usize) -> Vec<usize> {
    let tables = tables.max(1);
    let (base, extra) = (people / tables, people % tables);
    (0..tables).map(|t| base + usize::from(t < extra)).collect()
}

/// Cuts `people` into `tables` balanced tables, in order.
pub(super) fn chunk(people: &[usize], tables: usize) -> Vec<Vec<usize>> {
    let mut rest = people;
    balanced_sizes(people.len(), tables)
        .into_iter()
        .map(|n| {
            let (head, tail) = rest.split_at(n);
            rest = tail;
            head.to_vec()
        })
        .collect()
}

/// How many tables each natural group (a role, a unit) of the given sizes gets. Every group
/// gets at least one table and is never split into tables of one. With `Rooms(r)` the rooms
/// go, one at a time, to the group with the most people per table (ties: the first), until
/// there are `r` or no group can be split further; if there are more groups than `r`, each
/// group still gets its own table.
pub(super) fn apportion(group_sizes: &[usize], sizing: Sizing) -> Vec<usize> {
    match sizing {
        Sizing::Size(s) => group_sizes.iter().map(|&k| tables_for(k, s)).collect(),
        Sizing::Auto => vec![1; group_sizes.len()],
        Sizing::Rooms(r) => {
            let mut tables = vec![1; group_sizes.len()];
            let mut total = tables.len();
            while total < r as usize {
                let mut best: Option<usize> = None;
                for (i, &k) in group_sizes.iter().enumerate() {
                    if tables[i] + 1 > k / 2 {
                        continue;
                    }
                    // k_i / t_i > k_b / t_b, compared without division.
                    if best.is_none_or(|b| k * tables[b] > group_sizes[b] * tables[i]) {
                        best = Some(i);
                    }
                }
                let Some(b) = best else { break };
                tables[b] += 1;
                total += 1;
            }
            tables
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_the_largest_table_and_nobody_sits_alone() {
        assert_eq!(balanced_sizes(5, tables_for(5, 4)), vec![3, 2]);
        assert_eq!(balanced_sizes(9, tables_for(9, 4)), vec![3, 3, 3]);
        assert_eq!(balanced_sizes(3, tables_for(3, 2)), vec![3]);
        assert_eq!(balanced_sizes(8, tables_for(8, 4)), vec![4, 4]);
        assert_eq!(tables_for(500, 5), 100);
    }

    #[test]
    fn rooms_are_shared_out_by_people_per_table() {
        assert_eq!(apportion(&[20, 15, 10, 5], Sizing::Rooms(10)), vec![4, 3, 2, 1]);
        assert_eq!(apportion(&[3, 3, 3], Sizing::Rooms(2)), vec![1, 1, 1]);
        assert_eq!(apportion(&[1, 4], Sizing::Rooms(4)), vec![1, 2]);
        assert_eq!(apportion(&[9, 1], Sizing::Size(4)), vec![3, 1]);
    }

    #[test]
    fn impossible_requests_say_why() {
        assert_eq!(validate(0, Sizing::Auto), Err(SplitError::NobodyPresent));
        assert_eq!(validate(1, Sizing::Auto), Err(SplitError::OnlyOne));
        assert_eq!(validate(5, Sizing::Size(1)), Err(SplitError::SizeTooSmall(1)));
        assert_eq!(validate(5, Sizing::Size(6)), Err(SplitError::SizeTooLarge { size: 6, present: 5 }));
        assert_eq!(validate(5, Sizing::Rooms(0)), Err(SplitError::NoRooms));
        assert_eq!(validate(5, Sizing::Rooms(3)), Err(SplitError::TooManyRooms { rooms: 3, present: 5 }));
        assert_eq!(validate(5, Sizing::Rooms(2)), Ok(()));
    }
}
