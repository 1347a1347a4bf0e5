//! The call's thresholds (members, industrial share, self-financing), the
//! State subsidy cap and the deadline, each tested on both sides of its
//! limit, with the exact wording users read.

mod common;

use cluster_dossier::model::call::CallProfile;
use cluster_dossier::model::compute::SELF_FINANCING_FORMULA;
use cluster_dossier::model::dossier::{Activity, Dossier, MajorPartner, MemberCategory};
use cluster_dossier::model::rules::{self, CheckContext, eligibility};
use cluster_dossier::model::{Finding, Section, Severity};
use rust_decimal::Decimal;

use common::{blocking, example, findings, members, profile};

/// U+00A0, between a number and « % » in messages.
const NBSP: char = '\u{a0}';

/// 2026-07-28 15:00 in Casablanca (UTC+1) is 14:00 UTC, computed by hand
/// (20 662 days after 1970-01-01, plus 14 hours) rather than by the code
/// under test.
const DEADLINE_UTC: i64 = 20_662 * 86_400 + 14 * 3_600;

/// The test profile: a copy of the 2026 one with other thresholds.
const TEST_PROFILE_RON: &str = include_str!("fixtures/appel-test-seuils.ron");

fn test_profile() -> CallProfile {
    CallProfile::from_ron(TEST_PROFILE_RON).expect("the test profile parses")
}

/// Messages of the blocking findings on the member register as a whole
/// (field `members`): the member count and the industrial share.
fn register_messages(findings: &[Finding]) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f.is_blocking() && f.section == Section::Members && f.field == "members")
        .map(|f| f.message.as_str())
        .collect()
}

/// Messages of the blocking findings on the year-1 self-financing ratio
/// (they lead to the budget's year-1 own resources).
fn budget_messages(findings: &[Finding]) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| {
            f.is_blocking()
                && f.field.as_str().starts_with("budget")
                && f.message.starts_with("Autofinancement")
        })
        .map(|f| f.message.as_str())
        .collect()
}

/// The example with its register replaced by `engaged` engaged members of
/// all three counted categories (all companies industrial, so the share
/// never gets in the way), plus `interested` potentially interested
/// companies and `partners` extra major partners.
fn dossier_with_engaged(engaged: usize, interested: usize, partners: usize) -> Dossier {
    assert!(engaged >= 4);
    let mut d = example();
    d.members = members(
        "Entreprise engagée",
        engaged - 4,
        MemberCategory::EngagedCompany,
        Activity::Industrial,
    );
    d.members.extend(members(
        "Institut de formation",
        2,
        MemberCategory::TrainingResearch,
        Activity::Other,
    ));
    d.members.extend(members(
        "Organisme public",
        2,
        MemberCategory::OtherRepresentative,
        Activity::Other,
    ));
    d.members.extend(members(
        "Entreprise intéressée",
        interested,
        MemberCategory::InterestedCompany,
        Activity::Industrial,
    ));
    for i in 0..partners {
        d.partners.push(MajorPartner {
            name: format!("Partenaire supplémentaire n° {}", i + 1),
            kind: "Centre technique".into(),
            city: "Fès".into(),
            link: "Convention d'essais".into(),
        });
    }
    d
}

#[test]
fn the_example_has_no_blocking_finding() {
    let p = profile();
    let f = findings(&example(), &p);
    assert!(blocking(&f).is_empty(), "{:#?}", blocking(&f));
    assert!(eligibility::measure(&example(), &p).all_ok());
}

#[test]
fn fourteen_engaged_members_are_refused_fifteen_accepted() {
    let p = profile();
    // 14: one short of the minimum, with the exact message.
    let f = findings(&dossier_with_engaged(14, 0, 0), &p);
    assert_eq!(
        register_messages(&f),
        ["14 membres engagés : le minimum exigé est 15"]
    );
    // 15: the minimum itself is enough.
    let f = findings(&dossier_with_engaged(15, 0, 0), &p);
    assert_eq!(register_messages(&f), Vec::<&str>::new());
    assert_eq!(
        eligibility::measure(&dossier_with_engaged(15, 0, 0), &p).engaged_members,
        15
    );
}

#[test]
fn interested_companies_and_partners_do_not_count_as_members() {
    let p = profile();
    // Many interested companies and partners do not lift 14 to the minimum;
    // the message then says why they were not counted.
    let f = findings(&dossier_with_engaged(14, 5, 0), &p);
    assert_eq!(
        register_messages(&f),
        [
            "14 membres engagés : le minimum exigé est 15 (les 5 entreprises potentiellement intéressées ne comptent pas)"
        ]
    );
    let f = findings(&dossier_with_engaged(14, 0, 20), &p);
    assert_eq!(
        register_messages(&f),
        ["14 membres engagés : le minimum exigé est 15"]
    );
    let d = dossier_with_engaged(14, 5, 20);
    assert_eq!(eligibility::measure(&d, &p).engaged_members, 14);
    assert_eq!(register_messages(&findings(&d, &p)).len(), 1);
    // Nor do they spoil a dossier that has its 15 members.
    let f = findings(&dossier_with_engaged(15, 5, 20), &p);
    assert_eq!(register_messages(&f), Vec::<&str>::new());
}

#[test]
fn removing_members_from_the_example_until_fourteen_remain() {
    let p = profile();
    let mut d = example();
    let engaged = |d: &Dossier| eligibility::measure(d, &p).engaged_members;
    assert!(engaged(&d) > 15, "the example starts above the minimum");
    while engaged(&d) > 14 {
        assert_eq!(
            register_messages(&findings(&d, &p)),
            Vec::<&str>::new(),
            "{} members",
            engaged(&d)
        );
        // Drop the last engaged member (interested companies stay).
        let last = d
            .members
            .iter()
            .rposition(|m| m.category.is_engaged_member())
            .expect("an engaged member left");
        d.members.remove(last);
    }
    let f = findings(&d, &p);
    let messages = register_messages(&f);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(
        messages[0].starts_with("14 membres engagés : le minimum exigé est 15"),
        "{}",
        messages[0]
    );
    assert!(messages[0].contains("14") && messages[0].contains("15"));
    // The example keeps its two interested companies: the message says so.
    assert_eq!(
        messages[0],
        "14 membres engagés : le minimum exigé est 15 (les 2 entreprises potentiellement intéressées ne comptent pas)"
    );
}

/// 1000 engaged members, `counting` of them industrial, technological or
/// specific companies; the rest are companies of other activities and
/// institutions (never counted in the share, whatever their activity).
fn dossier_with_share(counting: usize) -> Dossier {
    let mut d = example();
    let industrial = counting / 2;
    let technological = counting / 4;
    let specific = counting - industrial - technological;
    d.members = members(
        "Usine",
        industrial,
        MemberCategory::EngagedCompany,
        Activity::Industrial,
    );
    d.members.extend(members(
        "Start-up",
        technological,
        MemberCategory::EngagedCompany,
        Activity::Technological,
    ));
    d.members.extend(members(
        "Atelier",
        specific,
        MemberCategory::EngagedCompany,
        Activity::Specific,
    ));
    d.members.extend(members(
        "Négoce",
        1000 - counting - 100,
        MemberCategory::EngagedCompany,
        Activity::Other,
    ));
    d.members.extend(members(
        "Université",
        50,
        MemberCategory::TrainingResearch,
        Activity::Other,
    ));
    d.members.extend(members(
        "Chambre",
        50,
        MemberCategory::OtherRepresentative,
        Activity::Other,
    ));
    d
}

#[test]
fn industrial_share_of_59_9_percent_is_refused_60_accepted() {
    let p = profile();
    let d = dossier_with_share(599);
    let f = findings(&d, &p);
    let expected = format!(
        "Entreprises industrielles, technologiques ou spécifiques : 59,90{NBSP}% des membres engagés (599 sur 1000) : le minimum exigé est 60,00{NBSP}%"
    );
    assert_eq!(register_messages(&f), [expected.as_str()]);
    assert!(!eligibility::measure(&d, &p).share_ok());

    let d = dossier_with_share(600);
    assert_eq!(register_messages(&findings(&d, &p)), Vec::<&str>::new());
    assert!(eligibility::measure(&d, &p).share_ok());

    // Interested industrial companies are in neither the numerator nor the
    // denominator: they cannot lift 59,9 % over the line.
    let mut d = dossier_with_share(599);
    d.members.extend(members(
        "Curieuse",
        100,
        MemberCategory::InterestedCompany,
        Activity::Industrial,
    ));
    assert_eq!(register_messages(&findings(&d, &p)), [expected.as_str()]);
}

/// The example with a year-1 budget of 100 000 DH of charges (starred and
/// not) and `own` DH of own resources spread over the three own-resource
/// rows; the State subsidy balances the budget and must not count.
fn dossier_with_own_resources(own: Decimal) -> Dossier {
    let p = profile();
    let mut d = example();
    for row in &p.budget_rows {
        d.budget_line_mut(&row.id).amounts[0] = Some(Decimal::ZERO);
    }
    let mut set = |row: &str, amount: Decimal| d.budget_line_mut(row).amounts[0] = Some(amount);
    set("personnel", Decimal::from(60_000));
    set("location", Decimal::from(20_000));
    set("actions", Decimal::from(20_000));
    set("cotisations", Decimal::from(20_000));
    set("services", Decimal::from(15_000));
    set("autres_produits", own - Decimal::from(35_000));
    set("subventions", Decimal::from(100_000) - own);
    d
}

#[test]
fn self_financing_of_39_99_percent_is_refused_40_accepted() {
    let p = profile();
    let d = dossier_with_own_resources(Decimal::new(39_990, 0));
    let f = findings(&d, &p);
    let messages = budget_messages(&f);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    let m = messages[0];
    assert!(
        m.starts_with(&format!("Autofinancement de l'année 1 : 39,99{NBSP}%")),
        "{m}"
    );
    assert!(
        m.contains(&format!("le minimum exigé est 40,00{NBSP}%")),
        "{m}"
    );
    assert!(
        m.contains(SELF_FINANCING_FORMULA),
        "the formula is stated: {m}"
    );
    assert!(!eligibility::measure(&d, &p).self_financing_ok());

    let d = dossier_with_own_resources(Decimal::new(40_000, 0));
    assert_eq!(budget_messages(&findings(&d, &p)), Vec::<&str>::new());
    assert!(eligibility::measure(&d, &p).self_financing_ok());

    // 39,999 % still fails, and is never shown rounded up to « 40 % ».
    let d = dossier_with_own_resources(Decimal::new(39_999, 0));
    let f = findings(&d, &p);
    let messages = budget_messages(&f);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(
        messages[0].starts_with(&format!("Autofinancement de l'année 1 : 39,99{NBSP}%")),
        "{}",
        messages[0]
    );
}

/// 12 engaged members of which 7 count for the share (58,33 %: 55 % is
/// not reachable with 12 members; what matters is being between the two
/// profiles' 50 % and 60 %), and 35 % self-financing in year 1.
fn dossier_between_the_two_profiles() -> Dossier {
    let mut d = dossier_with_own_resources(Decimal::from(35_000));
    d.members = members(
        "Usine",
        5,
        MemberCategory::EngagedCompany,
        Activity::Industrial,
    );
    d.members.extend(members(
        "Start-up",
        2,
        MemberCategory::EngagedCompany,
        Activity::Technological,
    ));
    d.members.extend(members(
        "Négoce",
        3,
        MemberCategory::EngagedCompany,
        Activity::Other,
    ));
    d.members.extend(members(
        "Université",
        1,
        MemberCategory::TrainingResearch,
        Activity::Other,
    ));
    d.members.extend(members(
        "Chambre",
        1,
        MemberCategory::OtherRepresentative,
        Activity::Other,
    ));
    d
}

#[test]
fn test_profile_is_the_2026_profile_with_other_thresholds() {
    let mut t = test_profile();
    assert_eq!(t.edition, "test");
    assert_eq!(t.thresholds.min_members, 10);
    assert_eq!(t.thresholds.min_industrial_share_percent, Decimal::from(50));
    assert_eq!(
        t.thresholds.min_self_financing_year1_percent,
        Decimal::from(30)
    );
    // Nothing else differs, so the next test isolates the thresholds.
    let p = profile();
    t.edition = p.edition.clone();
    t.thresholds = p.thresholds.clone();
    // The fixture predates the call's help beside each section (it stands
    // for an older profile in tests/call_help.rs): help is no threshold.
    assert!(t.section_help.is_empty());
    t.section_help = p.section_help.clone();
    assert_eq!(t, p);
}

#[test]
fn thresholds_come_from_the_profile() {
    let d = dossier_between_the_two_profiles();
    let p2026 = profile();
    let ptest = test_profile();

    let e = eligibility::measure(&d, &p2026);
    assert_eq!(e.engaged_members, 12);
    assert_eq!(
        e.industrial_share.map(|s| s.round_dp(2)),
        Some(Decimal::new(5833, 2))
    );
    assert_eq!(e.self_financing_year1.value(), Some(Decimal::from(35)));
    assert!(!e.members_ok() && !e.share_ok() && !e.self_financing_ok());
    assert!(eligibility::measure(&d, &ptest).all_ok());

    // Under 2026: the three thresholds block, citing 2026's values.
    let f = findings(&d, &p2026);
    assert_eq!(
        register_messages(&f),
        [
            "12 membres engagés : le minimum exigé est 15".to_string(),
            format!(
                "Entreprises industrielles, technologiques ou spécifiques : 58,33{NBSP}% des membres engagés (7 sur 12) : le minimum exigé est 60,00{NBSP}%"
            ),
        ]
    );
    let budget = budget_messages(&f);
    assert_eq!(budget.len(), 1);
    assert!(
        budget[0].starts_with(&format!("Autofinancement de l'année 1 : 35,00{NBSP}%")),
        "{}",
        budget[0]
    );
    assert!(
        budget[0].contains(&format!("le minimum exigé est 40,00{NBSP}%")),
        "{}",
        budget[0]
    );

    // Under the test profile: all three pass, with no code change.
    let f = findings(&d, &ptest);
    assert_eq!(register_messages(&f), Vec::<&str>::new());
    assert_eq!(budget_messages(&f), Vec::<&str>::new());

    // And the test profile's messages cite its own minimum.
    let mut nine = d.clone();
    nine.members.truncate(9);
    let f = findings(&nine, &ptest);
    assert!(
        register_messages(&f).contains(&"9 membres engagés : le minimum exigé est 10"),
        "{:#?}",
        register_messages(&f)
    );
}

/// Findings on the State subsidy of year `year + 1`.
fn subsidy_findings(findings: &[Finding], year: usize) -> Vec<&Finding> {
    let field = format!("budget.subventions[{year}]");
    findings.iter().filter(|f| f.field == field).collect()
}

#[test]
fn state_subsidy_above_the_charges_it_may_cover_is_blocking() {
    let p = profile();
    // Year 1 of the example: 1 167 000 DH of charges not marked *.
    let cap = Decimal::from(1_167_000);
    let with_subsidy = |amount: Decimal| {
        let mut d = example();
        d.budget_line_mut("subventions").amounts[0] = Some(amount);
        d
    };
    let d = with_subsidy(cap);
    assert!(
        subsidy_findings(&findings(&d, &p), 0).is_empty(),
        "equal to the cap is allowed"
    );

    let one_centime = Decimal::new(1, 2);
    let d = with_subsidy(cap + one_centime);
    let f = findings(&d, &p);
    let found = subsidy_findings(&f, 0);
    assert_eq!(found.len(), 1, "{f:#?}");
    assert_eq!(found[0].severity, Severity::Blocking);
    assert_eq!(found[0].section, Section::Plan);
    assert!(
        found[0]
            .message
            .contains("1\u{202f}167\u{202f}000,01\u{a0}DH"),
        "{}",
        found[0].message
    );
    assert!(
        found[0]
            .message
            .contains("1\u{202f}167\u{202f}000,00\u{a0}DH"),
        "{}",
        found[0].message
    );
    assert!(subsidy_findings(&f, 1).is_empty(), "only year 1 is over");

    // Starred charges (rent) are not subsidisable: raising them does not
    // help; raising staff costs does.
    let mut d = with_subsidy(cap + Decimal::from(50_000));
    d.budget_line_mut("location").amounts[0] = Some(Decimal::from(1_000_000));
    assert_eq!(subsidy_findings(&findings(&d, &p), 0).len(), 1);
    let mut d = with_subsidy(cap + Decimal::from(50_000));
    let staff = d
        .budget_line("personnel")
        .and_then(|l| l.amounts[0])
        .expect("staff costs in year 1");
    d.budget_line_mut("personnel").amounts[0] = Some(staff + Decimal::from(50_000));
    assert!(subsidy_findings(&findings(&d, &p), 0).is_empty());
}

#[test]
fn deadline_warning_only_after_the_deadline() {
    let p = profile();
    let d = example();
    let deadline_findings = |now: Option<i64>| -> Vec<Finding> {
        rules::check(&d, &p, &CheckContext { now_unix: now })
            .into_iter()
            .filter(|f| f.section == Section::General)
            .collect()
    };
    assert!(deadline_findings(None).is_empty());
    assert!(
        deadline_findings(Some(DEADLINE_UTC - 1)).is_empty(),
        "one second before"
    );
    assert!(
        deadline_findings(Some(DEADLINE_UTC)).is_empty(),
        "at 15:00:00 exactly"
    );
    let after = deadline_findings(Some(DEADLINE_UTC + 1));
    assert_eq!(after.len(), 1, "one second after: {after:#?}");
    assert_eq!(
        after[0].severity,
        Severity::Warning,
        "a warning, never blocking"
    );
    assert!(
        after[0].message.contains("28 juillet 2026 à 15 h 00"),
        "{}",
        after[0].message
    );
    // The late example is still printable: nothing blocking.
    let all = rules::check(
        &d,
        &p,
        &CheckContext {
            now_unix: Some(DEADLINE_UTC + 1),
        },
    );
    assert!(blocking(&all).is_empty());
}
