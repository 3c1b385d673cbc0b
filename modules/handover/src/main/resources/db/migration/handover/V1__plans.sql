-- One handover plan per enterprise (一企一案, DOMAIN.md §5.2). At most one plan of an enterprise is active, that
-- is neither COMPLETED nor WITHDRAWN; the partial unique index holds that across instances.
CREATE TABLE handover.plans (
    id                  uuid        PRIMARY KEY,
    enterprise_id       uuid        NOT NULL,
    state               text        NOT NULL CHECK (state IN ('DRAFT', 'CONSULTATION', 'PUBLICITY', 'APPROVED',
                                        'IN_HANDOVER', 'COMPLETED', 'WITHDRAWN')),
    publicity_starts_on date,
    publicity_ends_on   date,
    conflict_screening  text,
    risk_assessment     text,
    contingency_plan    text,
    three_party         jsonb,
    benefits_declared   boolean     NOT NULL DEFAULT false,
    withdrawal_reason   text,
    roster_proposed_at  timestamptz,
    version             bigint      NOT NULL DEFAULT 1,
    created_by          uuid        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (publicity_ends_on IS NULL OR publicity_ends_on >= publicity_starts_on)
);
CREATE UNIQUE INDEX plans_one_active_idx ON handover.plans (enterprise_id)
    WHERE state NOT IN ('COMPLETED', 'WITHDRAWN');
CREATE INDEX plans_enterprise_idx ON handover.plans (enterprise_id, id);

-- Every state change of a plan, with who made it and why.
CREATE TABLE handover.plan_transitions (
    plan_id     uuid        NOT NULL REFERENCES handover.plans (id),
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    from_state  text        NOT NULL,
    to_state    text        NOT NULL,
    reason      text,
    changed_by  uuid        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, seq)
);

-- Consultations with retiree representatives (移交方案应当与企业退休人员代表充分沟通).
CREATE TABLE handover.consultations (
    id            uuid        PRIMARY KEY,
    plan_id       uuid        NOT NULL REFERENCES handover.plans (id),
    held_on       date        NOT NULL,
    participants  jsonb       NOT NULL,
    minutes       text        NOT NULL,
    recorded_by   uuid        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultations_plan_idx ON handover.consultations (plan_id, held_on);

-- Objections raised during publicity (公示); each needs an answer before the plan is approved.
CREATE TABLE handover.objections (
    id           uuid        PRIMARY KEY,
    plan_id      uuid        NOT NULL REFERENCES handover.plans (id),
    raised_on    date        NOT NULL,
    raised_by    text        NOT NULL,
    content      text        NOT NULL,
    answer       text,
    answered_on  date,
    answered_by  uuid,
    version      bigint      NOT NULL DEFAULT 1,
    recorded_by  uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((answer IS NULL) = (answered_on IS NULL))
);
CREATE INDEX objections_plan_idx ON handover.objections (plan_id, id);

-- Enterprise-paid benefits the plan declares (统筹外费用 and others): each continues, or is dropped on a legal basis.
CREATE TABLE handover.continuing_benefits (
    plan_id      uuid    NOT NULL REFERENCES handover.plans (id),
    position     int     NOT NULL,
    name         text    NOT NULL,
    category     text    NOT NULL,
    continues    boolean NOT NULL,
    legal_basis  text,
    PRIMARY KEY (plan_id, position)
);

-- The roster (清单): one row per retiree on the plan, with the rule's proposal, an optional override, and where
-- the retiree stands in the handover. Names and residence are copied at proposal time for the checklist.
CREATE TABLE handover.roster_entries (
    plan_id                uuid        NOT NULL REFERENCES handover.plans (id),
    retiree_id             uuid        NOT NULL,
    retiree_name           text        NOT NULL,
    residence_area         text        NOT NULL,
    residence_street       text,
    proposed_area          text        NOT NULL,
    proposed_body_id       uuid,
    reason_code            text        NOT NULL,
    body_reason_code       text        NOT NULL,
    rule_id                text        NOT NULL,
    alternatives           text        NOT NULL,
    previous_area          text,
    previous_body_id       uuid,
    previous_reason_code   text,
    proposed_at            timestamptz NOT NULL DEFAULT now(),
    override_area          text,
    override_body_id       uuid,
    override_reason        text,
    overridden_by          uuid,
    overridden_at          timestamptz,
    cadre_exception_reason text,
    removed_reason         text,
    removed_code           text,
    batch_id               uuid,
    received_on            date,
    version                bigint      NOT NULL DEFAULT 1,
    receiving_area         text GENERATED ALWAYS AS (coalesce(override_area, proposed_area)) STORED,
    receiving_body_id      uuid GENERATED ALWAYS AS (CASE WHEN override_area IS NULL THEN proposed_body_id
                                                          ELSE override_body_id END) STORED,
    PRIMARY KEY (plan_id, retiree_id),
    CHECK ((override_area IS NULL) = (override_reason IS NULL)),
    CHECK ((removed_code IS NULL) = (removed_reason IS NULL)),
    CHECK (received_on IS NULL OR batch_id IS NOT NULL)
);
CREATE INDEX roster_receiving_idx ON handover.roster_entries (plan_id, receiving_area, receiving_body_id);
CREATE INDEX roster_batch_idx ON handover.roster_entries (batch_id) WHERE batch_id IS NOT NULL;
-- A retiree is in at most one open batch, whichever plan it belongs to.
CREATE UNIQUE INDEX roster_one_open_batch_idx ON handover.roster_entries (retiree_id)
    WHERE batch_id IS NOT NULL AND received_on IS NULL;

-- Batches: one signed checklist per receiving body (or area).
CREATE TABLE handover.batches (
    id                    uuid        PRIMARY KEY,
    plan_id               uuid        NOT NULL REFERENCES handover.plans (id),
    receiving_area        text        NOT NULL,
    receiving_body_id     uuid,
    effective_on          date        NOT NULL,
    state                 text        NOT NULL CHECK (state IN ('OPEN', 'SIGNED', 'CANCELLED')),
    enterprise_signatory  text,
    enterprise_signed_by  uuid,
    enterprise_signed_at  timestamptz,
    receiving_signatory   text,
    receiving_signed_by   uuid,
    receiving_signed_at   timestamptz,
    version               bigint      NOT NULL DEFAULT 1,
    created_by            uuid        NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    CHECK ((state = 'SIGNED') = (enterprise_signed_at IS NOT NULL AND receiving_signed_at IS NOT NULL))
);
CREATE INDEX batches_plan_idx ON handover.batches (plan_id, id);
CREATE INDEX batches_receiving_idx ON handover.batches (receiving_area, id);

-- The handover items of a batch (交接事项, DOMAIN.md §5.3).
CREATE TABLE handover.batch_items (
    batch_id    uuid        NOT NULL REFERENCES handover.batches (id),
    item        text        NOT NULL CHECK (item IN ('MANAGEMENT_RELATIONSHIP', 'PERSONNEL_DOSSIERS',
                                'LEADER_DOSSIERS_AND_PASSPORTS', 'PARTY_RELATIONSHIPS', 'ACTIVITY_VENUE',
                                'COMMUNITY_FUNCTIONS')),
    status      text        NOT NULL CHECK (status IN ('OPEN', 'DONE', 'NOT_APPLICABLE')),
    note        text,
    updated_by  uuid,
    updated_at  timestamptz,
    PRIMARY KEY (batch_id, item)
);

-- Petitions (信访) about a plan, and optionally one retiree on it.
CREATE TABLE handover.petitions (
    id                uuid        PRIMARY KEY,
    plan_id           uuid        NOT NULL REFERENCES handover.plans (id),
    retiree_id        uuid,
    channel           text        NOT NULL CHECK (channel IN ('VISIT', 'LETTER', 'PHONE', 'ONLINE', 'OTHER')),
    content           text        NOT NULL,
    received_on       date        NOT NULL,
    responsible_unit  text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    handling_note     text,
    version           bigint      NOT NULL DEFAULT 1,
    created_by        uuid        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX petitions_plan_idx ON handover.petitions (plan_id, id);
CREATE INDEX petitions_open_idx ON handover.petitions (plan_id) WHERE status IN ('RECEIVED', 'IN_PROGRESS');

-- Retired cadres (离休人员) stay out of rosters unless an exception with its reason is recorded (DOMAIN.md §2).
CREATE TABLE handover.cadre_exceptions (
    plan_id      uuid        NOT NULL REFERENCES handover.plans (id),
    retiree_id   uuid        NOT NULL,
    reason       text        NOT NULL,
    recorded_by  uuid        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, retiree_id)
);
