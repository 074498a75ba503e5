//! The user's language: Fluent bundles, language negotiation, and the `t!` macro.
//!
//! The resources in `locales/` are compiled into the binary. [`requested_languages`] turns
//! `--ui-lang` and the POSIX locale variables (handed in by the caller: this module never reads
//! the environment) into BCP 47 tags; [`Localizer::new`] negotiates them against the available
//! locales, falling back to en-US message by message. Formatting errors never stop a command:
//! they are collected ([`Localizer::errors`]) and the tests fail on them.

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The locales compiled into the binary, en-US first (the fallback).
pub const LOCALES: &[(&str, &str)] = &[
    ("en-US", include_str!("../../locales/en-US/stele.ftl")),
    ("fr", include_str!("../../locales/fr/stele.ftl")),
    ("es", include_str!("../../locales/es/stele.ftl")),
];

/// A message argument.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, inserted as is.
    Str(String),
    /// A number: selects plural forms.
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(s: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Str(s.into_owned())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as f64)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n as f64)
    }
}
impl From<&Arg> for Arg {
    fn from(a: &Arg) -> Arg {
        a.clone()
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Num(n as f64)
    }
}

/// Formats a message: `t!(loc, "status-title")`, `t!(loc, "status-count", "count" => 3)`.
#[macro_export]
macro_rules! t {
    ($loc:expr, $id:expr) => {
        $loc.message($id, &[])
    };
    ($loc:expr, $id:expr, $($key:expr => $value:expr),+ $(,)?) => {
        $loc.message($id, &[$(($key, $crate::l10n::Arg::from($value))),+])
    };
}

/// Localized messages in the negotiated language, with en-US behind it.
pub struct Localizer {
    bundles: Vec<FluentBundle<FluentResource>>,
    lang: String,
    errors: RefCell<Vec<String>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").field("lang", &self.lang).finish()
    }
}

/// The pseudo-locale's transform: ASCII letters to accented look-alikes.
fn pseudo(text: &str) -> std::borrow::Cow<'_, str> {
    const FROM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const TO: &str = "áƀçđéƒĝĥíĵķĺɱñóƥʠŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŢÚṼŴẊÝŽ";
    text.chars().map(|c| FROM.find(c).and_then(|i| TO.chars().nth(i)).unwrap_or(c)).collect::<String>().into()
}

/// Turns a POSIX locale name (`fr_FR.UTF-8@euro`) into a BCP 47 tag (`fr-FR`).
///
/// `C` and `POSIX` mean American English.
pub fn posix_to_bcp47(value: &str) -> Option<String> {
    let base = value.split(['.', '@']).next().unwrap_or("").trim();
    if base.is_empty() {
        return None;
    }
    if base == "C" || base == "POSIX" {
        return Some("en-US".into());
    }
    let id: LanguageIdentifier = base.replace('_', "-").parse().ok()?;
    Some(id.to_string())
}

/// The languages the user asked for, most wanted first: `--ui-lang`, else the first set of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` (as POSIX does).
pub fn requested_languages(
    ui_lang: Option<&str>,
    lc_all: Option<&str>,
    lc_messages: Option<&str>,
    lang: Option<&str>,
) -> Vec<String> {
    if let Some(ui) = ui_lang {
        return ui.split(',').filter_map(|l| posix_to_bcp47(l.trim())).collect();
    }
    [lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.trim().is_empty())
        .and_then(posix_to_bcp47)
        .into_iter()
        .collect()
}

impl Localizer {
    /// Negotiates `requested` against the bundled locales; en-US is always the last resort.
    ///
    /// The pseudo-locale `qps-ploc` is en-US with every letter of every message swapped for an
    /// accented look-alike (arguments — paths, ids — untouched): English typed into the code
    /// instead of a message stands out in its output, and a test looks for it.
    pub fn new(requested: &[String]) -> Localizer {
        if requested.first().is_some_and(|r| r.eq_ignore_ascii_case("qps-ploc")) {
            let mut loc = Localizer::new(&["en-US".to_owned()]);
            for bundle in &mut loc.bundles {
                bundle.set_transform(Some(pseudo));
            }
            loc.lang = "qps-ploc".to_owned();
            return loc;
        }
        let available: Vec<LanguageIdentifier> =
            LOCALES.iter().map(|(tag, _)| tag.parse().expect("bundled locale tags are valid")).collect();
        let requested: Vec<LanguageIdentifier> = requested.iter().filter_map(|r| r.parse().ok()).collect();
        let default: LanguageIdentifier = "en-US".parse().expect("en-US is a valid tag");
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            Some(&default),
            fluent_langneg::NegotiationStrategy::Filtering,
        );
        let mut errors = Vec::new();
        let mut bundles = Vec::new();
        for id in chosen {
            let (tag, source) = LOCALES
                .iter()
                .find(|(tag, _)| tag.parse::<LanguageIdentifier>().ok().as_ref() == Some(id))
                .expect("negotiation only returns available locales");
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(res, errs)| {
                errors.extend(errs.iter().map(|e| format!("{tag}: {e:?}")));
                res
            });
            let mut bundle = FluentBundle::new(vec![id.clone()]);
            bundle.set_use_isolating(false);
            if let Err(errs) = bundle.add_resource(resource) {
                errors.extend(errs.iter().map(|e| format!("{tag}: {e:?}")));
            }
            bundles.push(bundle);
        }
        let lang = bundles.first().map(|b| b.locales[0].to_string()).unwrap_or_else(|| "en-US".into());
        Localizer { bundles, lang, errors: RefCell::new(errors) }
    }

    /// The negotiated language (`en-US`, `fr`, `es`).
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Every locale a message is looked for in, in order (the negotiated one first, the
    /// fallbacks after).
    pub fn chain(&self) -> Vec<String> {
        self.bundles.iter().map(|b| b.locales.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")).collect()
    }

    /// Whether any bundle has this message.
    pub fn has(&self, id: &str) -> bool {
        self.bundles.iter().any(|b| b.has_message(id))
    }

    /// Formats message `id` (or `id.attribute`) with arguments.
    pub fn message(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let mut fluent_args = FluentArgs::new();
        for (key, value) in args {
            match value {
                Arg::Str(s) => fluent_args.set(*key, FluentValue::from(s.as_str())),
                Arg::Num(n) => fluent_args.set(*key, FluentValue::from(*n)),
            }
        }
        for bundle in &self.bundles {
            let Some(message) = bundle.get_message(msg_id) else {
                continue;
            };
            let pattern = match attr {
                Some(a) => message.get_attribute(a).map(|at| at.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errs = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errs);
            if !errs.is_empty() {
                self.errors.borrow_mut().extend(errs.iter().map(|e| format!("{id}: {e:?}")));
            }
            return text.into_owned();
        }
        self.errors.borrow_mut().push(format!("missing message {id}"));
        id.to_owned()
    }

    /// A decimal number with `digits` decimals, with the locale's decimal separator.
    pub fn decimal(&self, value: f64, digits: usize) -> String {
        let text = format!("{value:.digits$}");
        let sep = self.message("number-decimal-separator", &[]);
        text.replace('.', &sep)
    }

    /// A whole number with the locale's digit grouping (`6,631` in en-US, `6 631` with a narrow
    /// no-break space in fr, `6631` but `16.631` in es): the separator and the fewest digits a
    /// number has before it is grouped come from the messages `number-group-separator` and
    /// `number-group-min-digits`, as CLDR gives them.
    pub fn integer(&self, value: usize) -> String {
        let separator = self.message("number-group-separator", &[]);
        let min_digits: usize = self.message("number-group-min-digits", &[]).trim().parse().unwrap_or(4);
        group_digits(value, &separator, min_digits)
    }

    /// A count as a message argument, grouped as [`Localizer::integer`] groups it: a number
    /// (which selects plural forms) while grouping leaves it as it is, else the grouped text
    /// (every such count is in the `other` plural category of en, fr and es).
    pub fn count(&self, value: usize) -> Arg {
        let grouped = self.integer(value);
        if grouped == value.to_string() {
            Arg::from(value)
        } else {
            Arg::Str(grouped)
        }
    }

    /// Every formatting error seen so far (missing messages, bad arguments, resource errors).
    pub fn errors(&self) -> Vec<String> {
        self.errors.borrow().clone()
    }
}

/// `value` in groups of three digits joined by `separator`, when it has `min_digits` digits or
/// more.
pub fn group_digits(value: usize, separator: &str, min_digits: usize) -> String {
    let digits = value.to_string();
    if digits.len() < min_digits.max(4) {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_as_each_locale_groups_them() {
        let fr = Localizer::new(&["fr".into()]);
        let es = Localizer::new(&["es".into()]);
        let en = Localizer::new(&["en-US".into()]);
        for (n, english, french, spanish) in [
            (0, "0", "0", "0"),
            (999, "999", "999", "999"),
            (6631, "6,631", "6\u{202f}631", "6631"),
            (16631, "16,631", "16\u{202f}631", "16.631"),
            (520_050, "520,050", "520\u{202f}050", "520.050"),
            (1_234_567, "1,234,567", "1\u{202f}234\u{202f}567", "1.234.567"),
        ] {
            assert_eq!((en.integer(n), fr.integer(n), es.integer(n)), (english.into(), french.into(), spanish.into()));
        }
        for loc in [&fr, &es, &en] {
            assert_eq!(loc.errors(), Vec::<String>::new());
        }
    }

    #[test]
    fn posix_names() {
        assert_eq!(posix_to_bcp47("fr_FR.UTF-8").as_deref(), Some("fr-FR"));
        assert_eq!(posix_to_bcp47("es_ES.UTF-8@euro").as_deref(), Some("es-ES"));
        assert_eq!(posix_to_bcp47("C.UTF-8").as_deref(), Some("en-US"));
        assert_eq!(posix_to_bcp47(""), None);
    }

    #[test]
    fn precedence() {
        let r = requested_languages(None, Some(""), Some("es_MX.UTF-8"), Some("fr_FR.UTF-8"));
        assert_eq!(r, ["es-MX"]);
        let r = requested_languages(Some("fr"), Some("es_ES.UTF-8"), None, None);
        assert_eq!(r, ["fr"]);
    }

    #[test]
    fn pseudo_locale_transforms_messages_not_arguments() {
        let loc = Localizer::new(&["qps-ploc".into()]);
        assert_eq!(loc.lang(), "qps-ploc");
        let text = loc.message("error-mark-missing", &[("path", Arg::from("docs/a.md"))]);
        assert_eq!(text, "docs/a.md đóéš ñóţ éẋíšţ");
    }

    #[test]
    fn negotiates_with_fallback() {
        assert_eq!(Localizer::new(&["fr-CA".into()]).lang(), "fr");
        assert_eq!(Localizer::new(&["es-419".into()]).lang(), "es");
        assert_eq!(Localizer::new(&["de-DE".into()]).lang(), "en-US");
        assert_eq!(Localizer::new(&[]).lang(), "en-US");
    }
}
