//! The register (名录): what a unit and an official must hold. A unit's USCC passes GB 32100 and
//! its tree has one county government at the root; an official's 身份证号 passes GB 11643.

use chrono::NaiveDate;
use entity::enums::UnitKind;

use super::{id_number::validate_id_number, record_rules::require_text, uscc::validate_uscc};
use crate::error::AppError;

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
    require_text(entry.name, "name", 100)?;
    if let Some(short) = entry.short_name {
        require_text(short, "shortName", 50)?;
    }
    if let Some(uscc) = entry.uscc {
        validate_uscc(uscc).map_err(|e| AppError::bad_input("uscc", e.message()))?;
    }
    if let Some(code) = entry.division_code {
        if !(6..=12).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AppError::bad_input("divisionCode", "6 to 12 digits (行政区划代码)"));
        }
    }
    match (entry.kind, entry.parent_kind) {
        (UnitKind::CountyGovernment, None) => Ok(()),
        (UnitKind::CountyGovernment, Some(_)) => {
            Err(AppError::bad_input("parentId", "the county government is the root of the tree"))
        }
        (_, None) => Err(AppError::bad_input("parentId", "every unit but the county government has a parent")),
        (UnitKind::VillageCommittee | UnitKind::ResidentsCommittee, Some(parent)) if parent != UnitKind::Township => {
            Err(AppError::bad_input("parentId", "a village or residents' committee belongs to a township"))
        }
        _ => Ok(()),
    }
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
    require_text(entry.name, "name", 50)?;
    validate_id_number(entry.id_number, today).map_err(|e| AppError::bad_input("idNumber", e.message()))?;
    if let Some(phone) = entry.phone {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        if !(7..=20).contains(&digits) || phone.chars().any(|c| !(c.is_ascii_digit() || c == '-' || c == ' ')) {
            return Err(AppError::bad_input("phone", "7 to 20 digits"));
        }
    }
    if let Some(position) = entry.position {
        require_text(position, "position", 100)?;
    }
    Ok(())
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
