//! Large synthetic dossiers for benchmarks and stress tests: complete,
//! eligible, deterministic (same arguments, same dossier), in French.

use rust_decimal::Decimal;

use super::call::CallProfile;
use super::date::Date;
use super::dossier::*;

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
        items[(self.next() % items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "innovation",
    "compétitivité",
    "filière",
    "entreprises",
    "coopération",
    "recherche",
    "développement",
    "marché",
    "export",
    "formation",
    "compétences",
    "qualité",
    "écosystème",
    "territoire",
    "mutualisation",
    "veille",
    "technologie",
    "industrialisation",
    "valorisation",
    "partenariat",
    "durabilité",
    "numérique",
    "procédés",
    "souveraineté",
    "ingénierie",
    "certification",
    "prototypage",
    "laboratoire",
    "université",
    "région",
];
const CITIES: &[&str] = &[
    "Casablanca",
    "Rabat",
    "Fès",
    "Meknès",
    "Tanger",
    "Agadir",
    "Marrakech",
    "Oujda",
    "Kénitra",
    "Tétouan",
    "El Jadida",
    "Béni Mellal",
];
const PREFIXES: &[&str] = &[
    "Société",
    "Ateliers",
    "Industries",
    "Laboratoires",
    "Groupe",
    "Manufacture",
    "Compagnie",
];
const NAMES: &[&str] = &[
    "de l'Atlas",
    "du Saïss",
    "Chérifienne",
    "du Détroit",
    "de l'Oriental",
    "du Souss",
    "Méditerranée",
    "des Zénètes",
    "Al Amal",
    "Nour",
    "Essaouira",
    "Ifrane",
];

/// `sentences` sentences of 12 to 20 words.
fn paragraph(rng: &mut Lcg, sentences: usize) -> String {
    let mut out = String::new();
    for s in 0..sentences {
        if s > 0 {
            out.push(' ');
        }
        let n = 12 + (rng.next() % 9) as usize;
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
    let first = rng.pick(&[
        "Karim", "Salma", "Youssef", "Nadia", "Hicham", "Leïla", "Omar", "Zineb",
    ]);
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
    let check = (97 - (base * 100) % 97) % 97;
    format!("{:013}{:02}", base, check)
}

fn years_dec(values: [i64; 5]) -> Years<Decimal> {
    values.map(|v| Some(Decimal::from(v)))
}

/// A complete, eligible dossier with `members` members and `projects`
/// projects (half cooperation, half collaborative), texts of about twelve
/// paragraphs per text section.
pub fn dossier(profile: &CallProfile, members: usize, projects: usize) -> Dossier {
    let mut rng = Lcg(2026);
    let mut d = Dossier::new_for(profile);
    let long = |rng: &mut Lcg| text(rng, 12);
    let id = &mut d.identity;
    id.name = "Cluster Synthétique des Industries Innovantes".into();
    id.acronym = "CSII".into();
    id.creation_date = Date::new(2024, 3, 12);
    id.address = "12, boulevard Mohammed V".into();
    id.city = "Casablanca".into();
    id.president = person(&mut rng, "Président");
    id.vice_president = person(&mut rng, "Vice-président");
    id.treasurer = person(&mut rng, "Trésorier");
    id.director = person(&mut rng, "Directeur");
    id.sector = "Industries innovantes".into();
    id.activities = long(&mut rng);
    id.sector_importance = long(&mut rng);
    id.strategic_justification = long(&mut rng);
    id.core_territory = long(&mut rng);
    id.productive_area = long(&mut rng);
    id.genesis = long(&mut rng);
    id.territorial_anchoring = long(&mut rng);
    id.joint_initiatives = long(&mut rng);
    let president = d.identity.president.clone();

    d.governance.fee_categories = vec![
        FeeCategory {
            name: "Grande entreprise".into(),
            description: "CA > 175 MDH".into(),
            annual_amount: Some(Decimal::from(20_000)),
        },
        FeeCategory {
            name: "PME".into(),
            description: "CA ≤ 175 MDH".into(),
            annual_amount: Some(Decimal::from(10_000)),
        },
        FeeCategory {
            name: "Institution".into(),
            description: "Formation, recherche, organismes".into(),
            annual_amount: Some(Decimal::from(5_000)),
        },
    ];
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
            name: format!("{} {} n° {}", rng.pick(PREFIXES), rng.pick(NAMES), i + 1),
            category,
            activity: if i % 7 == 6 {
                Activity::Other
            } else {
                Activity::Industrial
            },
            sector: rng.pick(WORDS).to_string(),
            city: rng.pick(CITIES).to_string(),
            size: CompanySize::Pme,
            ice: ice(&mut rng),
            rc: format!("{} – {}", 10_000 + rng.next() % 90_000, rng.pick(CITIES)),
            tax_id: format!("{:08}", rng.next() % 100_000_000),
            cnss: format!("{:07}", rng.next() % 10_000_000),
            contact: person(&mut rng, "Directeur général"),
            joined: Date::new(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8),
            fee_category: fee.to_string(),
        });
    }
    for i in 0..5 {
        d.partners.push(MajorPartner {
            name: format!("Centre technique {} {}", rng.pick(NAMES), i + 1),
            kind: "Centre technique".into(),
            city: rng.pick(CITIES).into(),
            link: paragraph(&mut rng, 2),
        });
    }
    d.governance.board.push(BoardMember {
        name: president.name.clone(),
        organisation: president.organisation.clone(),
        role: BoardRole::President,
        function: president.function.clone(),
        phone: president.phone.clone(),
        email: president.email.clone(),
    });
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
        let p = person(&mut rng, role.label());
        d.governance.board.push(BoardMember {
            name: format!("{} ({})", p.name, i + 2),
            organisation: p.organisation,
            role,
            function: p.function,
            phone: p.phone,
            email: p.email,
        });
    }
    d.governance.internal_organisation = long(&mut rng);
    d.governance.membership_terms = long(&mut rng);
    d.governance.fee_calculation = long(&mut rng);

    let fees = super::compute::fee_revenue(&d).total;
    let engaged = super::compute::member_counts(&d).engaged_members();
    let grow = |base: Decimal, pct: i64, year: usize| {
        base * (Decimal::ONE_HUNDRED + Decimal::from(pct * year as i64)) / Decimal::ONE_HUNDRED
    };
    let fees_years: [Decimal; 5] = std::array::from_fn(|y| grow(fees, 10, y).round_dp(2));
    let members_years: [u32; 5] = std::array::from_fn(|y| engaged + 5 * y as u32);

    let st = &mut d.strategy;
    st.global_strategy = long(&mut rng);
    st.rd_projects = [4, 6, 8, 10, 12].map(Some);
    st.funds_raised = years_dec([2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000]);
    st.export_share = years_dec([12, 14, 16, 18, 20]);
    st.objectives_comment = paragraph(&mut rng, 3);
    st.technologies_markets = long(&mut rng);
    st.national_positioning = long(&mut rng);
    st.international_positioning = long(&mut rng);
    st.forecast_members = members_years.map(Some);
    st.forecast_fee_revenue = fees_years.map(Some);

    for i in 0..projects {
        if i % 2 == 0 {
            d.cooperation.cooperation_projects.push(CooperationProject {
                title: format!("Projet de coopération n° {} : {}", i + 1, rng.pick(WORDS)),
                nature: paragraph(&mut rng, 2),
                stakeholders: paragraph(&mut rng, 2),
                means: paragraph(&mut rng, 2),
                expected_results: paragraph(&mut rng, 2),
            });
        } else {
            d.cooperation
                .collaborative_projects
                .push(CollaborativeProject {
                    title: format!("Projet collaboratif n° {} : {}", i + 1, rng.pick(WORDS)),
                    objectives: paragraph(&mut rng, 2),
                    actors: paragraph(&mut rng, 2),
                    expected_results: paragraph(&mut rng, 2),
                });
        }
    }
    for i in 0..6 {
        let international = i % 2 == 1;
        d.cooperation.partnerships.push(Partnership {
            body: format!("Organisme partenaire {} {}", rng.pick(NAMES), i + 1),
            kind: PartnerBodyKind::ALL[i % PartnerBodyKind::ALL.len()],
            scope: if international {
                PartnershipScope::International
            } else {
                PartnershipScope::National
            },
            country: if international {
                "France".into()
            } else {
                "Maroc".into()
            },
            status: if i % 3 == 0 {
                PartnershipStatus::Established
            } else {
                PartnershipStatus::Envisaged
            },
            purpose: paragraph(&mut rng, 2),
        });
    }
    d.startups.strategy = long(&mut rng);
    for kind in PreparationKind::ALL {
        d.startups.preparation.push(PreparationStep {
            kind,
            description: paragraph(&mut rng, 3),
            partners: rng.pick(NAMES).into(),
        });
    }
    for support_type in SupportType::ALL {
        d.startups.post_creation.push(SupportService {
            support_type,
            services: paragraph(&mut rng, 3),
        });
    }

    d.plan.orientations = long(&mut rng);
    d.plan.objectives = long(&mut rng);
    let mut categories: Vec<ActionCategory> = profile
        .action_categories
        .iter()
        .map(|c| ActionCategory::Eligible(c.id.clone()))
        .collect();
    categories.push(ActionCategory::Other);
    for i in 0..(2 * categories.len()) {
        d.plan.actions.push(Action {
            title: format!("Action n° {} : {}", i + 1, rng.pick(WORDS)),
            category: categories[i % categories.len()].clone(),
            description: paragraph(&mut rng, 2),
            cost: years_dec([100_000, 110_000, 120_000, 130_000, 140_000]),
        });
    }
    let actions = super::compute::action_costs(&d);
    // Charges: personnel 600k growing, rent and equipment starred.
    let personnel: [Decimal; 5] =
        std::array::from_fn(|y| Decimal::from(600_000 + 30_000 * y as i64));
    let starred = Decimal::from(150_000);
    let charges: [Decimal; 5] = std::array::from_fn(|y| personnel[y] + actions[y] + starred);
    // Own resources at 50 % of charges, the State subsidy covering the rest.
    let services: [Decimal; 5] = std::array::from_fn(|y| {
        (charges[y] / Decimal::TWO - fees_years[y])
            .max(Decimal::ZERO)
            .round_dp(2)
    });
    let subsidy: [Decimal; 5] = std::array::from_fn(|y| charges[y] - fees_years[y] - services[y]);
    let set =
        |d: &mut Dossier, row: &str, v: [Decimal; 5]| d.budget_line_mut(row).amounts = v.map(Some);
    set(&mut d, "personnel", personnel);
    set(&mut d, "location", [Decimal::from(100_000); 5]);
    set(&mut d, "investissement", [Decimal::from(30_000); 5]);
    set(&mut d, "actions", actions);
    set(&mut d, "autres_charges", [Decimal::from(20_000); 5]);
    d.budget_line_mut("autres_charges").detail =
        "Assurances, frais bancaires et déplacements".into();
    set(&mut d, "cotisations", fees_years);
    set(&mut d, "subventions", subsidy);
    set(&mut d, "services", services);
    set(&mut d, "autres_produits", [Decimal::ZERO; 5]);

    let totals = super::compute::budget_totals(&d, profile);
    let ratios = super::compute::self_financing_percent(&totals);
    let counts = super::compute::member_counts(&d);
    for line in &mut d.indicators.standard {
        let role = profile.kpi(&line.id).map(|k| k.role);
        line.values = match role {
            Some(super::call::KpiRole::ActiveMembers) => {
                members_years.map(|v| Some(Decimal::from(v)))
            }
            Some(super::call::KpiRole::CompanyMembers) => std::array::from_fn(|y| {
                Some(Decimal::from(counts.engaged_companies + 4 * y as u32))
            }),
            Some(super::call::KpiRole::SelfFinancing) => ratios.map(|r| r.map(|r| r.round_dp(1))),
            _ => years_dec([2, 4, 6, 8, 10]),
        };
    }
    d.indicators.custom.push(CustomKpi {
        label: "Emplois qualifiés créés par les membres".into(),
        unit: "emplois".into(),
        values: years_dec([20, 40, 60, 80, 100]),
    });
    for c in &mut d.criteria {
        c.argument = long(&mut rng);
    }
    for p in &mut d.administrative {
        p.status = PieceStatus::OnPaper;
        p.date = Date::new(2026, 6, 15);
    }
    let (first, last) = president
        .name
        .split_once(' ')
        .unwrap_or((&president.name, ""));
    d.declaration = Declaration {
        civility: Civility::Monsieur,
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
    d
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
    fn ice_is_mod_97() {
        let mut rng = Lcg(1);
        for _ in 0..100 {
            let s = ice(&mut rng);
            assert_eq!(s.len(), 15);
            assert_eq!(s.parse::<u64>().expect("digits") % 97, 0);
        }
    }
}
