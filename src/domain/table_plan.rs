//! A round's table plan for a day in one room (`/breakout split channels:false`): which table
//! each person sits at, with their unit. Built from the stored seating and the members' names
//! (so a member who asked to be forgotten, whose seats are deleted, is never in it), and
//! rendered for the meeting channel and as printable files by `render::table_plan`.

/// One person at a table, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seated {
    pub name: String,
    /// The unit's name; empty when the person has none.
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub number: u32,
    /// What the grouping says about the table ("JUS ↔ KHM" for critical friends).
    pub label: Option<String>,
    /// Sorted by name, so a printed plan is easy to scan.
    pub people: Vec<Seated>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TablePlan {
    pub round: u32,
    pub tables: Vec<Table>,
}

impl TablePlan {
    /// A plan from the round's tables: `(number, label, people)`, people in any order.
    pub fn new(round: u32, tables: impl IntoIterator<Item = (u32, Option<String>, Vec<Seated>)>) -> TablePlan {
        let mut tables: Vec<Table> = tables
            .into_iter()
            .map(|(number, label, mut people)| {
                people.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.unit.cmp(&b.unit)));
                Table { number, label, people }
            })
            .collect();
        tables.sort_by_key(|t| t.number);
        TablePlan { round, tables }
    }

    /// Everyone seated, at all tables.
    pub fn people(&self) -> usize {
        self.tables.iter().map(|t| t.people.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(name: &str, unit: &str) -> Seated {
        Seated { name: name.into(), unit: unit.into() }
    }

    #[test]
    fn tables_come_in_number_order_with_people_by_name() {
        let plan = TablePlan::new(
            2,
            [
                (2, None, vec![seat("Øystein", "KHM"), seat("anna", "JUS")]),
                (1, Some("JUS ↔ KHM".into()), vec![seat("Bo", "JUS"), seat("Ann", "KHM")]),
            ],
        );
        assert_eq!(plan.tables.iter().map(|t| t.number).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(plan.tables[0].people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Ann", "Bo"]);
        assert_eq!(plan.tables[1].people[0].name, "anna", "case does not decide the order");
        assert_eq!(plan.people(), 4);
    }
}
