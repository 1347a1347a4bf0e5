//! Large synthetic dossiers for benchmarks and stress tests: complete,
//! eligible, deterministic (same arguments, same dossier), in French.

use rust_decimal::Decimal;

mod words;

use super::call::CallProfile;
use super::date::Date;
use super::dossier::*;
use super::field::nth;
use words::{CITIES, FIRST_NAMES, NAMES, PREFIXES, WORDS};

/// A tiny deterministic generator: benchmarks must compare like with like.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[cycle(self.next(), items.len())]
    }
}

/// The place of `i` in a list of `len` items, cycling (0 for an empty list).
fn cycle(i: u64, len: usize) -> usize {
    usize::try_from(i.checked_rem(len as u64).unwrap_or(0)).unwrap_or(0)
}

/// `sentences` sentences of 12 to 20 words.
fn paragraph(rng: &mut Lcg, sentences: usize) -> String {
    let mut out = String::new();
    for s in 0..sentences {
        if s > 0 {
            out.push(' ');
        }
        let n = 12usize.saturating_add((rng.next() % 9) as usize);
        for w in 0..n {
            let word = rng.pick(WORDS);
            if w == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('.');
    }
    out
}

/// About `paragraphs` paragraphs separated by blank lines.
fn text(rng: &mut Lcg, paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|_| paragraph(rng, 4))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn person(rng: &mut Lcg, function: &str) -> Person {
    let (first, civility) = FIRST_NAMES[cycle(rng.next(), FIRST_NAMES.len())];
    let last = rng.pick(&[
        "El Fassi",
        "Benjelloun",
        "Tazi",
        "Alaoui",
        "Chraïbi",
        "Berrada",
        "Idrissi",
    ]);
    Person {
        civility: Some(civility),
        name: format!("{first} {last}"),
        organisation: format!("{} {}", rng.pick(PREFIXES), rng.pick(NAMES)),
        function: function.to_string(),
        phone: format!(
            "+212 6 {:02} {:02} {:02} {:02}",
            rng.next() % 100,
            rng.next() % 100,
            rng.next() % 100,
            rng.next() % 100
        ),
        email: format!("contact{}@exemple.ma", rng.next() % 1000),
    }
}

/// A 15-digit ICE whose value is divisible by 97 (ISO 7064 mod 97-10).
fn ice(rng: &mut Lcg) -> String {
    let base = rng.next() % 10_000_000_000_000;
    // base < 10¹³, so base × 100 < 10¹⁵: within a u64.
    let check = (97u64.saturating_sub(base.saturating_mul(100) % 97)) % 97;
    format!("{:013}{:02}", base, check)
}

fn years_dec(values: [i64; 5]) -> Years<Decimal> {
    values.map(|v| Some(Decimal::from(v)))
}

/// A complete, eligible dossier with `members` members and `projects`
/// projects (half cooperation, half collaborative), texts of about twelve
/// paragraphs per text section, and a plausible budget (self-financing
/// between 40 and 60 %, no negative amount).
pub fn dossier(profile: &CallProfile, members: usize, projects: usize) -> Dossier {
    let mut rng = Lcg(2026);
    let mut d = Dossier::new_for(profile);
    identity(&mut d, &mut rng);
    fee_schedule(&mut d);
    register(&mut d, &mut rng, members);
    board(&mut d, &mut rng);
    let fees = super::compute::fee_revenue(&d).total;
    let fees_years: [Decimal; 5] = std::array::from_fn(|y| grow(fees, 10, y).round_dp(2));
    strategy(&mut d, &mut rng, fees_years);
    cooperation(&mut d, &mut rng, projects);
    startups(&mut d, &mut rng);
    plan(&mut d, &mut rng, profile);
    budget(&mut d, fees_years);
    indicators(&mut d, profile);
    for c in &mut d.criteria {
        c.argument = text(&mut rng, 12);
    }
    for p in &mut d.administrative {
        p.status = PieceStatus::OnPaper;
        p.date = Date::new(2026, 6, 15);
    }
    declaration(&mut d);
    d
}

/// `base` grown by `pct` % a year, `year` years on.
fn grow(base: Decimal, pct: i64, year: usize) -> Decimal {
    let factor =
        Decimal::ONE_HUNDRED.saturating_add(Decimal::from(pct.saturating_mul(year as i64)));
    base.saturating_mul(factor)
        .checked_div(Decimal::ONE_HUNDRED)
        .unwrap_or(base)
}

fn identity(d: &mut Dossier, rng: &mut Lcg) {
    let id = &mut d.identity;
    id.name = "Cluster Synthétique des Industries Innovantes".into();
    id.acronym = "CSII".into();
    id.creation_date = Date::new(2024, 3, 12);
    id.address = "12, boulevard Mohammed V".into();
    id.city = "Casablanca".into();
    id.president = person(rng, "Président");
    id.vice_president = person(rng, "Vice-président");
    id.treasurer = person(rng, "Trésorier");
    id.director = person(rng, "Directeur");
    id.sector = "Industries innovantes".into();
    id.website = "www.csii.ma".into();
    for field in [
        &mut id.activities,
        &mut id.sector_importance,
        &mut id.strategic_justification,
        &mut id.core_territory,
        &mut id.productive_area,
        &mut id.genesis,
        &mut id.territorial_anchoring,
        &mut id.joint_initiatives,
    ] {
        *field = text(rng, 12);
    }
}

fn fee_schedule(d: &mut Dossier) {
    d.governance.fee_categories = [
        ("Grande entreprise", "CA > 175 MDH", 20_000),
        ("PME", "CA ≤ 175 MDH", 10_000),
        ("Institution", "Formation, recherche, organismes", 5_000),
    ]
    .into_iter()
    .map(|(name, description, amount)| FeeCategory {
        name: name.into(),
        description: description.into(),
        annual_amount: Some(Decimal::from(amount)),
    })
    .collect();
}

fn register(d: &mut Dossier, rng: &mut Lcg, members: usize) {
    for i in 0..members {
        let category = match i % 10 {
            0 => MemberCategory::TrainingResearch,
            1 => MemberCategory::OtherRepresentative,
            2 => MemberCategory::InterestedCompany,
            _ => MemberCategory::EngagedCompany,
        };
        let fee = match (category, i % 3) {
            (MemberCategory::TrainingResearch | MemberCategory::OtherRepresentative, _) => {
                "Institution"
            }
            (_, 0) => "Grande entreprise",
            _ => "PME",
        };
        d.members.push(Member {
            // Past the 2 000th, full legal designations (180 to 200 characters):
            // the largest registers are the stress case of the size rule.
            name: format!(
                "{} {} n° {}{}",
                rng.pick(PREFIXES),
                rng.pick(NAMES),
                nth(i),
                if i < 2000 { "" } else { " — société à responsabilité limitée d'associé unique pour la fabrication, la transformation, le conditionnement et la commercialisation de produits industriels" }
            ),
            category,
            activity: if i % 7 == 6 {
                Activity::Other
            } else {
                Activity::Industrial
            },
            sector: rng.pick(WORDS).to_string(),
            city: rng.pick(CITIES).to_string(),
            size: CompanySize::Pme,
            ice: ice(rng),
            rc: format!(
                "{} – {}",
                10_000u64.saturating_add(rng.next() % 90_000),
                rng.pick(CITIES)
            ),
            tax_id: format!("{:08}", rng.next() % 100_000_000),
            cnss: format!("{:07}", rng.next() % 10_000_000),
            contact: person(rng, "Directeur général"),
            joined: Date::new(
                2024,
                ((i % 12) as u8).saturating_add(1),
                ((i % 28) as u8).saturating_add(1),
            ),
            fee_category: fee.to_string(),
            to_check: ToCheck::default(),
        });
    }
    for i in 0..5 {
        d.partners.push(MajorPartner {
            name: format!("Centre technique {} {}", rng.pick(NAMES), nth(i)),
            kind: "Centre technique".into(),
            city: rng.pick(CITIES).into(),
            link: paragraph(rng, 2),
        });
    }
}

fn board_member(p: Person, name: String, role: BoardRole) -> BoardMember {
    BoardMember {
        civility: p.civility,
        name,
        organisation: p.organisation,
        role,
        function: p.function,
        phone: p.phone,
        email: p.email,
    }
}

fn board(d: &mut Dossier, rng: &mut Lcg) {
    let president = d.identity.president.clone();
    let name = president.name.clone();
    d.governance
        .board
        .push(board_member(president, name, BoardRole::President));
    for (i, role) in [
        BoardRole::VicePresident,
        BoardRole::Treasurer,
        BoardRole::SecretaryGeneral,
        BoardRole::Director,
        BoardRole::Director,
    ]
    .into_iter()
    .enumerate()
    {
        let p = person(rng, role.label());
        let name = format!("{} ({})", p.name, nth(nth(i)));
        d.governance.board.push(board_member(p, name, role));
    }
    d.governance.internal_organisation = text(rng, 12);
    d.governance.membership_terms = text(rng, 12);
    d.governance.fee_calculation = text(rng, 12);
}

fn strategy(d: &mut Dossier, rng: &mut Lcg, fees_years: [Decimal; 5]) {
    let engaged = super::compute::member_counts(d).engaged_members();
    let st = &mut d.strategy;
    st.global_strategy = text(rng, 12);
    st.rd_projects = [4, 6, 8, 10, 12].map(Some);
    st.funds_raised = years_dec([2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000]);
    st.export_share = years_dec([12, 14, 16, 18, 20]);
    st.objectives_comment = paragraph(rng, 3);
    st.technologies_markets = text(rng, 12);
    st.national_positioning = text(rng, 12);
    st.international_positioning = text(rng, 12);
    st.forecast_members =
        std::array::from_fn(|y| Some(engaged.saturating_add((y as u32).saturating_mul(5))));
    st.forecast_fee_revenue = fees_years.map(Some);
}

fn cooperation(d: &mut Dossier, rng: &mut Lcg, projects: usize) {
    for i in 0..projects {
        if i % 2 == 0 {
            d.cooperation.cooperation_projects.push(CooperationProject {
                title: format!("Projet de coopération n° {} : {}", nth(i), rng.pick(WORDS)),
                nature: paragraph(rng, 2),
                stakeholders: paragraph(rng, 2),
                means: paragraph(rng, 2),
                expected_results: paragraph(rng, 2),
            });
        } else {
            d.cooperation
                .collaborative_projects
                .push(CollaborativeProject {
                    title: format!("Projet collaboratif n° {} : {}", nth(i), rng.pick(WORDS)),
                    objectives: paragraph(rng, 2),
                    actors: paragraph(rng, 2),
                    expected_results: paragraph(rng, 2),
                });
        }
    }
    for i in 0..6 {
        let international = i % 2 == 1;
        d.cooperation.partnerships.push(Partnership {
            body: format!("Organisme partenaire {} {}", rng.pick(NAMES), nth(i)),
            kind: PartnerBodyKind::ALL[cycle(i as u64, PartnerBodyKind::ALL.len())],
            scope: if international {
                PartnershipScope::International
            } else {
                PartnershipScope::National
            },
            country: if international { "France" } else { "Maroc" }.into(),
            status: if i % 3 == 0 {
                PartnershipStatus::Established
            } else {
                PartnershipStatus::Envisaged
            },
            purpose: paragraph(rng, 2),
        });
    }
}

fn startups(d: &mut Dossier, rng: &mut Lcg) {
    d.startups.strategy = text(rng, 12);
    for kind in PreparationKind::ALL {
        d.startups.preparation.push(PreparationStep {
            kind,
            description: paragraph(rng, 3),
            partners: rng.pick(NAMES).into(),
        });
    }
    for support_type in SupportType::ALL {
        d.startups.post_creation.push(SupportService {
            support_type,
            services: paragraph(rng, 3),
        });
    }
}

fn plan(d: &mut Dossier, rng: &mut Lcg, profile: &CallProfile) {
    d.plan.orientations = text(rng, 12);
    d.plan.objectives = text(rng, 12);
    let mut categories: Vec<ActionCategory> = profile
        .action_categories
        .iter()
        .map(|c| ActionCategory::Eligible(c.id.clone()))
        .collect();
    categories.push(ActionCategory::Other);
    for i in 0..categories.len().saturating_mul(2) {
        d.plan.actions.push(Action {
            title: format!("Action n° {} : {}", nth(i), rng.pick(WORDS)),
            category: categories[cycle(i as u64, categories.len())].clone(),
            description: paragraph(rng, 2),
            cost: years_dec([100_000, 110_000, 120_000, 130_000, 140_000]),
        });
    }
}

/// Self-financing the generator aims at, in percent of the charges.
const OWN_SHARE_PERCENT: i64 = 50;
/// The most the member fees may cover before the staff grows with them.
const FEES_SHARE_MAX_PERCENT: i64 = 55;

/// Charges from the plan and a staff that grows with the register, own
/// resources at about half of them, the State subsidy covering the rest:
/// the résultat is nil and nothing is negative.
fn budget(d: &mut Dossier, fees_years: [Decimal; 5]) {
    let actions = super::compute::action_costs(d);
    let hundred = Decimal::ONE_HUNDRED;
    let starred = Decimal::from(150_000);
    let personnel: [Decimal; 5] = std::array::from_fn(|y| {
        let base = Decimal::from((y as i64).saturating_mul(30_000).saturating_add(600_000));
        // A large register pays for a larger team: fees stay ≤ 55 % of charges.
        let needed = fees_years[y]
            .saturating_mul(hundred)
            .checked_div(Decimal::from(FEES_SHARE_MAX_PERCENT))
            .unwrap_or(Decimal::ZERO)
            .saturating_sub(actions[y])
            .saturating_sub(starred)
            .round_dp(0);
        base.max(needed)
    });
    let charges: [Decimal; 5] = std::array::from_fn(|y| {
        personnel[y]
            .saturating_add(actions[y])
            .saturating_add(starred)
    });
    let services: [Decimal; 5] = std::array::from_fn(|y| {
        charges[y]
            .saturating_mul(Decimal::from(OWN_SHARE_PERCENT))
            .checked_div(hundred)
            .unwrap_or(Decimal::ZERO)
            .saturating_sub(fees_years[y])
            .max(Decimal::ZERO)
            .round_dp(2)
    });
    let subsidy: [Decimal; 5] = std::array::from_fn(|y| {
        charges[y]
            .saturating_sub(fees_years[y])
            .saturating_sub(services[y])
    });
    let set =
        |d: &mut Dossier, row: &str, v: [Decimal; 5]| d.budget_line_mut(row).amounts = v.map(Some);
    set(d, "personnel", personnel);
    set(d, "location", [Decimal::from(100_000); 5]);
    set(d, "investissement", [Decimal::from(30_000); 5]);
    set(d, "actions", actions);
    set(d, "autres_charges", [Decimal::from(20_000); 5]);
    d.budget_line_mut("autres_charges").detail =
        "Assurances, frais bancaires et déplacements".into();
    set(d, "cotisations", fees_years);
    set(d, "subventions", subsidy);
    set(d, "services", services);
    set(d, "autres_produits", [Decimal::ZERO; 5]);
}

fn indicators(d: &mut Dossier, profile: &CallProfile) {
    let totals = super::compute::budget_totals(d, profile);
    let ratios = super::compute::self_financing_percent(&totals);
    let counts = super::compute::member_counts(d);
    let engaged = counts.engaged_members();
    for line in &mut d.indicators.standard {
        let role = profile.kpi(&line.id).map(|k| k.role);
        line.values = match role {
            Some(super::call::KpiRole::ActiveMembers) => std::array::from_fn(|y| {
                Some(Decimal::from(
                    engaged.saturating_add((y as u32).saturating_mul(5)),
                ))
            }),
            Some(super::call::KpiRole::CompanyMembers) => std::array::from_fn(|y| {
                Some(Decimal::from(
                    counts
                        .engaged_companies
                        .saturating_add((y as u32).saturating_mul(4)),
                ))
            }),
            // The figure the budget gives, as every place prints it.
            Some(super::call::KpiRole::SelfFinancing) => {
                ratios.map(|r| r.map(super::money::truncate_percent))
            }
            _ => years_dec([2, 4, 6, 8, 10]),
        };
    }
    d.indicators.custom.push(CustomKpi {
        label: "Emplois qualifiés créés par les membres".into(),
        unit: "emplois".into(),
        values: years_dec([20, 40, 60, 80, 100]),
    });
}

fn declaration(d: &mut Dossier) {
    let president = &d.identity.president;
    let (first, last) = president
        .name
        .split_once(' ')
        .unwrap_or((&president.name, ""));
    d.declaration = Declaration {
        civility: president.civility.unwrap_or_default(),
        first_name: first.into(),
        last_name: last.into(),
        position_in_organisation: "Directeur général".into(),
        position_in_association: "Président".into(),
        association_name: String::new(),
        legal_form: String::new(),
        other_documents: vec![OtherDocument {
            title: "Lettres de soutien des partenaires".into(),
            attachment: None,
        }],
        place: "Casablanca".into(),
        date: Date::new(2026, 7, 20),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::{CheckContext, check};

    #[test]
    fn synthetic_dossier_is_complete_and_eligible() {
        let p = CallProfile::edition_2026();
        let d = dossier(&p, 300, 40);
        assert_eq!(d.members.len(), 300);
        assert_eq!(
            d.cooperation.cooperation_projects.len() + d.cooperation.collaborative_projects.len(),
            40
        );
        let blocking: Vec<_> = check(&d, &p, &CheckContext::default())
            .into_iter()
            .filter(|f| f.is_blocking())
            .collect();
        assert!(blocking.is_empty(), "{blocking:#?}");
        assert_eq!(dossier(&p, 300, 40), d, "deterministic");
    }

    #[test]
    fn synthetic_budgets_are_plausible() {
        let p = CallProfile::edition_2026();
        for members in [15, 40, 300, 2000] {
            let d = dossier(&p, members, 4);
            for line in &d.budget {
                for v in line.amounts.iter().flatten() {
                    assert!(!v.is_sign_negative(), "{members}: {} {v}", line.row);
                }
            }
            let totals = crate::model::compute::budget_totals(&d, &p);
            for r in crate::model::compute::self_financing_percent(&totals) {
                let r = r.expect("charges");
                assert!(
                    r >= Decimal::from(40) && r <= Decimal::from(60),
                    "{members} members: self-financing {r}"
                );
            }
        }
    }

    #[test]
    fn ice_is_mod_97() {
        let mut rng = Lcg(1);
        for _ in 0..100 {
            let s = ice(&mut rng);
            assert_eq!(s.len(), 15);
            assert_eq!(s.parse::<u64>().expect("digits") % 97, 0);
        }
    }
}
