//! The language of the words a client reads: Chinese by default (the county's users), English
//! when the request's `Accept-Language` prefers it.

/// A language our messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// 简体中文, the default.
    #[default]
    Chinese,
    /// English.
    English,
}

impl Locale {
    /// The tag of its words in `locales/errors.yml` (and of `Content-Language`).
    pub fn tag(self) -> &'static str {
        match self {
            Self::Chinese => "zh-CN",
            Self::English => "en",
        }
    }

    /// The language an `Accept-Language` header prefers among ours (RFC 9110 §12.5.4): the
    /// highest `q` wins, the earlier of equals; `*` or nothing we speak means Chinese.
    pub fn from_accept_language(header: Option<&str>) -> Self {
        let Some(header) = header else { return Self::default() };
        let mut best: Option<(f32, Self)> = None;
        for range in header.split(',') {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let language = match tag.split('-').next() {
                Some("zh") => Self::Chinese,
                Some("en") => Self::English,
                _ => continue,
            };
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, language));
            }
        }
        best.map(|(_, language)| language).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Locale::{self, *};

    #[test]
    fn the_preferred_language_we_speak_wins() {
        assert_eq!(Locale::from_accept_language(None), Chinese);
        assert_eq!(Locale::from_accept_language(Some("en")), English);
        assert_eq!(Locale::from_accept_language(Some("en-GB,en;q=0.9")), English);
        assert_eq!(Locale::from_accept_language(Some("zh-CN,zh;q=0.9,en;q=0.8")), Chinese);
        assert_eq!(Locale::from_accept_language(Some("fr-FR, en;q=0.5")), English);
        assert_eq!(Locale::from_accept_language(Some("zh;q=0.4, en;q=0.6")), English);
        assert_eq!(Locale::from_accept_language(Some("de, fr")), Chinese);
        assert_eq!(Locale::from_accept_language(Some("en;q=0")), Chinese);
        assert_eq!(Locale::from_accept_language(Some("*")), Chinese);
    }
}
