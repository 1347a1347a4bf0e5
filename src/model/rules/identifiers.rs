//! Moroccan identifiers and contact details: warnings that name the member
//! (or person) and the field, never a rejection, since a typo in an
//! identifier does not make a dossier ineligible.
//!
//! What is checked, and why no more:
//! - ICE: 15 digits; the last two are control digits. python-stdnum
//!   (`stdnum/ma/ice.py`) validates the whole number with ISO 7064
//!   mod 97-10 (valid when the number modulo 97 is 0), and its documented
//!   examples pass; the official specification could not be consulted, so a
//!   failed control is a warning that says so.
//! - IF (identifiant fiscal): digits only, 7 or 8 of them (older IFs have 7).
//! - RC: a register number, digits expected (the tribunal's city may follow).
//! - CNSS: digits only (affiliation numbers of 7 to 9 digits); no public
//!   control algorithm is known to us, so only the form is checked.
//! - E-mail: one « @ », a local part and a domain containing a dot, no space.
//! - Phone: Moroccan numbers, 10 digits starting 05, 06, 07 or 08, or the
//!   international form +212 / 00212 followed by 9 digits.

use crate::model::dossier::{Dossier, Person};
use crate::model::field::*;
use crate::model::finding::{Finding, Section};

fn digits_only(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect()
}

/// `None` when the ICE is well formed, else why not.
pub fn ice_problem(ice: &str) -> Option<String> {
    let ice = digits_only(ice);
    if ice.is_empty() {
        return None;
    }
    if !ice.chars().all(|c| c.is_ascii_digit()) {
        return Some(format!("l'ICE « {ice} » ne doit contenir que des chiffres"));
    }
    if ice.len() != 15 {
        return Some(format!(
            "l'ICE doit comporter 15 chiffres ({} saisis)",
            ice.len()
        ));
    }
    let value: u64 = ice.parse().ok()?;
    if !value.is_multiple_of(97) {
        return Some(format!(
            "la clé de contrôle de l'ICE « {ice} » ne correspond pas (contrôle ISO 7064 mod 97-10) : vérifiez le numéro sur l'attestation ICE"
        ));
    }
    None
}

pub fn tax_id_problem(tax_id: &str) -> Option<String> {
    let t = digits_only(tax_id);
    if t.is_empty() {
        return None;
    }
    if !t.chars().all(|c| c.is_ascii_digit()) || !(7..=8).contains(&t.len()) {
        return Some(format!(
            "l'identifiant fiscal « {} » doit comporter 7 ou 8 chiffres",
            tax_id.trim()
        ));
    }
    None
}

pub fn rc_problem(rc: &str) -> Option<String> {
    let rc = rc.trim();
    if rc.is_empty() || rc.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Associations and public bodies are not in the register: say so in words.
    if rc.to_lowercase().contains("non applicable") || rc.to_lowercase().contains("sans objet") {
        return None;
    }
    Some(format!(
        "le RC « {rc} » ne contient pas de numéro d'inscription"
    ))
}

pub fn cnss_problem(cnss: &str) -> Option<String> {
    let c = digits_only(cnss);
    if c.is_empty() {
        return None;
    }
    if !c.chars().all(|ch| ch.is_ascii_digit()) || !(7..=9).contains(&c.len()) {
        return Some(format!(
            "le numéro CNSS « {} » doit comporter 7 à 9 chiffres",
            cnss.trim()
        ));
    }
    None
}

pub fn email_problem(email: &str) -> Option<String> {
    let e = email.trim();
    if e.is_empty() {
        return None;
    }
    let ok = match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.contains(char::is_whitespace)
        }
        None => false,
    };
    (!ok).then(|| format!("l'adresse e-mail « {e} » n'est pas valable"))
}

pub fn phone_problem(phone: &str) -> Option<String> {
    let p = phone.trim();
    if p.is_empty() {
        return None;
    }
    let compact: String = p
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}' | '\u{202f}'))
        .collect();
    let national = if let Some(rest) = compact.strip_prefix("+212") {
        format!("0{rest}")
    } else if let Some(rest) = compact.strip_prefix("00212") {
        format!("0{rest}")
    } else {
        compact
    };
    let ok = national.len() == 10
        && national.chars().all(|c| c.is_ascii_digit())
        && matches!(&national[..2], "05" | "06" | "07" | "08");
    (!ok).then(|| format!("le numéro de téléphone « {p} » n'est pas un numéro marocain valable (ex. 06 12 34 56 78 ou +212 6 12 34 56 78)"))
}

fn warn(
    out: &mut Vec<Finding>,
    section: Section,
    field: FieldPath,
    who: &str,
    problem: Option<String>,
) {
    if let Some(p) = problem {
        out.push(Finding::warning(section, field, format!("{who} : {p}")));
    }
}

fn person(out: &mut Vec<Finding>, section: Section, path: FieldPath, who: &str, p: &Person) {
    warn(
        out,
        section,
        path.clone().field(PersonField::Phone),
        who,
        phone_problem(&p.phone),
    );
    warn(
        out,
        section,
        path.field(PersonField::Email),
        who,
        email_problem(&p.email),
    );
}

pub fn check(d: &Dossier) -> Vec<Finding> {
    let mut out = Vec::new();
    let id = &d.identity;
    for (path, role, p) in [
        (
            FieldPath::identity(IdentityField::President),
            "Président",
            &id.president,
        ),
        (
            FieldPath::identity(IdentityField::VicePresident),
            "Vice-président",
            &id.vice_president,
        ),
        (
            FieldPath::identity(IdentityField::Treasurer),
            "Trésorier",
            &id.treasurer,
        ),
        (
            FieldPath::identity(IdentityField::Director),
            "Directeur",
            &id.director,
        ),
    ] {
        person(&mut out, Section::Identity, path, role, p);
    }
    for (i, m) in d.members.iter().enumerate() {
        let who = if m.name.trim().is_empty() {
            format!("Membre n° {}", nth(i))
        } else {
            format!("Membre « {} »", m.name.trim())
        };
        let s = Section::Members;
        warn(
            &mut out,
            s,
            FieldPath::member_field(i, MemberField::Ice),
            &who,
            ice_problem(&m.ice),
        );
        warn(
            &mut out,
            s,
            FieldPath::member_field(i, MemberField::Rc),
            &who,
            rc_problem(&m.rc),
        );
        warn(
            &mut out,
            s,
            FieldPath::member_field(i, MemberField::TaxId),
            &who,
            tax_id_problem(&m.tax_id),
        );
        warn(
            &mut out,
            s,
            FieldPath::member_field(i, MemberField::Cnss),
            &who,
            cnss_problem(&m.cnss),
        );
        person(
            &mut out,
            s,
            FieldPath::member_field(i, MemberField::Contact),
            &format!("{who}, contact"),
            &m.contact,
        );
    }
    for (i, b) in d.governance.board.iter().enumerate() {
        let who = format!("Administrateur « {} »", b.name.trim());
        warn(
            &mut out,
            Section::Governance,
            FieldPath::board(i, BoardField::Phone),
            &who,
            phone_problem(&b.phone),
        );
        warn(
            &mut out,
            Section::Governance,
            FieldPath::board(i, BoardField::Email),
            &who,
            email_problem(&b.email),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ice_form_and_control() {
        // python-stdnum's documented examples.
        assert_eq!(ice_problem("001561191000066"), None);
        assert_eq!(ice_problem("002136093000040"), None);
        assert_eq!(ice_problem(" 001 561 191 000 066 "), None);
        assert!(ice_problem("001561191000065").is_some_and(|m| m.contains("clé de contrôle")));
        assert!(
            ice_problem("00156119100006").is_some_and(|m| m.contains("15 chiffres (14 saisis)"))
        );
        assert!(ice_problem("00156119100006A").is_some_and(|m| m.contains("que des chiffres")));
        assert_eq!(ice_problem(""), None);
    }

    #[test]
    fn other_identifiers() {
        assert_eq!(tax_id_problem("40753645"), None);
        assert_eq!(tax_id_problem("1234567"), None);
        assert!(tax_id_problem("12345").is_some());
        assert!(tax_id_problem("12A45678").is_some());
        assert_eq!(rc_problem("45123 – Fès"), None);
        assert_eq!(rc_problem("Non applicable (association)"), None);
        assert!(rc_problem("Fès").is_some());
        assert_eq!(cnss_problem("1234567"), None);
        assert!(cnss_problem("123").is_some());
    }

    #[test]
    fn emails_and_phones() {
        assert_eq!(email_problem("y.elmansouri@huilerie-saiss.ma"), None);
        assert!(email_problem("y.elmansouri@huilerie").is_some());
        assert!(email_problem("y elmansouri@x.ma").is_some());
        assert!(email_problem("@x.ma").is_some());
        assert_eq!(phone_problem("+212 6 61 23 45 67"), None);
        assert_eq!(phone_problem("06 61 23 45 67"), None);
        assert_eq!(phone_problem("0535-12-34-56"), None);
        assert_eq!(phone_problem("00212 5 35 12 34 56"), None);
        assert!(phone_problem("+33 6 12 34 56 78").is_some());
        assert!(phone_problem("0612").is_some());
        assert!(phone_problem("09 12 34 56 78").is_some());
    }

    #[test]
    fn warnings_name_the_member_and_the_field() {
        let mut d = Dossier::default();
        d.members.push(crate::model::dossier::Member {
            name: "Laiterie d'Azrou".into(),
            ice: "123".into(),
            ..Default::default()
        });
        let f = check(&d);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].field, "members[0].ice");
        assert!(
            f[0].message
                .starts_with("Membre « Laiterie d'Azrou » : l'ICE doit comporter 15 chiffres")
        );
        assert!(!f[0].is_blocking());
    }
}
