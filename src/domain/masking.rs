//! Masking of personal identifiers: 身份证号 keeps its first 6 and last 4, a phone its first 3 and
//! last 4; everything between becomes `*`.

/// `350526198503151239` → `350526********1239`.
pub fn mask_id_number(number: &str) -> String {
    mask(number, 6, 4)
}

/// `13859001234` → `138****1234`.
pub fn mask_phone(phone: &str) -> String {
    mask(phone, 3, 4)
}

fn mask(value: &str, keep_start: usize, keep_end: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= keep_start + keep_end {
        return "*".repeat(chars.len());
    }
    let hidden = chars.len() - keep_start - keep_end;
    chars[..keep_start]
        .iter()
        .chain(std::iter::repeat_n(&'*', hidden))
        .chain(&chars[chars.len() - keep_end..])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_numbers_keep_six_and_four() {
        assert_eq!(mask_id_number("350526198503151239"), "350526********1239");
    }

    #[test]
    fn phones_keep_three_and_four() {
        assert_eq!(mask_phone("13859001234"), "138****1234");
        assert_eq!(mask_phone("0595-23521234"), "059******1234");
    }

    #[test]
    fn short_values_are_hidden_entirely() {
        assert_eq!(mask_phone("12345"), "*****");
    }
}
