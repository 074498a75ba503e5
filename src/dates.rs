//! Dates for people and for files: seconds since the epoch (git's clock) as UTC calendar dates.

/// (year, month, day) in UTC for seconds since the epoch (Howard Hinnant's days-to-civil).
fn civil(seconds: i64) -> (i64, i64, i64) {
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `YYYY-MM-DD` (UTC).
pub fn date(seconds: i64) -> String {
    let (y, m, d) = civil(seconds);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339, UTC): what templates and `Date` parse.
pub fn rfc3339(seconds: i64) -> String {
    let (y, m, d) = civil(seconds);
    let s = seconds.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// `YYYY-MM-DD HH:MM+0000`: gettext's header dates (`PO-Revision-Date`), in UTC.
pub fn po(seconds: i64) -> String {
    let (y, m, d) = civil(seconds);
    let s = seconds.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}+0000", s / 3600, s / 60 % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for (seconds, day, full) in [
            (0, "1970-01-01", "1970-01-01T00:00:00Z"),
            (1_677_196_800, "2023-02-24", "2023-02-24T00:00:00Z"),
            (951_782_400, "2000-02-29", "2000-02-29T00:00:00Z"),
            (1_738_807_133, "2025-02-06", "2025-02-06T01:58:53Z"),
            (-1, "1969-12-31", "1969-12-31T23:59:59Z"),
        ] {
            assert_eq!((date(seconds), rfc3339(seconds)), (day.to_owned(), full.to_owned()), "{seconds}");
            assert_eq!(po(seconds), format!("{day} {}+0000", &full[11..16]), "{seconds}");
        }
    }
}
