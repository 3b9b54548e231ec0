//! A [`Reason`]'s words: kept in `locales/errors.yml` (Chinese and English), keyed by the
//! reason's code; a variant's fields fill the message's `%{…}` placeholders.

use std::borrow::Cow;

use super::{locale::Locale, reason::Reason};

impl Reason {
    /// The stable code (`DEADLINE_IN_PAST` style) and the key of its words.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The message in `locale`, with this reason's values filled in.
    pub fn message(&self, locale: Locale) -> String {
        let template: Cow<'_, str> = rust_i18n::t!(self.code(), locale = locale.tag());
        let (names, values): (Vec<&str>, Vec<String>) = self.values().into_iter().unzip();
        rust_i18n::replace_patterns(&template, &names, &values)
    }

    /// "try again in N s", in `locale` (appended to a `RATE_LIMITED` message).
    pub fn retry_after(seconds: i64, locale: Locale) -> String {
        let template: Cow<'_, str> = rust_i18n::t!("RETRY_AFTER", locale = locale.tag());
        rust_i18n::replace_patterns(&template, &["seconds"], &[seconds.to_string()])
    }

    /// The values a message quotes, by placeholder name.
    fn values(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::TooLong { max } | Self::BatchTooLarge { max } => vec![("max", max.to_string())],
            Self::LengthBetween { min, max } => vec![("min", min.to_string()), ("max", max.to_string())],
            Self::NumberBetween { min, max } => vec![("min", min.to_string()), ("max", max.to_string())],
            Self::InvalidValue { detail } => vec![("detail", detail.clone())],
            Self::WrongIdType { expected } => vec![("expected", expected.clone())],
            Self::ExtensionYears { max, already } => vec![("max", max.to_string()), ("already", already.to_string())],
            Self::UnknownServiceArea { areas } => vec![("areas", areas.clone())],
            Self::CategoryNotAuthorised { category } => vec![("category", category.clone())],
            Self::StaleVersion { current } => vec![("current", current.to_string())],
            Self::PaymentTermTooLong { max } => vec![("max", max.to_string())],
            Self::DateTooEarly { earliest } => vec![("earliest", earliest.to_string())],
            Self::TransitionNotAllowed { from, to } => vec![("from", from.clone()), ("to", to.clone())],
            Self::RecordStatusBars { status } | Self::AlreadyDecided { status } => vec![("status", status.clone())],
            Self::NotYetEligible { from } => vec![("from", from.to_string())],
            Self::HonoursBarred { records } => vec![("records", records.join(", "))],
            Self::StageNotReached { stage } => vec![("stage", stage.clone())],
            Self::NoOneResponsible { stage, day } => vec![("stage", stage.clone()), ("day", day.to_string())],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn every_reason_has_whole_words_in_both_languages() {
        for reason in Reason::iter() {
            for locale in [Locale::Chinese, Locale::English] {
                let message = reason.message(locale);
                assert_ne!(message, reason.code(), "{:?} has no {} message", reason, locale.tag());
                assert!(!message.contains("%{"), "{:?} leaves a placeholder in {}: {message}", reason, locale.tag());
                assert!(!message.trim().is_empty() && !message.starts_with(' '), "{reason:?} {message:?}");
            }
        }
    }

    #[test]
    fn every_message_in_the_catalogue_belongs_to_a_reason() {
        let catalogue = include_str!("../../locales/errors.yml");
        let codes: Vec<&str> = Reason::iter().map(|r| r.code()).collect();
        let keys = catalogue.lines().filter_map(|line| line.strip_suffix(':')).filter(|k| !k.starts_with(' '));
        for key in keys {
            assert!(codes.contains(&key) || key == "RETRY_AFTER", "{key} is in locales/errors.yml but no Reason");
        }
    }

    #[test]
    fn codes_are_screaming_snake_case_and_unique() {
        let codes: Vec<&str> = Reason::iter().map(|r| r.code()).collect();
        assert!(codes.iter().all(|c| c.chars().all(|ch| ch.is_ascii_uppercase() || ch == '_')), "{codes:?}");
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len());
        assert!(codes.contains(&"TURNOVER_IS_NO_GROUND") && codes.contains(&"NOT_AFTER_TODAY"));
    }

    #[test]
    fn values_fill_the_message() {
        let reason = Reason::TooLong { max: 300 };
        assert_eq!(reason.message(Locale::English), "at most 300 characters");
        assert_eq!(reason.message(Locale::Chinese), "不能超过 300 个字符");
    }
}
