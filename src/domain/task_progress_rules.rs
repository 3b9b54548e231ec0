//! Plan supervision (plan task 4.4): each lead unit reports on each of its tasks every half year
//! (`2026-H1`, `2026-H2`). A half year's report is due by the 15th day after it ends (H1: 15 July;
//! H2: 15 January); one made later is late, and a lead unit without a report for the last half
//! year that fell due is overdue.

use chrono::{Datelike, NaiveDate};

/// A half year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    /// 1 or 2.
    pub half: u32,
}

impl Period {
    /// `2026-H1` → 2026, first half; anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, half) = text.trim().split_once("-H")?;
        let year: i32 = year.parse().ok().filter(|y| (2000..=2100).contains(y))?;
        let half: u32 = half.parse().ok().filter(|h| *h == 1 || *h == 2)?;
        Some(Self { year, half })
    }

    /// The half year `day` lies in.
    pub fn of(day: NaiveDate) -> Self {
        Self { year: day.year(), half: if day.month() <= 6 { 1 } else { 2 } }
    }

    /// Its first day.
    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, if self.half == 1 { 1 } else { 7 }, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day its report may be made on time.
    pub fn due(self) -> NaiveDate {
        match self.half {
            1 => NaiveDate::from_ymd_opt(self.year, 7, 15),
            _ => NaiveDate::from_ymd_opt(self.year + 1, 1, 15),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// The half year before.
    pub fn previous(self) -> Self {
        if self.half == 2 {
            Self { year: self.year, half: 1 }
        } else {
            Self { year: self.year - 1, half: 2 }
        }
    }

    /// The last half year whose report fell due before `today`.
    pub fn last_due(today: NaiveDate) -> Self {
        let mut period = Self::of(today).previous();
        while period.due() >= today {
            period = period.previous();
        }
        period
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-H{}", self.year, self.half)
    }
}

/// Whether a report on `period` made on `reported_on` was late.
pub fn is_late(period: &str, reported_on: NaiveDate) -> bool {
    Period::parse(period).is_some_and(|p| reported_on > p.due())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_half_year_is_due_fifteen_days_after_it_ends() {
        let h1 = Period::parse("2026-H1").unwrap();
        assert_eq!((h1.start(), h1.due()), (day(2026, 1, 1), day(2026, 7, 15)));
        assert_eq!(Period::parse("2026-H2").unwrap().due(), day(2027, 1, 15));
        for bad in ["2026-H3", "2026", "H1-2026", "1999-H1", "2026-h1"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(Period::of(day(2026, 7, 1)).to_string(), "2026-H2");
        assert!(is_late("2026-H1", day(2026, 7, 16)));
        assert!(!is_late("2026-H1", day(2026, 7, 15)));
    }

    #[test]
    fn the_last_due_half_year_is_the_one_whose_deadline_has_passed() {
        assert_eq!(Period::last_due(day(2026, 7, 15)).to_string(), "2025-H2");
        assert_eq!(Period::last_due(day(2026, 7, 16)).to_string(), "2026-H1");
        assert_eq!(Period::last_due(day(2026, 11, 30)).to_string(), "2026-H1");
        assert_eq!(Period::last_due(day(2027, 1, 16)).to_string(), "2026-H2");
    }
}
