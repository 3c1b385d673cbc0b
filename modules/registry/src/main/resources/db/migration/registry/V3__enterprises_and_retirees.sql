-- Enterprises that hand over retirees, identified by their unified social credit code.
CREATE TABLE registry.enterprises (
    id                  uuid        PRIMARY KEY,
    credit_code         text        NOT NULL UNIQUE,
    name                text        NOT NULL,
    category            text        NOT NULL CHECK (category IN ('MUNICIPAL_KEY_SOE', 'MUNICIPAL_KEY_SOE_SUBSIDIARY',
                            'MUNICIPAL_DEPARTMENT_SOE', 'DISTRICT_SOE', 'LIANGJIANG_SOE', 'WANSHENG_SOE',
                            'CENTRAL_SOE_IN_CHONGQING')),
    parent_id           uuid        REFERENCES registry.enterprises (id),
    insured_area        text        NOT NULL,
    location_area       text        NOT NULL,
    version             bigint      NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprises_name_idx ON registry.enterprises (name, id);
CREATE INDEX enterprises_insured_idx ON registry.enterprises (insured_area, id);
CREATE INDEX enterprises_location_idx ON registry.enterprises (location_area, id);

-- Name search: a name's 1- and 2-character substrings (its "grams") are stored with it, computed by the
-- application (NameGrams), and indexed with GIN. Chinese names are mostly two or three characters, too short for
-- trigram indexes; the grams find any substring of one or more characters, whatever the database locale.
-- What a substring query must find among a name's grams: the query itself if one character, else its bigrams.
CREATE FUNCTION registry.query_grams(query text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT CASE WHEN char_length(query) = 1 THEN ARRAY[query]
                ELSE (SELECT array_agg(DISTINCT substr(query, i, 2)) FROM generate_series(1, char_length(query) - 1) AS i)
           END
$$;

-- Retirees. The ID number and the phone are stored encrypted (AES-GCM); id_number_hash is a keyed hash (HMAC)
-- of the normalised ID number for uniqueness and exact lookup. No column holds either in clear.
CREATE TABLE registry.retirees (
    id                       uuid        PRIMARY KEY,
    enterprise_id            uuid        NOT NULL REFERENCES registry.enterprises (id),
    id_number_hash           bytea       NOT NULL,
    id_number_cipher         bytea       NOT NULL,
    name                     text        NOT NULL,
    name_grams               text[]      NOT NULL,
    sex                      text        NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    birth_date               date        NOT NULL,
    retirement_date          date        NOT NULL,
    retiree_type             text        NOT NULL CHECK (retiree_type IN ('RETIRED', 'RETIRED_CADRE')),
    insured_area             text        NOT NULL,
    residence_address        text        NOT NULL,
    residence_area           text        NOT NULL,
    residence_street         text,
    phone_cipher             bytea,
    phone_hash               bytea,
    party_member             boolean     NOT NULL DEFAULT false,
    party_organisation       text,
    leader_management_level  text CHECK (leader_management_level IN ('MUNICIPAL_PARTY_COMMITTEE',
                                 'SASAC_PARTY_COMMITTEE', 'LIANGJIANG_PARTY_WORKING_COMMITTEE',
                                 'DISTRICT_PARTY_COMMITTEE', 'MUNICIPAL_DEPARTMENT_PARTY_COMMITTEE', 'OTHER')),
    immobile                 boolean     NOT NULL DEFAULT false,
    status                   text        NOT NULL DEFAULT 'AT_ENTERPRISE' CHECK (status IN ('AT_ENTERPRISE',
                                 'IN_HANDOVER', 'UNDER_SOCIALIZED_MANAGEMENT', 'DECEASED')),
    death_date               date,
    receiving_area           text,
    receiving_body_id        uuid,
    version                  bigint      NOT NULL DEFAULT 1,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CHECK (retirement_date > birth_date),
    CHECK (death_date IS NULL OR death_date >= birth_date),
    CHECK ((status = 'DECEASED') = (death_date IS NOT NULL))
);
CREATE UNIQUE INDEX retirees_id_number_idx ON registry.retirees (id_number_hash);
CREATE INDEX retirees_enterprise_idx ON registry.retirees (enterprise_id, id);
CREATE INDEX retirees_residence_idx ON registry.retirees (residence_area, id);
CREATE INDEX retirees_receiving_area_idx ON registry.retirees (receiving_area, id) WHERE receiving_area IS NOT NULL;
CREATE INDEX retirees_receiving_body_idx ON registry.retirees (receiving_body_id, id) WHERE receiving_body_id IS NOT NULL;
CREATE INDEX retirees_status_idx ON registry.retirees (status, id);
-- A large pending list lets bulk imports add to the GIN index in batches.
CREATE INDEX retirees_name_grams_idx ON registry.retirees USING gin (name_grams)
    WITH (fastupdate = on, gin_pending_list_limit = 32768);

-- Roster imports: progress is committed with each chunk, so a killed import resumes where it stopped.
CREATE TABLE registry.imports (
    id               uuid        PRIMARY KEY,
    enterprise_id    uuid        NOT NULL REFERENCES registry.enterprises (id),
    format           text        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    declared_charset text,
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'RUNNING', 'COMPLETED', 'FAILED')),
    failure_code     text,
    failure_details  text,
    charset          text,
    rows_read        bigint      NOT NULL DEFAULT 0,
    rows_created     bigint      NOT NULL DEFAULT 0,
    rows_updated     bigint      NOT NULL DEFAULT 0,
    rows_unchanged   bigint      NOT NULL DEFAULT 0,
    rows_rejected    bigint      NOT NULL DEFAULT 0,
    ignored_headings text,
    file_sha256      text        NOT NULL,
    file_bytes       bigint      NOT NULL,
    created_by       uuid        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    heartbeat_at     timestamptz
);
CREATE INDEX imports_enterprise_idx ON registry.imports (enterprise_id, created_at);

-- Rejected rows: row number, field and reason code; never the rejected values (they may be ID numbers).
CREATE TABLE registry.import_errors (
    import_id   uuid    NOT NULL REFERENCES registry.imports (id),
    row_number  bigint  NOT NULL,
    field       text    NOT NULL,
    code        text    NOT NULL,
    PRIMARY KEY (import_id, row_number, field, code)
);
