//! Calendar dates without a time zone, stored as `"AAAA-MM-JJ"` text in RON.
//!
//! The dossier only needs civil dates (creation, joining, signature); a full
//! date-time crate would be a heavy dependency for so little.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// French month names, as dates are written in the dossier and on paper.
pub const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Returns `None` when the triple is not a real date.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1900..=2200).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `2026-07-28` (ISO) or `28/07/2026` (the French way users type it).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let parts: Vec<&str> = if text.contains('/') {
            let mut p: Vec<&str> = text.split('/').collect();
            p.reverse();
            p
        } else {
            text.split('-').collect()
        };
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
            return None;
        }
        let year = parts[0].parse().ok()?;
        let month = parts[1].parse().ok()?;
        let day = parts[2].parse().ok()?;
        Self::new(year, month, day)
    }

    /// `2026-07-28`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `28 juillet 2026`, `1er mars 2026`.
    pub fn french(self) -> String {
        let day = if self.day == 1 {
            "1er".to_string()
        } else {
            self.day.to_string()
        };
        let month = MONTHS_FR
            .get(usize::from(self.month.saturating_sub(1)))
            .copied()
            .unwrap_or_default();
        format!("{day} {month} {}", self.year)
    }

    /// Days since 1970-01-01 (negative before), for comparisons with a clock.
    // Cannot overflow: `Date::new` keeps the year within 1900–2200, so every
    // intermediate value stays below 10⁶ in an i64.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The civil date of a number of days since 1970-01-01; `None` outside
    /// the years a `Date` holds.
    // Cannot overflow: `days` is checked first to lie within ±10⁶ (years
    // −768 to 4708), so every intermediate value stays below 10⁷.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        if !(-1_000_000..=1_000_000).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.french())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("date invalide « {text} » (attendu AAAA-MM-JJ)"))
        })
    }
}

/// A point in time: a civil date and a time of day at a fixed UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    /// Offset from UTC in minutes (Africa/Casablanca is UTC+1 outside Ramadan).
    pub utc_offset_minutes: i32,
}

impl Deadline {
    /// Seconds since the Unix epoch.
    // Cannot overflow: the date's days stay within ±10⁵ (years 1900–2200),
    // hour and minute are bytes and the offset an i32: the sum stays below
    // 2 × 10¹¹, far inside an i64.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn unix_seconds(&self) -> i64 {
        self.date.days_since_epoch() * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            - i64::from(self.utc_offset_minutes) * 60
    }

    /// `28 juillet 2026 à 15 h 00`.
    pub fn french(&self) -> String {
        format!(
            "{} à {} h {:02}",
            self.date.french(),
            self.hour,
            self.minute
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_notations() {
        assert_eq!(Date::parse("2026-07-28"), Date::new(2026, 7, 28));
        assert_eq!(Date::parse("28/07/2026"), Date::new(2026, 7, 28));
        assert_eq!(Date::parse("29/02/2026"), None);
        assert_eq!(Date::parse("29/02/2024"), Date::new(2024, 2, 29));
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse(""), None);
        assert_eq!(Date::parse("aa-bb-cc"), None);
    }

    #[test]
    fn french_format() {
        let d = Date::new(2026, 7, 28).expect("valid");
        assert_eq!(d.french(), "28 juillet 2026");
        assert_eq!(
            Date::new(2026, 3, 1).expect("valid").french(),
            "1er mars 2026"
        );
    }

    #[test]
    fn epoch_days_round_trip() {
        let d = Date::new(2026, 7, 28).expect("valid");
        assert_eq!(d.days_since_epoch(), 20_662);
        assert_eq!(Date::from_days_since_epoch(20_662), Some(d));
        assert_eq!(Date::new(1970, 1, 1).expect("valid").days_since_epoch(), 0);
    }

    #[test]
    fn deadline_in_utc() {
        let deadline = Deadline {
            date: Date::new(2026, 7, 28).expect("valid"),
            hour: 15,
            minute: 0,
            utc_offset_minutes: 60,
        };
        // 2026-07-28T14:00:00Z
        assert_eq!(deadline.unix_seconds(), 20_662 * 86_400 + 14 * 3600);
        assert_eq!(deadline.french(), "28 juillet 2026 à 15 h 00");
    }
}
