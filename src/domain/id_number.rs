//! 公民身份号码 (resident identity number), GB 11643-1999: 17 digits and a check character.

use chrono::NaiveDate;

use crate::error::Reason;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Why a number is not a valid 身份证号.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdNumberError {
    Length,
    Character,
    BirthDate,
    CheckCharacter,
}

impl IdNumberError {
    /// The rule the number breaks.
    pub fn reason(self) -> Reason {
        match self {
            Self::Length => Reason::IdNumberLength,
            Self::Character => Reason::IdNumberCharacter,
            Self::BirthDate => Reason::IdNumberBirthDate,
            Self::CheckCharacter => Reason::IdNumberCheckCharacter,
        }
    }
}

/// Checks digits, the birth date (a real date between 1900 and `today`) and the check character.
pub fn validate_id_number(number: &str, today: NaiveDate) -> Result<(), IdNumberError> {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() != 18 {
        return Err(IdNumberError::Length);
    }
    if !chars[..17].iter().all(char::is_ascii_digit) || !(chars[17].is_ascii_digit() || chars[17] == 'X') {
        return Err(IdNumberError::Character);
    }
    let birth = NaiveDate::parse_from_str(&number[6..14], "%Y%m%d").map_err(|_| IdNumberError::BirthDate)?;
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).ok_or(IdNumberError::BirthDate)?;
    if birth < earliest || birth > today {
        return Err(IdNumberError::BirthDate);
    }
    if check_character(&number[..17]) != Some(chars[17]) {
        return Err(IdNumberError::CheckCharacter);
    }
    Ok(())
}

/// The check character for 17 digits (the seed uses it to make valid synthetic numbers).
pub fn check_character(first17: &str) -> Option<char> {
    let digits: Vec<u32> = first17.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
    if digits.len() != 17 {
        return None;
    }
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    Some(CHECK[(sum % 11) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = "350526198503151239";

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    #[test]
    fn the_plan_outline_number_passes() {
        assert_eq!(validate_id_number(VALID, today()), Ok(()));
    }

    #[test]
    fn every_single_character_mutation_fails() {
        for position in 0..18 {
            for replacement in "0123456789Xx ".chars() {
                let mut chars: Vec<char> = VALID.chars().collect();
                if chars[position] == replacement {
                    continue;
                }
                chars[position] = replacement;
                let mutated: String = chars.into_iter().collect();
                assert!(validate_id_number(&mutated, today()).is_err(), "{mutated} should fail");
            }
        }
    }

    #[test]
    fn malformed_numbers_fail_with_their_reason() {
        assert_eq!(validate_id_number("35052619850315123", today()), Err(IdNumberError::Length));
        assert_eq!(validate_id_number("35052619850315123A", today()), Err(IdNumberError::Character));
        // 1985-02-30 does not exist; with a matching check character it still fails on the date.
        let bad_date = format!("35052619850230123{}", check_character("35052619850230123").unwrap());
        assert_eq!(validate_id_number(&bad_date, today()), Err(IdNumberError::BirthDate));
        let future = format!("35052620300101123{}", check_character("35052620300101123").unwrap());
        assert_eq!(validate_id_number(&future, today()), Err(IdNumberError::BirthDate));
        assert_eq!(validate_id_number("350526198503151238", today()), Err(IdNumberError::CheckCharacter));
    }
}
