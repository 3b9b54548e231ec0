//! 统一社会信用代码 (unified social credit code), GB 32100-2015.

use crate::error::Reason;

/// The 31 characters a code may use (no I, O, S, V, Z), in value order.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17: 3^(i-1) mod 31.
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Why a code is not a valid USCC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsccError {
    /// Not exactly 18 characters.
    Length,
    /// A character outside `0-9A-HJ-NPQRTUWXY`.
    Character,
    /// Positions 3–8 (the administrative division) are not digits.
    Division,
    /// The 18th character does not match the computed check character.
    CheckCharacter,
}

impl UsccError {
    /// The rule the code breaks.
    pub fn reason(self) -> Reason {
        match self {
            Self::Length => Reason::UsccLength,
            Self::Character => Reason::UsccCharacter,
            Self::Division => Reason::UsccDivision,
            Self::CheckCharacter => Reason::UsccCheckCharacter,
        }
    }
}

/// Checks a code by GB 32100: alphabet, division digits and the check character.
pub fn validate_uscc(code: &str) -> Result<(), UsccError> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(UsccError::Length);
    }
    let values: Vec<u32> =
        chars.iter().map(|c| ALPHABET.find(*c).map(|v| v as u32)).collect::<Option<_>>().ok_or(UsccError::Character)?;
    if !chars[2..8].iter().all(char::is_ascii_digit) {
        return Err(UsccError::Division);
    }
    if values[17] != check_value(&values[..17]) {
        return Err(UsccError::CheckCharacter);
    }
    Ok(())
}

/// The check character for the first 17 characters (used by the seed to make valid codes).
pub fn check_character(first17: &str) -> Option<char> {
    let values: Vec<u32> = first17.chars().map(|c| ALPHABET.find(c).map(|v| v as u32)).collect::<Option<_>>()?;
    (values.len() == 17).then(|| ALPHABET.chars().nth(check_value(&values) as usize)).flatten()
}

fn check_value(values: &[u32]) -> u32 {
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    (31 - sum % 31) % 31
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: [&str; 4] = ["1135052600363712XH", "12350526MB01372503", "54350526MEA1234566", "91350526MA2Y8K3D5X"];

    #[test]
    fn the_plan_outline_codes_pass() {
        for code in VALID {
            assert_eq!(validate_uscc(code), Ok(()), "{code}");
            assert_eq!(check_character(&code[..17]), code.chars().last(), "{code}");
        }
    }

    #[test]
    fn every_single_character_mutation_fails() {
        for code in VALID {
            for position in 0..18 {
                for replacement in ALPHABET.chars().chain("IOSVZa-".chars()) {
                    let mut chars: Vec<char> = code.chars().collect();
                    if chars[position] == replacement {
                        continue;
                    }
                    chars[position] = replacement;
                    let mutated: String = chars.into_iter().collect();
                    assert!(validate_uscc(&mutated).is_err(), "{mutated} should fail");
                }
            }
        }
    }

    #[test]
    fn malformed_input_fails_with_its_reason() {
        assert_eq!(validate_uscc(""), Err(UsccError::Length));
        assert_eq!(validate_uscc("91350526MA2Y8K3D5"), Err(UsccError::Length));
        assert_eq!(validate_uscc("91350526MA2Y8K3D5XX"), Err(UsccError::Length));
        assert_eq!(validate_uscc("91350526ma2y8k3d5x"), Err(UsccError::Character));
        assert_eq!(validate_uscc("913505２6MA2Y8K3D5X"), Err(UsccError::Character));
        assert_eq!(validate_uscc("91A50526MA2Y8K3D5X"), Err(UsccError::Division));
        assert_eq!(validate_uscc("91350526MA2Y8K3D5Y"), Err(UsccError::CheckCharacter));
    }
}
