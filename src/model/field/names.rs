//! The names of the dossier's fields as they appear in paths, declared once
//! per struct, so no layer types a field name as a string literal.

/// A field name usable in a [`super::FieldPath`].
pub trait FieldName: Copy {
    /// The name as serialised in the dossier file.
    fn key(self) -> &'static str;
}

macro_rules! field_names {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant),*
        }
        impl $name {
            /// Every name, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];
        }
        impl FieldName for $name {
            fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key),*
                }
            }
        }
    };
}

field_names!(
    /// The dossier's parts, the first segment of every path.
    Part {
        Administrative = "administrative",
        Identity = "identity",
        Members = "members",
        Partners = "partners",
        Governance = "governance",
        Strategy = "strategy",
        Cooperation = "cooperation",
        Startups = "startups",
        Plan = "plan",
        Budget = "budget",
        Indicators = "indicators",
        Criteria = "criteria",
        Declaration = "declaration",
        Edition = "edition",
    }
);

field_names!(IdentityField {
    Name = "name",
    Acronym = "acronym",
    LegalForm = "legal_form",
    CreationDate = "creation_date",
    Address = "address",
    City = "city",
    President = "president",
    VicePresident = "vice_president",
    Treasurer = "treasurer",
    Director = "director",
    Sector = "sector",
    Website = "website",
    Activities = "activities",
    SectorImportance = "sector_importance",
    StrategicJustification = "strategic_justification",
    CoreTerritory = "core_territory",
    ProductiveArea = "productive_area",
    Genesis = "genesis",
    TerritorialAnchoring = "territorial_anchoring",
    JointInitiatives = "joint_initiatives",
});

field_names!(PersonField {
    Civility = "civility",
    Name = "name",
    Organisation = "organisation",
    Function = "function",
    Phone = "phone",
    Email = "email",
});

field_names!(MemberField {
    Name = "name",
    Category = "category",
    Activity = "activity",
    Sector = "sector",
    City = "city",
    Size = "size",
    Ice = "ice",
    Rc = "rc",
    TaxId = "tax_id",
    Cnss = "cnss",
    Contact = "contact",
    Joined = "joined",
    FeeCategory = "fee_category",
});

field_names!(PartnerField {
    Name = "name",
    Kind = "kind",
    City = "city",
    Link = "link",
});

field_names!(GovernanceField {
    Board = "board",
    InternalOrganisation = "internal_organisation",
    MembershipTerms = "membership_terms",
    FeeCategories = "fee_categories",
    FeeCalculation = "fee_calculation",
});

field_names!(BoardField {
    Civility = "civility",
    Name = "name",
    Organisation = "organisation",
    Role = "role",
    Function = "function",
    Phone = "phone",
    Email = "email",
});

field_names!(FeeField {
    Name = "name",
    Description = "description",
    AnnualAmount = "annual_amount",
});

field_names!(StrategyField {
    GlobalStrategy = "global_strategy",
    RdProjects = "rd_projects",
    FundsRaised = "funds_raised",
    ExportShare = "export_share",
    ObjectivesComment = "objectives_comment",
    TechnologiesMarkets = "technologies_markets",
    NationalPositioning = "national_positioning",
    InternationalPositioning = "international_positioning",
    ForecastMembers = "forecast_members",
    ForecastFeeRevenue = "forecast_fee_revenue",
});

field_names!(CooperationField {
    CooperationProjects = "cooperation_projects",
    CollaborativeProjects = "collaborative_projects",
    Partnerships = "partnerships",
});

field_names!(ProjectField {
    Title = "title",
    Nature = "nature",
    Stakeholders = "stakeholders",
    Means = "means",
    ExpectedResults = "expected_results",
    Objectives = "objectives",
    Actors = "actors",
});

field_names!(PartnershipField {
    Body = "body",
    Kind = "kind",
    Scope = "scope",
    Country = "country",
    Status = "status",
    Purpose = "purpose",
});

field_names!(StartupsField {
    Strategy = "strategy",
    Preparation = "preparation",
    PostCreation = "post_creation",
});

field_names!(StepField {
    Kind = "kind",
    Description = "description",
    Partners = "partners",
    SupportType = "support_type",
    Services = "services",
});

field_names!(PlanField {
    Orientations = "orientations",
    Objectives = "objectives",
    Actions = "actions",
});

field_names!(ActionField {
    Title = "title",
    Category = "category",
    Description = "description",
    Cost = "cost",
});

field_names!(BudgetField { Detail = "detail" });

field_names!(IndicatorsField { Custom = "custom" });

field_names!(CustomKpiField {
    Label = "label",
    Unit = "unit",
    Values = "values",
});

field_names!(AdminField {
    Status = "status",
    Date = "date",
    Note = "note",
});

field_names!(DeclarationField {
    Civility = "civility",
    FirstName = "first_name",
    LastName = "last_name",
    PositionInOrganisation = "position_in_organisation",
    PositionInAssociation = "position_in_association",
    AssociationName = "association_name",
    LegalForm = "legal_form",
    OtherDocuments = "other_documents",
    Place = "place",
    Date = "date",
});

field_names!(DocumentField {
    Title = "title",
    Attachment = "attachment",
});
