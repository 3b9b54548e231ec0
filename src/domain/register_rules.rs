//! The register (名录): what a unit and an official must hold. A unit's USCC passes GB 32100 and
//! its tree has one county government at the root; an official's 身份证号 passes GB 11643.

use chrono::NaiveDate;
use entity::enums::UnitKind;

use super::{
    id_number::{validate_id_number, IdNumberError},
    uscc::{validate_uscc, UsccError},
};
use crate::error::{text_problem, AppError, FieldChecks, Reason};

/// A unit as entered or changed.
pub struct UnitEntry<'a> {
    pub name: &'a str,
    pub short_name: Option<&'a str>,
    pub kind: UnitKind,
    pub uscc: Option<&'a str>,
    pub division_code: Option<&'a str>,
    /// The parent's kind, if it has one.
    pub parent_kind: Option<UnitKind>,
}

/// Checks a unit: names, the USCC by GB 32100, a 行政区划代码 of 6 to 12 digits, and its place
/// in the tree — the county government alone at the root, a village or residents' committee
/// under a township.
pub fn check_unit(entry: &UnitEntry<'_>) -> Result<(), AppError> {
    let mut checks = FieldChecks::new();
    checks.note("name", text_problem(entry.name, 100));
    if let Some(short) = entry.short_name {
        checks.note("shortName", text_problem(short, 50));
    }
    if let Some(uscc) = entry.uscc {
        checks.note("uscc", validate_uscc(uscc).err().map(UsccError::reason));
    }
    if let Some(code) = entry.division_code {
        let digits = (6..=12).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
        checks.refuse_if(!digits, "divisionCode", Reason::DivisionCodeFormat);
    }
    let place = match (entry.kind, entry.parent_kind) {
        (UnitKind::CountyGovernment, None) => None,
        (UnitKind::CountyGovernment, Some(_)) => Some(Reason::CountyIsRoot),
        (_, None) => Some(Reason::ParentRequired),
        (UnitKind::VillageCommittee | UnitKind::ResidentsCommittee, Some(parent)) if parent != UnitKind::Township => {
            Some(Reason::VillageUnderTownship)
        }
        _ => None,
    };
    checks.note("parentId", place).finish()
}

/// An official as entered or changed.
pub struct OfficialEntry<'a> {
    pub name: &'a str,
    pub id_number: &'a str,
    pub phone: Option<&'a str>,
    pub position: Option<&'a str>,
}

/// Checks an official: a name, the 身份证号 by GB 11643, a phone of 7 to 20 digits, a position.
pub fn check_official(entry: &OfficialEntry<'_>, today: NaiveDate) -> Result<(), AppError> {
    let mut checks = FieldChecks::new();
    checks.note("name", text_problem(entry.name, 50));
    checks.note("idNumber", validate_id_number(entry.id_number, today).err().map(IdNumberError::reason));
    if let Some(phone) = entry.phone {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let shape = phone.chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
        checks.refuse_if(!shape || !(7..=20).contains(&digits), "phone", Reason::PhoneFormat);
    }
    if let Some(position) = entry.position {
        checks.note("position", text_problem(position, 100));
    }
    checks.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(kind: UnitKind, parent: Option<UnitKind>, uscc: Option<&str>) -> UnitEntry<'_> {
        UnitEntry { name: "德化县某局", short_name: None, kind, uscc, division_code: None, parent_kind: parent }
    }

    #[test]
    fn a_unit_sits_in_the_tree_with_a_valid_code() {
        let code = crate::seed::synthetic::uscc_for("11", 3);
        assert!(check_unit(&unit(UnitKind::Department, Some(UnitKind::CountyGovernment), Some(&code))).is_ok());
        let mut bad = code.clone();
        bad.replace_range(17.., if code.ends_with('0') { "1" } else { "0" });
        assert!(check_unit(&unit(UnitKind::Department, Some(UnitKind::CountyGovernment), Some(&bad))).is_err());
        assert!(check_unit(&unit(UnitKind::Department, None, None)).is_err());
        assert!(check_unit(&unit(UnitKind::CountyGovernment, Some(UnitKind::Township), None)).is_err());
        assert!(check_unit(&unit(UnitKind::VillageCommittee, Some(UnitKind::Department), None)).is_err());
        assert!(check_unit(&unit(UnitKind::VillageCommittee, Some(UnitKind::Township), None)).is_ok());
    }

    #[test]
    fn an_official_has_a_valid_identity_number() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let number = crate::seed::synthetic::id_number_for(5);
        let entry = |id_number, phone| OfficialEntry { name: "林某", id_number, phone, position: None };
        assert!(check_official(&entry(&number, Some("0595-23521234")), today).is_ok());
        let mut wrong = number.clone();
        wrong.replace_range(17.., if number.ends_with('1') { "2" } else { "1" });
        assert!(check_official(&entry(&wrong, None), today).is_err());
        assert!(check_official(&entry(&number, Some("电话")), today).is_err());
    }
}
