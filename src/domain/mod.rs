//! Rules of the domain as pure functions: code validation, masking. Tested without a database.

pub mod account_rules;
pub mod commitment_rules;
pub mod id_number;
pub mod login_lockout;
pub mod masking;
pub mod record_rules;
pub mod repair_rules;
pub mod uscc;
