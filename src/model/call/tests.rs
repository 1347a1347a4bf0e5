//! The bundled profile, and what a profile may say.
use super::*;

#[test]
fn bundled_profile_parses_and_matches_the_call() {
    let p = CallProfile::from_ron(PROFILE_2026_RON).expect("profile parses");
    assert_eq!(p.validate(), Vec::new());
    assert_eq!(p.edition, "2026");
    assert_eq!(p.thresholds.min_members, 15);
    assert_eq!(p.thresholds.min_industrial_share_percent, Decimal::from(60));
    assert_eq!(
        p.thresholds.min_self_financing_year1_percent,
        Decimal::from(40)
    );
    assert_eq!(p.copies, 3);
    assert_eq!(p.admin_pieces.len(), 6);
    assert_eq!(p.budget_rows.len(), 9);
    let starred: Vec<&str> = p
        .budget_rows
        .iter()
        .filter(|r| r.starred)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(starred, ["location", "investissement", "autres_charges"]);
    assert_eq!(p.kpi_rows.len(), 6);
    assert_eq!(p.criteria.len(), 10);
    assert_eq!(p.action_categories.len(), 5);
    assert_eq!(p.deadline.french(), "28 juillet 2026 à 15 h 00");
    assert_eq!(p.time_zone, "Africa/Casablanca");
}

#[test]
fn deadline_times_are_real_times_in_real_zones() {
    let base = CallProfile::edition_2026();
    let issues_for = |hour: u8, minute: u8, offset: i32| {
        let mut p = base.clone();
        p.deadline.hour = hour;
        p.deadline.minute = minute;
        p.deadline.utc_offset_minutes = offset;
        p.validate()
    };
    // Every hour and minute a u8 can hold, with the Moroccan offset.
    for hour in 0..=u8::MAX {
        for minute in 0..=u8::MAX {
            let issues = issues_for(hour, minute, 60);
            let at = |key: &str| issues.iter().any(|i| i.locate.as_deref() == Some(key));
            assert_eq!(at("hour:"), hour > 23, "{hour}:{minute}");
            assert_eq!(at("minute:"), minute > 59, "{hour}:{minute}");
            assert_eq!(
                issues.len(),
                usize::from(hour > 23) + usize::from(minute > 59)
            );
        }
    }
    // Every offset within two days either way, and the extremes.
    let offsets = (-2 * 24 * 60..=2 * 24 * 60).chain([i32::MIN, i32::MAX, -1, 1]);
    for offset in offsets {
        let issues = issues_for(15, 0, offset);
        let real = REAL_UTC_OFFSETS.contains(&offset);
        assert_eq!(issues.is_empty(), real, "offset {offset}: {issues:?}");
        if let Some(i) = issues.first() {
            assert_eq!(i.locate.as_deref(), Some("utc_offset_minutes:"));
            assert!(i.message.contains("\u{2212}12:00"), "{}", i.message);
        }
    }
    // The list itself: whole quarter hours from −12:00 to +14:00, in order.
    assert!(REAL_UTC_OFFSETS.windows(2).all(|w| w[0] < w[1]));
    assert!(
        REAL_UTC_OFFSETS
            .iter()
            .all(|o| o % 15 == 0 && (-720..=840).contains(o))
    );
    assert!(REAL_UTC_OFFSETS.contains(&0) && REAL_UTC_OFFSETS.contains(&60));
    assert_eq!(offset_text(-570), "\u{2212}09:30");
    assert_eq!(offset_text(345), "+05:45");
}

#[test]
fn every_profile_struct_refuses_an_unknown_field() {
    // One unknown field inserted after each opening parenthesis of the
    // bundled profile: every struct of it (the profile, the deadline, the
    // thresholds, each row, the declaration) is one of these places.
    let opens: Vec<usize> = PROFILE_2026_RON
        .match_indices('(')
        .map(|(i, _)| i)
        .filter(|&i| {
            let line_start = PROFILE_2026_RON[..i].rfind('\n').map_or(0, |n| n + 1);
            // Parentheses in comments and texts are not structs.
            let before = &PROFILE_2026_RON[line_start..i];
            !before.contains("//") && before.matches('"').count().is_multiple_of(2)
        })
        .collect();
    // The profile, its deadline, thresholds and declaration, each row, each
    // section's help and each of its quotes.
    let p = CallProfile::bundled_2026();
    let structs = 4
        + p.admin_pieces.len()
        + p.budget_rows.len()
        + p.kpi_rows.len()
        + p.criteria.len()
        + p.action_categories.len()
        + p.section_help.len()
        + p.section_help.iter().flat_map(|h| &h.asks).count();
    assert_eq!(opens.len(), structs);
    for at in opens {
        let text = format!(
            "{}inconnu: 1, {}",
            &PROFILE_2026_RON[..=at],
            &PROFILE_2026_RON[at + 1..]
        );
        match CallProfile::from_ron(&text) {
            Err(e) => assert!(
                matches!(&e.code, ron::Error::NoSuchStructField { found, .. } if found == "inconnu"),
                "at byte {at}: {:?}",
                e.code
            ),
            Ok(_) => panic!("unknown field accepted at byte {at}"),
        }
    }
}
