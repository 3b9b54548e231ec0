//! Who is asking: tokens, passwords, the viewer, and the one policy module that says what they may do.

pub mod api_tokens;
pub mod bearer;
pub mod client_key;
pub mod jwt;
pub mod login_guard;
pub mod password;
pub mod policy;
pub mod session_cache;
pub mod viewer;

pub use entity::enums::Role;
pub use jwt::{Claims, JwtKeys};
pub use viewer::Viewer;

use rand::Rng;

/// A fresh random secret of 48 URL-safe characters (demo JWT secrets, token ids).
pub fn random_secret() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut rng = rand::rng();
    (0..48).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

/// The role's name as it appears in tokens and the API (`UNIT_CLERK` …).
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "ADMIN",
        Role::CreditOffice => "CREDIT_OFFICE",
        Role::Recorder => "RECORDER",
        Role::Personnel => "PERSONNEL",
        Role::UnitClerk => "UNIT_CLERK",
        Role::Leader => "LEADER",
        Role::Evaluator => "EVALUATOR",
    }
}

/// Parses a role name as written in tokens, on the command line and in the API.
pub fn parse_role(name: &str) -> Option<Role> {
    ALL_ROLES.into_iter().find(|role| role_name(*role).eq_ignore_ascii_case(name))
}

/// Every role, in the order of the design's table.
pub const ALL_ROLES: [Role; 7] =
    [Role::Admin, Role::CreditOffice, Role::Recorder, Role::Personnel, Role::UnitClerk, Role::Leader, Role::Evaluator];
