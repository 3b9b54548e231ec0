//! Integration tests: the real server on 127.0.0.1:0 over HTTP, against a fresh SQLite database
//! per test, or a fresh PostgreSQL database per test when `TEST_DATABASE_URL` is set.

mod helpers;

mod accounts;
mod attack_audit;
mod attack_complaints;
mod attack_concurrency;
mod attack_inputs;
mod attack_logins;
mod authentication;
mod commands;
mod commitments;
mod complaints;
mod crash;
mod credit_check;
mod credit_records;
mod deadline_sweep;
mod hardening;
mod health;
mod law_commitments;
mod law_listings;
mod law_one_act;
mod law_publication;
mod law_sanctions;
mod layering;
mod loaders;
mod node;
mod objections;
mod officials;
mod plan_tasks;
mod platform_push;
mod policy_agreement;
mod proposals;
mod record_writes;
mod rectifications;
mod refused_transitions;
mod repairs;
mod role_matrix;
mod schema_file;
mod seed;
mod service_harness;
mod service_workflows;
mod state_machine_properties;
mod training;
mod units;
mod workflow_fixtures;
