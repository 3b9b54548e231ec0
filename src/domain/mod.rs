//! Rules of the domain as pure functions: code validation, masking. Tested without a database.

pub mod account_rules;
pub mod commitment_rules;
pub mod complaint_rules;
pub mod credit_check_rules;
pub mod debt_rules;
pub mod evaluation_facts;
pub mod evaluation_rules;
pub mod honours_rules;
pub mod id_number;
pub mod investment_rules;
pub mod listing_rules;
pub mod login_lockout;
pub mod masking;
pub mod objection_rules;
pub mod ppp_rules;
pub mod procurement_rules;
pub mod proposal_rules;
pub mod record_rules;
pub mod rectification_rules;
pub mod register_rules;
pub mod repair_rules;
pub mod sanction_rules;
pub mod state_machine;
pub mod task_progress_rules;
pub mod tender_rules;
pub mod uscc;
