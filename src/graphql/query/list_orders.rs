//! The `orderBy` inputs of the commitment, complaint and proposal lists. Each sorts by its field
//! and then by id in the same direction, so pages stay stable.

use async_graphql::{Enum, InputObject};

use crate::graphql::connection::OrderDirection;

/// An `orderBy` input: its field enum, the default field and the default direction.
macro_rules! order_input {
    ($name:ident, $field:ident, $default_field:ident, $field_default:literal, $default_direction:ident,
     $direction_default:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(InputObject, Clone, Copy)]
        pub struct $name {
            /// The field.
            #[graphql(default_with = $field_default)]
            pub field: $field,
            /// The direction.
            #[graphql(default_with = $direction_default)]
            pub direction: OrderDirection,
        }

        impl Default for $name {
            fn default() -> Self {
                Self { field: $field::$default_field, direction: OrderDirection::$default_direction }
            }
        }
    };
}

/// What to sort commitments by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum CommitmentOrderField {
    /// The due date.
    DueOn,
    /// When entered.
    CreatedAt,
}

order_input!(
    CommitmentOrder,
    CommitmentOrderField,
    DueOn,
    "CommitmentOrderField::DueOn",
    Asc,
    "OrderDirection::Asc",
    "Sort order of commitments (default: soonest due first)."
);

/// What to sort complaints by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ComplaintOrderField {
    /// When received.
    ReceivedAt,
    /// The assigned unit's reply deadline.
    HandlingDeadline,
}

order_input!(
    ComplaintOrder,
    ComplaintOrderField,
    ReceivedAt,
    "ComplaintOrderField::ReceivedAt",
    Desc,
    "OrderDirection::Desc",
    "Sort order of complaints (default: newest first)."
);

/// What to sort proposals by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // the dates' own names: dueOn, assignedOn, repliedOn
pub enum ProposalOrderField {
    /// The first round's due date.
    DueOn,
    /// When first assigned.
    AssignedOn,
    /// When replied.
    RepliedOn,
}

order_input!(
    ProposalOrder,
    ProposalOrderField,
    DueOn,
    "ProposalOrderField::DueOn",
    Asc,
    "OrderDirection::Asc",
    "Sort order of proposals (default: soonest due first)."
);
