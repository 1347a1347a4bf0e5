//! Completeness: « les dossiers incomplets ne seront pas acceptés ». Every
//! rubric the call asks for, every cell of its tables and every
//! administrative piece must be there; what is only advisable is a warning.

use crate::model::call::CallProfile;
use crate::model::dossier::{
    ActionCategory, BoardRole, Dossier, PartnershipScope, Person, PieceStatus, YEARS, Years,
};
use crate::model::finding::{Finding, Section};

use super::year_label;

/// Collects findings with short helpers for the repetitive checks.
struct Collector {
    out: Vec<Finding>,
}

impl Collector {
    fn text(&mut self, section: Section, field: &str, value: &str, label: &str) {
        if value.trim().is_empty() {
            self.out.push(Finding::blocking(
                section,
                field,
                format!("{label} : rubrique à remplir"),
            ));
        }
    }

    fn advisable(&mut self, section: Section, field: &str, value: &str, label: &str) {
        if value.trim().is_empty() {
            self.out.push(Finding::warning(
                section,
                field,
                format!("{label} : conseillé, non renseigné"),
            ));
        }
    }

    fn years<T>(&mut self, section: Section, field: &str, values: &Years<T>, label: &str) {
        let missing: Vec<String> = values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_none())
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        if missing.is_empty() {
            return;
        }
        let first = values.iter().position(Option::is_none).unwrap_or(0);
        let which = if missing.len() == YEARS {
            "aucune année renseignée".to_string()
        } else if missing.len() == 1 {
            format!("{} non renseignée", year_label(first))
        } else {
            format!("années {} non renseignées", missing.join(", "))
        };
        self.out.push(Finding::blocking(
            section,
            format!("{field}[{first}]"),
            format!("{label} : {which}"),
        ));
    }

    fn person(
        &mut self,
        section: Section,
        field: &str,
        person: &Person,
        role: &str,
        contact: bool,
    ) {
        self.text(
            section,
            &format!("{field}.name"),
            &person.name,
            &format!("{role}, nom"),
        );
        self.advisable(
            section,
            &format!("{field}.organisation"),
            &person.organisation,
            &format!("{role}, organisme"),
        );
        if contact {
            self.text(
                section,
                &format!("{field}.phone"),
                &person.phone,
                &format!("{role}, téléphone"),
            );
            self.text(
                section,
                &format!("{field}.email"),
                &person.email,
                &format!("{role}, e-mail"),
            );
        }
    }
}

/// A short name for a row in messages: its title, or its position.
fn row_name(kind: &str, index: usize, title: &str) -> String {
    if title.trim().is_empty() {
        format!("{kind} n° {}", index + 1)
    } else {
        format!("{kind} « {} »", title.trim())
    }
}

pub fn check(d: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    let mut c = Collector { out: Vec::new() };
    administrative(&mut c, d, profile);
    identity(&mut c, d);
    members(&mut c, d);
    governance(&mut c, d);
    strategy(&mut c, d);
    cooperation(&mut c, d);
    startups(&mut c, d);
    plan(&mut c, d, profile);
    indicators(&mut c, d, profile);
    criteria(&mut c, d, profile);
    declaration(&mut c, d);
    c.out
}

fn administrative(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    let s = Section::Administrative;
    for def in &profile.admin_pieces {
        let field = format!("administrative.{}", def.id);
        match d.admin_piece(&def.id).map(|p| &p.status) {
            None | Some(PieceStatus::ToProvide) => c.out.push(Finding::blocking(
                s,
                field,
                format!("Pièce à fournir : {}", def.label),
            )),
            Some(PieceStatus::Attached(path)) if path.trim().is_empty() => {
                c.out.push(Finding::blocking(
                    s,
                    field,
                    format!(
                        "{} : « fichier joint » choisi mais aucun fichier indiqué",
                        def.label
                    ),
                ))
            }
            Some(_) => {}
        }
    }
}

fn identity(c: &mut Collector, d: &Dossier) {
    let s = Section::Identity;
    let id = &d.identity;
    c.text(s, "identity.name", &id.name, "Dénomination du cluster");
    c.advisable(s, "identity.acronym", &id.acronym, "Sigle");
    c.text(s, "identity.legal_form", &id.legal_form, "Forme juridique");
    if id.creation_date.is_none() {
        c.out.push(Finding::blocking(
            s,
            "identity.creation_date",
            "Date de création : rubrique à remplir",
        ));
    }
    c.text(s, "identity.address", &id.address, "Siège, adresse");
    c.text(s, "identity.city", &id.city, "Siège, ville");
    c.person(s, "identity.president", &id.president, "Président", true);
    c.person(
        s,
        "identity.vice_president",
        &id.vice_president,
        "Vice-président",
        false,
    );
    c.person(s, "identity.treasurer", &id.treasurer, "Trésorier", false);
    if !id.director.is_empty() {
        c.person(s, "identity.director", &id.director, "Directeur", true);
    }
    c.text(s, "identity.sector", &id.sector, "Secteur");
    c.text(
        s,
        "identity.activities",
        &id.activities,
        "Activités principales et thématiques",
    );
    c.text(
        s,
        "identity.sector_importance",
        &id.sector_importance,
        "Importance sectorielle",
    );
    c.text(
        s,
        "identity.strategic_justification",
        &id.strategic_justification,
        "Justification stratégique",
    );
    c.text(
        s,
        "identity.core_territory",
        &id.core_territory,
        "Territoire, noyau central",
    );
    c.text(
        s,
        "identity.productive_area",
        &id.productive_area,
        "Territoire, agglomération productive",
    );
    c.text(
        s,
        "identity.genesis",
        &id.genesis,
        "Historique, genèse du cluster",
    );
    c.text(
        s,
        "identity.territorial_anchoring",
        &id.territorial_anchoring,
        "Historique, ancrage territorial",
    );
    c.text(
        s,
        "identity.joint_initiatives",
        &id.joint_initiatives,
        "Historique, initiatives communes déjà engagées",
    );
}

fn members(c: &mut Collector, d: &Dossier) {
    let s = Section::Members;
    for (i, m) in d.members.iter().enumerate() {
        let who = row_name("Membre", i, &m.name);
        let f = |name: &str| format!("members[{i}].{name}");
        c.text(
            s,
            &f("name"),
            &m.name,
            &format!("Membre n° {}, raison sociale", i + 1),
        );
        c.text(s, &f("sector"), &m.sector, &format!("{who}, secteur"));
        c.text(s, &f("city"), &m.city, &format!("{who}, ville"));
        if m.category.is_company() {
            c.advisable(s, &f("ice"), &m.ice, &format!("{who}, ICE"));
        }
        if m.category.is_engaged_member() {
            c.text(
                s,
                &f("fee_category"),
                &m.fee_category,
                &format!("{who}, catégorie de cotisation"),
            );
        }
    }
    for (i, p) in d.partners.iter().enumerate() {
        c.text(
            s,
            &format!("partners[{i}].name"),
            &p.name,
            &format!("Partenaire majeur n° {}, nom", i + 1),
        );
        let who = row_name("Partenaire", i, &p.name);
        c.advisable(
            s,
            &format!("partners[{i}].link"),
            &p.link,
            &format!("{who}, nature du lien"),
        );
    }
}

fn governance(c: &mut Collector, d: &Dossier) {
    let s = Section::Governance;
    let g = &d.governance;
    if g.board.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "governance.board",
            "Composition du Conseil d'Administration : aucun administrateur saisi",
        ));
    } else if !g.board.iter().any(|b| b.role == BoardRole::President) {
        c.out.push(Finding::blocking(
            s,
            "governance.board",
            "Conseil d'Administration : aucun membre n'a le rôle de Président",
        ));
    }
    for (i, b) in g.board.iter().enumerate() {
        c.text(
            s,
            &format!("governance.board[{i}].name"),
            &b.name,
            &format!("Administrateur n° {}, nom", i + 1),
        );
        let who = row_name("Administrateur", i, &b.name);
        c.text(
            s,
            &format!("governance.board[{i}].organisation"),
            &b.organisation,
            &format!("{who}, organisme"),
        );
    }
    c.text(
        s,
        "governance.internal_organisation",
        &g.internal_organisation,
        "Organisation interne de l'association",
    );
    c.text(
        s,
        "governance.membership_terms",
        &g.membership_terms,
        "Modalités d'adhésion des membres",
    );
    c.text(
        s,
        "governance.fee_calculation",
        &g.fee_calculation,
        "Mode de calcul des cotisations",
    );
    if g.fee_categories.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "governance.fee_categories",
            "Barème des cotisations : aucune catégorie saisie",
        ));
    }
    for (i, f) in g.fee_categories.iter().enumerate() {
        c.text(
            s,
            &format!("governance.fee_categories[{i}].name"),
            &f.name,
            &format!("Catégorie de cotisation n° {}, nom", i + 1),
        );
        if f.annual_amount.is_none() {
            let who = row_name("Catégorie de cotisation", i, &f.name);
            c.out.push(Finding::blocking(
                s,
                format!("governance.fee_categories[{i}].annual_amount"),
                format!("{who}, montant annuel : rubrique à remplir"),
            ));
        }
    }
}

fn strategy(c: &mut Collector, d: &Dossier) {
    let s = Section::Strategy;
    let st = &d.strategy;
    c.text(
        s,
        "strategy.global_strategy",
        &st.global_strategy,
        "Stratégie globale du cluster",
    );
    c.years(
        s,
        "strategy.rd_projects",
        &st.rd_projects,
        "Objectifs chiffrés, projets de R&D",
    );
    c.years(
        s,
        "strategy.funds_raised",
        &st.funds_raised,
        "Objectifs chiffrés, financements levés",
    );
    c.years(
        s,
        "strategy.export_share",
        &st.export_share,
        "Objectifs chiffrés, parts de marché à l'export",
    );
    c.text(
        s,
        "strategy.technologies_markets",
        &st.technologies_markets,
        "Technologies et marchés visés",
    );
    c.text(
        s,
        "strategy.national_positioning",
        &st.national_positioning,
        "Positionnement concurrentiel national",
    );
    c.text(
        s,
        "strategy.international_positioning",
        &st.international_positioning,
        "Positionnement concurrentiel international",
    );
    c.years(
        s,
        "strategy.forecast_members",
        &st.forecast_members,
        "Évolution prévisionnelle du nombre d'adhérents",
    );
    c.years(
        s,
        "strategy.forecast_fee_revenue",
        &st.forecast_fee_revenue,
        "Évolution prévisionnelle des recettes de cotisation",
    );
}

fn cooperation(c: &mut Collector, d: &Dossier) {
    let s = Section::Cooperation;
    let co = &d.cooperation;
    if co.cooperation_projects.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "cooperation.cooperation_projects",
            "Projets de coopération : aucun projet saisi",
        ));
    }
    for (i, p) in co.cooperation_projects.iter().enumerate() {
        let f = |n: &str| format!("cooperation.cooperation_projects[{i}].{n}");
        let who = row_name("Projet de coopération", i, &p.title);
        c.text(
            s,
            &f("title"),
            &p.title,
            &format!("Projet de coopération n° {}, intitulé", i + 1),
        );
        c.text(s, &f("nature"), &p.nature, &format!("{who}, nature"));
        c.text(
            s,
            &f("stakeholders"),
            &p.stakeholders,
            &format!("{who}, parties prenantes"),
        );
        c.text(
            s,
            &f("means"),
            &p.means,
            &format!("{who}, moyens mobilisés"),
        );
        c.text(
            s,
            &f("expected_results"),
            &p.expected_results,
            &format!("{who}, résultats attendus"),
        );
    }
    if co.collaborative_projects.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "cooperation.collaborative_projects",
            "Projets collaboratifs : aucun projet saisi",
        ));
    }
    for (i, p) in co.collaborative_projects.iter().enumerate() {
        let f = |n: &str| format!("cooperation.collaborative_projects[{i}].{n}");
        let who = row_name("Projet collaboratif", i, &p.title);
        c.text(
            s,
            &f("title"),
            &p.title,
            &format!("Projet collaboratif n° {}, intitulé", i + 1),
        );
        c.text(
            s,
            &f("objectives"),
            &p.objectives,
            &format!("{who}, objectifs"),
        );
        c.text(
            s,
            &f("actors"),
            &p.actors,
            &format!("{who}, acteurs impliqués"),
        );
        c.text(
            s,
            &f("expected_results"),
            &p.expected_results,
            &format!("{who}, résultats attendus"),
        );
    }
    for scope in [PartnershipScope::National, PartnershipScope::International] {
        if !co.partnerships.iter().any(|p| p.scope == scope) {
            c.out.push(Finding::warning(
                s,
                "cooperation.partnerships",
                format!(
                    "Partenariats : aucun partenariat {} décrit",
                    scope.label().to_lowercase()
                ),
            ));
        }
    }
    for (i, p) in co.partnerships.iter().enumerate() {
        let f = |n: &str| format!("cooperation.partnerships[{i}].{n}");
        let who = row_name("Partenariat", i, &p.body);
        c.text(
            s,
            &f("body"),
            &p.body,
            &format!("Partenariat n° {}, organisme", i + 1),
        );
        c.text(s, &f("purpose"), &p.purpose, &format!("{who}, objet"));
        if p.scope == PartnershipScope::International {
            c.text(s, &f("country"), &p.country, &format!("{who}, pays"));
        }
    }
}

fn startups(c: &mut Collector, d: &Dossier) {
    let s = Section::Startups;
    let st = &d.startups;
    c.text(
        s,
        "startups.strategy",
        &st.strategy,
        "Stratégie de soutien à l'entrepreneuriat innovant",
    );
    if st.preparation.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "startups.preparation",
            "Processus de préparation à la création d'entreprise : aucune étape saisie",
        ));
    }
    for (i, p) in st.preparation.iter().enumerate() {
        c.text(
            s,
            &format!("startups.preparation[{i}].description"),
            &p.description,
            &format!(
                "Préparation, étape n° {} ({}), description",
                i + 1,
                p.kind.label()
            ),
        );
    }
    if st.post_creation.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "startups.post_creation",
            "Accompagnement post-création : aucun service saisi",
        ));
    }
    for (i, p) in st.post_creation.iter().enumerate() {
        c.text(
            s,
            &format!("startups.post_creation[{i}].services"),
            &p.services,
            &format!(
                "Post-création, soutien n° {} ({}), services offerts",
                i + 1,
                p.support_type.label()
            ),
        );
    }
}

fn plan(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    let s = Section::Plan;
    c.text(
        s,
        "plan.orientations",
        &d.plan.orientations,
        "Plan d'action, orientations",
    );
    c.text(
        s,
        "plan.objectives",
        &d.plan.objectives,
        "Plan d'action, objectifs et grandes lignes",
    );
    if d.plan.actions.is_empty() {
        c.out.push(Finding::blocking(
            s,
            "plan.actions",
            "Plan d'action : aucune action saisie",
        ));
    }
    for (i, a) in d.plan.actions.iter().enumerate() {
        c.text(
            s,
            &format!("plan.actions[{i}].title"),
            &a.title,
            &format!("Action n° {}, intitulé", i + 1),
        );
        if a.cost.iter().all(Option::is_none) {
            let who = row_name("Action", i, &a.title);
            c.out.push(Finding::blocking(
                s,
                format!("plan.actions[{i}].cost[0]"),
                format!("{who} : aucune année ni aucun coût indiqué"),
            ));
        }
        if let ActionCategory::Eligible(id) = &a.category
            && profile.action_category(id).is_none()
        {
            let who = row_name("Action", i, &a.title);
            c.out.push(Finding::warning(
                s,
                format!("plan.actions[{i}].category"),
                format!("{who} : catégorie « {id} » inconnue de l'appel"),
            ));
        }
    }
    for cat in &profile.action_categories {
        let covered = d
            .plan
            .actions
            .iter()
            .any(|a| a.category == ActionCategory::Eligible(cat.id.clone()));
        if !covered {
            c.out.push(Finding::warning(
                s,
                "plan.actions",
                format!("Aucune action de la catégorie éligible « {} »", cat.label),
            ));
        }
    }
    for row in &profile.budget_rows {
        let field = format!("budget.{}", row.id);
        let line = d.budget_line(&row.id);
        let empty = [None; YEARS];
        let amounts = line.map_or(&empty, |l| &l.amounts);
        c.years(s, &field, amounts, &format!("Budget, {}", row.label));
        let used = amounts.iter().flatten().any(|v| !v.is_zero());
        if row.needs_detail && used && line.is_none_or(|l| l.detail.trim().is_empty()) {
            c.out.push(Finding::blocking(
                s,
                format!("{field}.detail"),
                format!(
                    "Budget, {} : montant saisi sans préciser ce qu'il couvre",
                    row.label
                ),
            ));
        }
    }
}

fn indicators(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    let s = Section::Indicators;
    let empty = [None; YEARS];
    for kpi in &profile.kpi_rows {
        let values = d.kpi_line(&kpi.id).map_or(&empty, |l| &l.values);
        c.years(
            s,
            &format!("indicators.{}", kpi.id),
            values,
            &format!("Indicateur « {} »", kpi.label),
        );
    }
    for (i, k) in d.indicators.custom.iter().enumerate() {
        c.text(
            s,
            &format!("indicators.custom[{i}].label"),
            &k.label,
            &format!("Indicateur supplémentaire n° {}, libellé", i + 1),
        );
        let who = row_name("Indicateur supplémentaire", i, &k.label);
        c.text(
            s,
            &format!("indicators.custom[{i}].unit"),
            &k.unit,
            &format!("{who}, unité"),
        );
        c.years(
            s,
            &format!("indicators.custom[{i}].values"),
            &k.values,
            &who,
        );
    }
}

fn criteria(c: &mut Collector, d: &Dossier, profile: &CallProfile) {
    for def in &profile.criteria {
        let argument = d
            .criterion_answer(&def.id)
            .map_or("", |a| a.argument.as_str());
        c.text(
            Section::Criteria,
            &format!("criteria.{}", def.id),
            argument,
            &format!("Critère « {} », argumentaire", def.label),
        );
    }
}

fn declaration(c: &mut Collector, d: &Dossier) {
    let s = Section::Declaration;
    let dec = &d.declaration;
    c.text(
        s,
        "declaration.first_name",
        &dec.first_name,
        "Déclaration, prénom du signataire",
    );
    c.text(
        s,
        "declaration.last_name",
        &dec.last_name,
        "Déclaration, nom du signataire",
    );
    c.text(
        s,
        "declaration.position_in_organisation",
        &dec.position_in_organisation,
        "Déclaration, qualité au sein de l'organisme d'appartenance",
    );
    c.text(
        s,
        "declaration.position_in_association",
        &dec.position_in_association,
        "Déclaration, qualité au sein de l'association",
    );
    c.text(
        s,
        "declaration.association_name",
        d.declaration_association_name(),
        "Déclaration, dénomination de l'association",
    );
    c.text(
        s,
        "declaration.legal_form",
        d.declaration_legal_form(),
        "Déclaration, forme juridique",
    );
    c.text(
        s,
        "declaration.place",
        &dec.place,
        "Déclaration, « Fait à »",
    );
    if dec.date.is_none() {
        c.out.push(Finding::blocking(
            s,
            "declaration.date",
            "Déclaration, date : rubrique à remplir",
        ));
    }
    for (i, doc) in dec.other_documents.iter().enumerate() {
        c.text(
            s,
            &format!("declaration.other_documents[{i}].title"),
            &doc.title,
            &format!("Autre document n° {}, intitulé", i + 1),
        );
    }
}
