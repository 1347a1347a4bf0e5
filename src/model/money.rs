//! Amounts in dirhams: exact `Decimal` values, parsed the way French users
//! type them and printed the way French documents show them.

use rust_decimal::Decimal;

/// Narrow no-break space (U+202F), the French thousands separator.
pub const THIN_NBSP: char = '\u{202F}';
/// No-break space (U+00A0), between a number and its unit.
pub const NBSP: char = '\u{00A0}';

/// Why a typed amount was not understood; the message is shown under the field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("montant vide")]
    Empty,
    #[error("« {0} » n'est pas un montant (exemples : 1 234,50 ou 1234.5)")]
    NotANumber(String),
    #[error("une valeur négative n'est pas acceptée ici")]
    Negative,
    /// Beyond the field's bound (see [`super::limits`]): the text says the
    /// bound, e.g. « 1 000 000 000 000 DH, mille milliards ».
    #[error("au plus {0}")]
    TooLarge(&'static str),
    /// More decimals than the field allows: « deux décimales pour un
    /// montant en DHS ».
    #[error("au plus {0}")]
    TooManyDecimals(&'static str),
    #[error("un nombre entier est attendu")]
    NotWhole,
}

/// Decimals `Decimal` holds: a typed number with more would be rounded
/// silently by its parser, so it is refused instead.
const MAX_SCALE: usize = 28;

/// Parses « 1 234,50 », « 1234.5 », « 1 234 DH », « 1.234,50 » (dot grouping
/// with a decimal comma) and « 12 % ». Any space (normal, no-break, narrow)
/// groups digits. Never rounds: more digits than a `Decimal` holds (29
/// before the point, 28 after) is an error, not a nearby value.
pub fn parse_decimal(text: &str) -> Result<Decimal, AmountError> {
    let mut t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != NBSP && *c != THIN_NBSP && *c != '\'')
        .collect();
    for suffix in ["DHS", "DH", "MAD", "dhs", "dh", "Dh", "Dhs", "mad", "%"] {
        if let Some(stripped) = t.strip_suffix(suffix) {
            t = stripped.to_string();
            break;
        }
    }
    if t.is_empty() {
        return Err(AmountError::Empty);
    }
    let has_comma = t.contains(',');
    let dots = t.matches('.').count();
    let normalised = if has_comma {
        // The comma is the decimal mark; dots, if any, group thousands.
        t.replace('.', "").replace(',', ".")
    } else if dots > 1 {
        // « 1.234.567 »: dots group thousands.
        t.replace('.', "")
    } else {
        t.clone()
    };
    if normalised.matches('.').count() > 1
        || normalised.is_empty()
        || !normalised
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')))
        || !normalised.chars().any(|c| c.is_ascii_digit())
    {
        return Err(AmountError::NotANumber(text.trim().to_string()));
    }
    let fraction = normalised
        .split_once('.')
        .map_or("", |(_, f)| f.trim_end_matches('0'));
    if fraction.len() > MAX_SCALE {
        return Err(AmountError::TooManyDecimals("28 décimales"));
    }
    // Only digits, one point and a sign remain: the one way left to fail
    // is a number too large for a Decimal.
    normalised
        .parse::<Decimal>()
        .map_err(|_| AmountError::TooLarge("28 chiffres"))
}

/// Parses a non-negative dirham amount with at most two decimals, at most
/// [`super::limits::MAX_AMOUNT`].
///
/// ```
/// use cluster_dossier::model::money::{format_dh, parse_amount};
/// use rust_decimal::Decimal;
///
/// let amount = parse_amount("1 234,50 DH").expect("a French amount");
/// assert_eq!(amount, Decimal::new(123450, 2));
/// assert_eq!(format_dh(amount), "1\u{202F}234,50\u{A0}DHS");
/// assert!(parse_amount("12a").is_err());
/// assert!(parse_amount("99999999999999999999999999999").is_err());
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal, AmountError> {
    super::limits::NumberKind::Amount.parse(text)
}

/// Groups the digits of an integer part by three with the narrow no-break space.
fn group_thousands(digits: &str) -> String {
    // A narrow no-break space is 3 bytes: at most one per digit.
    let mut out = String::with_capacity(digits.len().saturating_mul(4));
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && len.saturating_sub(i).is_multiple_of(3) {
            out.push(THIN_NBSP);
        }
        out.push(c);
    }
    out
}

/// `1 234 567,89` with `decimals` fraction digits (rounded half away from zero).
pub fn format_number(value: Decimal, decimals: u32) -> String {
    let rounded = value.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.*}", decimals as usize, rounded.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&group_thousands(&int_part));
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// The currency as the call's canevas writes it (« CHARGES (en DHS) »):
/// the one notation of every printed, copied and shown amount.
pub const CURRENCY: &str = "DHS";

/// Decimals every amount shows, typed or computed: `1 500 000,00`.
pub const AMOUNT_DECIMALS_SHOWN: u32 = 2;

/// `1 234 567,89`: an amount in a table whose heading names the currency.
pub fn format_amount(value: Decimal) -> String {
    format_number(value, AMOUNT_DECIMALS_SHOWN)
}

/// `1 234 567,89 DHS`.
pub fn format_dh(value: Decimal) -> String {
    format!("{}{NBSP}{CURRENCY}", format_amount(value))
}

/// Decimals a ratio shows: enough to tell 39,99 % from the 40 % threshold.
pub const PERCENT_DECIMALS: u32 = 2;

/// A computed ratio as every place shows it (PDF, wizard, workbook,
/// messages): cut, never rounded, to [`PERCENT_DECIMALS`] decimals, so it
/// is never shown above its true value and a failing 39,997 % cannot read
/// as a passing « 40 % ».
pub fn truncate_percent(value: Decimal) -> Decimal {
    value
        .round_dp_with_strategy(PERCENT_DECIMALS, rust_decimal::RoundingStrategy::ToZero)
        .normalize()
}

/// The digits of a ratio without its sign, always two decimals, cut:
/// `39,97`, `60,00`, `59,90`.
pub fn format_percent_number(value: Decimal) -> String {
    format_number(truncate_percent(value), PERCENT_DECIMALS)
}

/// `39,97 %`, `60,00 %`: a ratio (see [`truncate_percent`]) with its sign.
pub fn format_percent(value: Decimal) -> String {
    format!("{}{NBSP}%", format_percent_number(value))
}

/// A typed figure with exactly the decimals it was typed with (trailing
/// zeros dropped): `39,96` stays `39,96`, `12` stays `12`.
pub fn format_typed(value: Decimal) -> String {
    let value = value.normalize();
    format_number(value, value.scale())
}

/// How the dossier's decimal fields read from a file: the text `Decimal`
/// writes (`"1500.50"`), refused in French, with the text, when no
/// `Decimal` can hold it (more than 28 digits on either side of the point,
/// or not a number at all). Within that, a value beyond its field's bound
/// is read, then set aside as an invalid entry (see
/// [`super::limits::set_aside_out_of_bounds`]).
pub mod from_file {
    use rust_decimal::Decimal;
    use serde::de::{Deserializer, Error, Visitor};

    use super::super::dossier::{YEARS, Years};

    /// One decimal as the file writes it.
    struct Text(Decimal);

    impl<'de> serde::Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_str(TextVisitor)
        }
    }

    struct TextVisitor;

    impl Visitor<'_> for TextVisitor {
        type Value = Text;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("un nombre entre guillemets, par exemple \"1500.50\"")
        }

        fn visit_str<E: Error>(self, v: &str) -> Result<Text, E> {
            let t = v.trim();
            // A message quotes at most the start of what the file holds.
            let v = &crate::model::quote::short(v);
            let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
            let numeric = !digits.is_empty()
                && digits.matches('.').count() <= 1
                && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
            let fraction = digits
                .split_once('.')
                .map_or("", |(_, f)| f.trim_end_matches('0'));
            if !numeric {
                return Err(E::custom(format!("« {v} » n'est pas un nombre")));
            }
            if fraction.len() > super::MAX_SCALE {
                return Err(E::custom(format!(
                    "« {v} » a plus de 28 décimales : aucun nombre du dossier n'en a autant"
                )));
            }
            t.parse::<Decimal>().map(Text).map_err(|_| {
                E::custom(format!(
                    "« {v} » est trop grand pour un nombre du dossier (un montant va jusqu'à 1\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{A0}DHS)"
                ))
            })
        }
    }

    /// For `Option<Decimal>` fields.
    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let value: Option<Text> = serde::Deserialize::deserialize(d)?;
        Ok(value.map(|t| t.0))
    }

    /// For five-year `Years<Decimal>` fields.
    pub fn years<'de, D: Deserializer<'de>>(d: D) -> Result<Years<Decimal>, D::Error> {
        let values: [Option<Text>; YEARS] = serde::Deserialize::deserialize(d)?;
        Ok(values.map(|v| v.map(|t| t.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn parses_french_and_english_notations() {
        assert_eq!(parse_amount("1 234,50"), Ok(dec!(1234.50)));
        assert_eq!(parse_amount("1234.5"), Ok(dec!(1234.5)));
        assert_eq!(parse_amount("1 234 DH"), Ok(dec!(1234)));
        assert_eq!(parse_amount("1\u{202F}234\u{00A0}DH"), Ok(dec!(1234)));
        assert_eq!(parse_amount("1.234.567,89"), Ok(dec!(1234567.89)));
        assert_eq!(parse_amount("  0 "), Ok(dec!(0)));
        assert_eq!(parse_decimal("12,5 %"), Ok(dec!(12.5)));
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        assert_eq!(parse_amount(""), Err(AmountError::Empty));
        assert_eq!(parse_amount("DH"), Err(AmountError::Empty));
        assert!(matches!(
            parse_amount("12a"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("1,2,3"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("--1"),
            Err(AmountError::NotANumber(_))
        ));
        assert_eq!(parse_amount("-5"), Err(AmountError::Negative));
        assert!(matches!(
            parse_amount("1,234"),
            Err(AmountError::TooManyDecimals(_))
        ));
    }

    #[test]
    fn formats_in_french() {
        assert_eq!(
            format_dh(dec!(1234567.891)),
            "1\u{202F}234\u{202F}567,89\u{00A0}DHS"
        );
        assert_eq!(format_dh(dec!(0)), "0,00\u{00A0}DHS");
        assert_eq!(format_dh(dec!(999)), "999,00\u{00A0}DHS");
        assert_eq!(format_dh(dec!(-1500)), "−1\u{202F}500,00\u{00A0}DHS");
        assert_eq!(format_number(dec!(1000000), 0), "1\u{202F}000\u{202F}000");
        assert_eq!(format_percent(dec!(59.9)), "59,90\u{00A0}%");
        assert_eq!(format_percent(dec!(60)), "60,00\u{00A0}%");
        assert_eq!(format_percent(dec!(39.99)), "39,99\u{00A0}%");
    }

    #[test]
    fn ratios_are_cut_never_rounded_up() {
        for (value, shown) in [
            (dec!(39.97), "39,97"),
            (dec!(39.996), "39,99"),
            (dec!(39.999999), "39,99"),
            (dec!(59.99), "59,99"),
            (dec!(59.9999), "59,99"),
            (dec!(66.666666), "66,66"),
            (dec!(60), "60,00"),
            (dec!(60.000), "60,00"),
            (dec!(0.004), "0,00"),
            (dec!(159.0), "159,00"),
            (dec!(52.7137), "52,71"),
        ] {
            assert_eq!(format_percent_number(value), shown, "{value}");
            assert_eq!(format_percent(value), format!("{shown}\u{a0}%"));
        }
        assert!(truncate_percent(dec!(39.999)) < dec!(40));
    }

    #[test]
    fn typed_figures_print_as_typed() {
        assert_eq!(format_typed(dec!(39.96)), "39,96");
        assert_eq!(format_typed(dec!(39.960)), "39,96");
        assert_eq!(format_typed(dec!(12)), "12");
        assert_eq!(format_typed(dec!(1500.5)), "1\u{202F}500,5");
    }
}
