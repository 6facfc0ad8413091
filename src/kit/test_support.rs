//! Helpers the kit's test modules share: parse a kit under one file name, and take the one
//! error a refused kit must have.

use super::{parse_kit, KitError, KitErrors};
use crate::domain::kit::Kit;

pub(super) fn kit(source: &str) -> Result<Kit, KitErrors> {
    parse_kit(source, "dag.toml")
}

#[track_caller]
pub(super) fn only_error(source: &str) -> KitError {
    let errors = kit(source).expect_err("the kit is refused").0;
    assert_eq!(errors.len(), 1, "{}", KitErrors(errors.clone()));
    errors[0].clone()
}
