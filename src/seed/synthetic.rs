//! Deterministic synthetic data: a seeded RNG, valid codes, plausible names.

use chrono::{Duration, NaiveDate};
use rand::{seq::IndexedRandom, Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::{id_number, uscc};

/// The seed's random source: the same seed gives the same county every time.
pub struct Synth {
    pub rng: ChaCha8Rng,
}

const SURNAMES: [&str; 30] = [
    "陈", "林", "黄", "郑", "王", "李", "张", "苏", "许", "连", "颜", "徐", "赖", "郭", "涂", "曾", "刘", "吴", "蔡",
    "邱", "周", "方", "杨", "谢", "叶", "庄", "孙", "洪", "吕", "卢",
];
const GIVEN: [&str; 40] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞",
    "平", "刚", "桂", "华", "建", "国", "志", "文", "斌", "辉", "玲", "婷", "雪", "琳", "晨", "宇", "浩", "欣", "瑶",
    "鑫", "航",
];
const CODE_CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

impl Synth {
    pub fn new(seed: u64) -> Self {
        Self { rng: ChaCha8Rng::seed_from_u64(seed) }
    }

    /// An independent source for a new kind of row, so adding one never shifts the rows the
    /// main source draws after it: the same key on another stream, the main source untouched.
    pub fn fork(&self, stream: u64) -> Self {
        let mut rng = self.rng.clone();
        rng.set_stream(stream);
        Self { rng }
    }

    /// A uniform pick.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        items.choose(&mut self.rng).unwrap_or(&items[0])
    }

    /// A pick by weights (same length as `items`).
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.rng.random_range(0..total.max(1));
        for (item, weight) in items {
            if roll < *weight {
                return *item;
            }
            roll -= weight;
        }
        items[0].0
    }

    pub fn range(&mut self, low: i64, high_inclusive: i64) -> i64 {
        self.rng.random_range(low..=high_inclusive)
    }

    pub fn chance(&mut self, percent: u32) -> bool {
        self.rng.random_range(0..100) < percent
    }

    /// A two- or three-character Chinese name.
    pub fn person_name(&mut self) -> String {
        let mut name = self.pick(&SURNAMES).to_string();
        let given = *self.pick(&GIVEN[..]);
        name.push_str(given);
        if self.chance(70) {
            let second = *self.pick(&GIVEN[..]);
            name.push_str(second);
        }
        name
    }

    /// A mobile number, 11 digits starting 13x–19x.
    pub fn phone(&mut self) -> String {
        format!("1{}{:09}", self.range(3, 9), self.range(0, 999_999_999))
    }

    /// A date between `from` and `to`.
    pub fn date_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let days = (to - from).num_days().max(0);
        from + Duration::days(self.range(0, days))
    }
}

/// A valid USCC, unique per `(prefix, serial)`: the 2-character prefix (`11` 机关, `12` 事业单位,
/// `54` 村委会, `91` 企业), the county's division code, nine serial characters and the check.
pub fn uscc_for(prefix: &str, serial: u64) -> String {
    let mut body = String::from(prefix);
    body.push_str("350526");
    let mut n = serial.wrapping_mul(2_654_435_761) % 31u64.pow(9);
    let mut tail = [b'0'; 9];
    for slot in tail.iter_mut().rev() {
        *slot = CODE_CHARS[(n % 31) as usize];
        n /= 31;
    }
    body.push_str(std::str::from_utf8(&tail).unwrap_or("000000000"));
    let check = uscc::check_character(&body).unwrap_or('0');
    body.push(check);
    body
}

/// A USCC that fails its check character, like some early Fujian pilot codes.
pub fn pilot_uscc_for(serial: u64) -> String {
    let mut code = uscc_for("91", serial);
    let last = code.pop().unwrap_or('0');
    code.push(if last == '0' { '1' } else { '0' });
    code
}

/// A valid 身份证号 of the county, unique per `serial` (below 14.6 million): birth date between
/// 1960 and 1999, sequence number, check digit.
pub fn id_number_for(serial: u64) -> String {
    const DAYS: u64 = 14_600;
    let spread = serial.wrapping_mul(7_919) % (DAYS * 1_000);
    let day = spread % DAYS;
    let sequence = spread / DAYS;
    let birth = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap_or_default() + Duration::days(day as i64);
    let first17 = format!("350526{}{:03}", birth.format("%Y%m%d"), sequence);
    let check = id_number::check_character(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{id_number::validate_id_number, uscc::validate_uscc};

    #[test]
    fn synthetic_codes_are_valid_and_distinct() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut seen = std::collections::HashSet::new();
        for serial in 0..5_000 {
            let code = uscc_for("12", serial);
            assert_eq!(validate_uscc(&code), Ok(()), "{code}");
            assert!(seen.insert(code));
            let number = id_number_for(serial);
            assert_eq!(validate_id_number(&number, today), Ok(()), "{number}");
            assert!(seen.insert(number));
        }
        assert!(validate_uscc(&pilot_uscc_for(7)).is_err());
    }
}
