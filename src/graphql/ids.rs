//! Relay global ids in the API's `ID` type, over the public ids of [`crate::ids`].

use async_graphql::ID;

pub use crate::ids::{parse_global_id, NodeType};
use crate::{
    error::{AppError, AppResult, Reason},
    ids::public_id,
};

/// The global id of a row.
pub fn global_id(node_type: NodeType, id: i32) -> ID {
    ID(public_id(node_type, id))
}

/// The row id of a global id that must be of `expected` type; `field` names the input in errors.
pub fn expect_id(id: &ID, expected: NodeType, field: &str) -> AppResult<i32> {
    match parse_global_id(id) {
        Some((node_type, row)) if node_type == expected => Ok(row),
        _ => Err(AppError::bad_argument(field, Reason::WrongIdType { expected: expected.name().to_string() })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_other_types() {
        let id = global_id(NodeType::Unit, 42);
        assert_eq!(parse_global_id(&id), Some((NodeType::Unit, 42)));
        assert_eq!(expect_id(&id, NodeType::Unit, "id"), Ok(42));
        assert!(expect_id(&id, NodeType::Official, "id").is_err());
    }
}
