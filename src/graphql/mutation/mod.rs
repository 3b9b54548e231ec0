//! Mutation root: one file per resource, merged.

mod login;

use async_graphql::MergedObject;

/// Everything that changes state. Each mutation takes one input object and returns a payload.
#[derive(MergedObject, Default)]
pub struct MutationRoot(login::LoginMutation);
