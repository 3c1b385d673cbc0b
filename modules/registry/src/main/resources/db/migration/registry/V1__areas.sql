-- Receiving areas: the GB/T 2260 divisions of Chongqing and the two functional zones, effective-dated.
-- A row is one period of one code. valid_from NULL means "in force since before the platform's records";
-- retired_on is the first day the period no longer applies. A reused code gets a new row, so history keeps the
-- old meaning of the code.
CREATE TABLE registry.areas (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               text    NOT NULL,
    name_zh            text    NOT NULL,
    name_pinyin        text    NOT NULL,
    kind               text    NOT NULL CHECK (kind IN ('DISTRICT', 'COUNTY', 'FUNCTIONAL_ZONE')),
    valid_from         date,
    retired_on         date,
    retirement_reason  text,
    version            bigint  NOT NULL DEFAULT 1,
    CHECK (retired_on IS NULL OR valid_from IS NULL OR retired_on > valid_from)
);
-- At most one period of a code is open at a time.
CREATE UNIQUE INDEX areas_code_in_force_idx ON registry.areas (code) WHERE retired_on IS NULL;
CREATE INDEX areas_code_idx ON registry.areas (code, valid_from);

-- Where a retired area's responsibilities went.
CREATE TABLE registry.area_successors (
    area_id         bigint NOT NULL REFERENCES registry.areas (id),
    successor_code  text   NOT NULL,
    PRIMARY KEY (area_id, successor_code)
);

-- Townships, streets, departments and units that receive retirees, registered by district operators.
CREATE TABLE registry.receiving_bodies (
    id          uuid        PRIMARY KEY,
    area_code   text        NOT NULL,
    name_zh     text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('STREET', 'TOWNSHIP', 'TOWN', 'DEPARTMENT', 'UNIT')),
    version     bigint      NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  uuid        NOT NULL
);
CREATE UNIQUE INDEX receiving_bodies_name_idx ON registry.receiving_bodies (area_code, name_zh);
