//! What each field of the dossier holds (a value, a struct, rows, years),
//! to read paths and files field by field, and the French description of
//! a stored path.

use super::super::names::*;
use super::FieldLabel;

/// What a field holds, for reading what follows it in a path or a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// A value, or a struct of the given kind.
    Value(Kind),
    /// A list of rows of the given kind, each called `noun` (« membre »).
    Rows(Kind, &'static str),
    /// One value per year: an index is a year.
    Years,
}

/// The structs of a dossier, as far as their field names are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Scalar,
    Dossier,
    AdminPiece,
    Identity,
    Person,
    Member,
    Partner,
    Governance,
    Board,
    Fee,
    Strategy,
    Cooperation,
    Project,
    Partnership,
    Startups,
    Step,
    Plan,
    Action,
    BudgetLine,
    Indicators,
    KpiLine,
    CustomKpi,
    Criterion,
    Declaration,
    Document,
    Print,
}

fn find<F: FieldLabel + 'static>(all: &'static [F], key: &str) -> Option<F> {
    all.iter().copied().find(|f| f.key() == key)
}

const V: Holds = Holds::Value(Kind::Scalar);

/// A field of a struct of `kind`, by its name in the file: its French label
/// and what it holds. `None` for a name the dossier does not have.
pub fn field(kind: Kind, key: &str) -> Option<(&'static str, Holds)> {
    use Holds::{Rows, Value, Years};
    let out = match kind {
        Kind::Scalar => return None,
        Kind::Dossier => {
            if let Some(p) = find(Part::ALL, key) {
                let holds = match p {
                    Part::Administrative => Rows(Kind::AdminPiece, "pièce"),
                    Part::Identity => Value(Kind::Identity),
                    Part::Members => Rows(Kind::Member, "membre"),
                    Part::Partners => Rows(Kind::Partner, "partenaire"),
                    Part::Governance => Value(Kind::Governance),
                    Part::Strategy => Value(Kind::Strategy),
                    Part::Cooperation => Value(Kind::Cooperation),
                    Part::Startups => Value(Kind::Startups),
                    Part::Plan => Value(Kind::Plan),
                    Part::Budget => Rows(Kind::BudgetLine, "ligne"),
                    Part::Indicators => Value(Kind::Indicators),
                    Part::Criteria => Rows(Kind::Criterion, "critère"),
                    Part::Declaration => Value(Kind::Declaration),
                    Part::Edition => V,
                };
                return Some((p.label(), holds));
            }
            match key {
                "format_version" => ("version du format du fichier", V),
                "call_profile" => ("fichier du profil de l'appel", V),
                "print" => ("options d'impression", Value(Kind::Print)),
                "invalid_entries" => ("saisies non valides", V),
                _ => return None,
            }
        }
        Kind::AdminPiece => match key {
            "id" => ("identifiant de la pièce", V),
            _ => (find(AdminField::ALL, key)?.label(), V),
        },
        Kind::Identity => {
            let f = find(IdentityField::ALL, key)?;
            let holds = match f {
                IdentityField::President
                | IdentityField::VicePresident
                | IdentityField::Treasurer
                | IdentityField::Director => Value(Kind::Person),
                _ => V,
            };
            (f.label(), holds)
        }
        Kind::Person => (find(PersonField::ALL, key)?.label(), V),
        Kind::Member => {
            let f = find(MemberField::ALL, key)?;
            let holds = if f == MemberField::Contact {
                Value(Kind::Person)
            } else {
                V
            };
            (f.label(), holds)
        }
        Kind::Partner => (find(PartnerField::ALL, key)?.label(), V),
        Kind::Governance => {
            let f = find(GovernanceField::ALL, key)?;
            let holds = match f {
                GovernanceField::Board => Rows(Kind::Board, "administrateur"),
                GovernanceField::FeeCategories => Rows(Kind::Fee, "catégorie de cotisation"),
                _ => V,
            };
            (f.label(), holds)
        }
        Kind::Board => (find(BoardField::ALL, key)?.label(), V),
        Kind::Fee => (find(FeeField::ALL, key)?.label(), V),
        Kind::Strategy => {
            let f = find(StrategyField::ALL, key)?;
            let holds = match f {
                StrategyField::RdProjects
                | StrategyField::FundsRaised
                | StrategyField::ExportShare
                | StrategyField::ForecastMembers
                | StrategyField::ForecastFeeRevenue => Years,
                _ => V,
            };
            (f.label(), holds)
        }
        Kind::Cooperation => {
            let f = find(CooperationField::ALL, key)?;
            let holds = match f {
                CooperationField::CooperationProjects => {
                    Rows(Kind::Project, "projet de coopération")
                }
                CooperationField::CollaborativeProjects => {
                    Rows(Kind::Project, "projet collaboratif")
                }
                CooperationField::Partnerships => Rows(Kind::Partnership, "partenariat"),
            };
            (f.label(), holds)
        }
        Kind::Project => (find(ProjectField::ALL, key)?.label(), V),
        Kind::Partnership => (find(PartnershipField::ALL, key)?.label(), V),
        Kind::Startups => {
            let f = find(StartupsField::ALL, key)?;
            let holds = match f {
                StartupsField::Preparation => Rows(Kind::Step, "étape"),
                StartupsField::PostCreation => Rows(Kind::Step, "type de soutien"),
                StartupsField::Strategy => V,
            };
            (f.label(), holds)
        }
        Kind::Step => (find(StepField::ALL, key)?.label(), V),
        Kind::Plan => {
            let f = find(PlanField::ALL, key)?;
            let holds = if f == PlanField::Actions {
                Rows(Kind::Action, "action")
            } else {
                V
            };
            (f.label(), holds)
        }
        Kind::Action => {
            let f = find(ActionField::ALL, key)?;
            (f.label(), if f == ActionField::Cost { Years } else { V })
        }
        Kind::BudgetLine => match key {
            "row" => ("ligne du budget", V),
            "amounts" => ("montants", Years),
            _ => (find(BudgetField::ALL, key)?.label(), V),
        },
        Kind::Indicators => match key {
            "standard" => ("indicateurs de l'appel", Rows(Kind::KpiLine, "indicateur")),
            _ => (
                find(IndicatorsField::ALL, key)?.label(),
                Rows(Kind::CustomKpi, "indicateur supplémentaire"),
            ),
        },
        Kind::KpiLine => match key {
            "id" => ("identifiant de l'indicateur", V),
            "values" => ("valeurs", Years),
            _ => return None,
        },
        Kind::CustomKpi => {
            let f = find(CustomKpiField::ALL, key)?;
            let holds = if f == CustomKpiField::Values {
                Years
            } else {
                V
            };
            (f.label(), holds)
        }
        Kind::Criterion => match key {
            "id" => ("identifiant du critère", V),
            "argument" => ("argumentaire", V),
            _ => return None,
        },
        Kind::Declaration => {
            let f = find(DeclarationField::ALL, key)?;
            let holds = if f == DeclarationField::OtherDocuments {
                Rows(Kind::Document, "autre document")
            } else {
                V
            };
            (f.label(), holds)
        }
        Kind::Document => (find(DocumentField::ALL, key)?.label(), V),
        Kind::Print => match key {
            "stamp_corner" => ("coin du cachet", V),
            "copies" => ("nombre d'exemplaires", V),
            _ => return None,
        },
    };
    Some(out)
}

/// The kind of struct the fields inside `holds` belong to.
pub fn inner(holds: Holds) -> Kind {
    match holds {
        Holds::Value(k) | Holds::Rows(k, _) => k,
        Holds::Years => Kind::Scalar,
    }
}

/// A segment of a stored path: a name or a `[n]` index.
enum Token<'a> {
    Name(&'a str),
    Index(usize),
}

fn tokens(path: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            out.push(Token::Name(name));
        }
        while let Some((index, after)) = rest.split_once(']') {
            match index.parse() {
                Ok(i) => out.push(Token::Index(i)),
                Err(_) => out.push(Token::Name(index)),
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

/// What an index means at this point of a path.
#[derive(Clone, Copy)]
enum IndexMeans {
    Row(&'static str),
    Year,
    Nothing,
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A French name for a stored field path, for messages: « Membre n° 4,
/// date d'adhésion », « Budget prévisionnel, « Subventions de l'État »,
/// année 1 ». Rows keyed by the call profile's ids (pieces, budget rows,
/// indicators, criteria) are named by the profile's labels; a name the
/// dossier does not know is quoted as it is.
pub fn describe(path: &str, profile: &crate::model::call::CallProfile) -> String {
    let mut phrases: Vec<String> = Vec::new();
    let mut kind = Kind::Dossier;
    let mut index_means = IndexMeans::Nothing;
    // Rows of these kinds are named by a profile id in paths, not an index.
    let mut keyed: Option<Kind> = None;
    for token in tokens(path) {
        match token {
            Token::Name(name) => {
                if let Some(row_kind) = keyed.take() {
                    let label = match row_kind {
                        Kind::AdminPiece => profile.admin_piece(name).map(|p| p.label.as_str()),
                        Kind::BudgetLine => profile.budget_row(name).map(|r| r.label.as_str()),
                        Kind::Criterion => profile
                            .criteria
                            .iter()
                            .find(|c| c.id == name)
                            .map(|c| c.label.as_str()),
                        _ => profile.kpi(name).map(|k| k.label.as_str()),
                    };
                    phrases.push(format!("« {} »", label.unwrap_or(name)));
                    kind = row_kind;
                    index_means = match row_kind {
                        Kind::BudgetLine | Kind::KpiLine => IndexMeans::Year,
                        _ => IndexMeans::Nothing,
                    };
                    continue;
                }
                match field(kind, name) {
                    Some((label, holds)) => {
                        phrases.push(label.to_string());
                        kind = inner(holds);
                        index_means = match holds {
                            Holds::Rows(k, noun) => {
                                if matches!(
                                    k,
                                    Kind::AdminPiece | Kind::BudgetLine | Kind::Criterion
                                ) {
                                    keyed = Some(k);
                                }
                                IndexMeans::Row(noun)
                            }
                            Holds::Years => IndexMeans::Year,
                            Holds::Value(_) => IndexMeans::Nothing,
                        };
                    }
                    // The standard indicators are keyed by the profile's ids
                    // right below `indicators`.
                    None if kind == Kind::Indicators => {
                        let label = profile.kpi(name).map_or(name, |k| k.label.as_str());
                        phrases.push(format!("« {label} »"));
                        kind = Kind::KpiLine;
                        index_means = IndexMeans::Year;
                    }
                    None => {
                        phrases.push(format!("« {name} »"));
                        kind = Kind::Scalar;
                        index_means = IndexMeans::Nothing;
                    }
                }
            }
            Token::Index(i) => {
                match index_means {
                    // A row names its context by itself: « Membre n° 4 ».
                    IndexMeans::Row(noun) => {
                        phrases = vec![format!("{noun} n° {}", super::super::nth(i))]
                    }
                    IndexMeans::Year => phrases.push(format!("année {}", super::super::nth(i))),
                    IndexMeans::Nothing => phrases.push(format!("n° {}", super::super::nth(i))),
                }
                keyed = None;
                index_means = IndexMeans::Nothing;
            }
        }
    }
    capitalised(&phrases.join(", "))
}
