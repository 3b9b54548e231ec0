//! Login lockout: after 5 failed logins for a username within 15 minutes, that username is
//! refused for 15 minutes from the fifth failure.

use chrono::{DateTime, Duration, Utc};

/// Failures that trigger a lockout.
pub const FAILURES: usize = 5;
/// The window they must fall in, and how long the lockout lasts.
pub const WINDOW_MINUTES: i64 = 15;

/// How far back the failures matter (a window plus a lockout).
pub fn look_back() -> Duration {
    Duration::minutes(2 * WINDOW_MINUTES)
}

/// Until when the username is locked out, given its recent failures (any order).
pub fn locked_until(failures: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let mut sorted = failures.to_vec();
    sorted.sort();
    let window = Duration::minutes(WINDOW_MINUTES);
    sorted
        .windows(FAILURES)
        .filter(|run| run[FAILURES - 1] - run[0] <= window)
        .map(|run| run[FAILURES - 1] + window)
        .filter(|until| *until > now)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn four_failures_do_not_lock() {
        let failures = [at(0), at(1), at(2), at(3)];
        assert_eq!(locked_until(&failures, at(4)), None);
    }

    #[test]
    fn five_within_fifteen_minutes_lock_for_fifteen_minutes_from_the_fifth() {
        let failures = [at(0), at(3), at(6), at(9), at(12)];
        assert_eq!(locked_until(&failures, at(12)), Some(at(27)));
        assert_eq!(locked_until(&failures, at(26)), Some(at(27)));
        assert_eq!(locked_until(&failures, at(27)), None);
    }

    #[test]
    fn five_spread_over_more_than_fifteen_minutes_do_not_lock() {
        let failures = [at(0), at(4), at(8), at(12), at(16)];
        assert_eq!(locked_until(&failures, at(16)), None);
    }
}
