"""SQLite schema of the catalog. Bump SCHEMA_VERSION whenever the DDL or the meaning of a
column changes: the build compares it to decide whether to rebuild."""

from __future__ import annotations

SCHEMA_VERSION = 3

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE sources (
    dataset TEXT PRIMARY KEY,          -- 'rome', 'onisep', 'places'
    version TEXT NOT NULL,
    published TEXT,                    -- ISO date
    licence TEXT NOT NULL,
    credit TEXT NOT NULL,
    files_json TEXT NOT NULL,          -- {file name: sha256}
    counts_json TEXT NOT NULL          -- {table: rows}
);

CREATE TABLE grand_domains (code TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE domains (
    code TEXT PRIMARY KEY, label TEXT NOT NULL,
    grand_domain_code TEXT NOT NULL REFERENCES grand_domains(code)
);

CREATE TABLE jobs (                    -- ROME 4.0 fiches
    code TEXT PRIMARY KEY,             -- 'D1102'
    ogr INTEGER NOT NULL,
    label TEXT NOT NULL,               -- 'Boulanger / Boulangère'
    label_masculine TEXT NOT NULL,
    label_feminine TEXT NOT NULL,
    domain_code TEXT REFERENCES domains(code),
    parent_code_v3 TEXT,               -- ROME v3 code this fiche descends from
    riasec_major TEXT,                 -- one of RIASEC
    riasec_minor TEXT,
    definition TEXT NOT NULL DEFAULT '',
    access TEXT NOT NULL DEFAULT '',
    regulated INTEGER NOT NULL DEFAULT 0,
    executive INTEGER NOT NULL DEFAULT 0,
    transition_eco TEXT NOT NULL DEFAULT '',
    transition_num TEXT NOT NULL DEFAULT '',
    transition_demo TEXT NOT NULL DEFAULT ''
);

CREATE TABLE job_titles (              -- ROME appellations
    ogr INTEGER PRIMARY KEY,
    job_code TEXT NOT NULL REFERENCES jobs(code),
    label TEXT NOT NULL,               -- long label as published
    label_short TEXT NOT NULL,
    masculine TEXT NOT NULL,           -- 'Boulanger'
    feminine TEXT NOT NULL,            -- 'Boulangère'
    is_principal INTEGER NOT NULL,     -- classification PRINCIPALE
    rarely_used INTEGER NOT NULL       -- peu_usite = O
);
CREATE INDEX job_titles_job ON job_titles(job_code);

CREATE TABLE competences (             -- savoir-faire and savoir-être, incl. macro-competences
    ogr INTEGER PRIMARY KEY,
    is_macro INTEGER NOT NULL,
    label TEXT NOT NULL,
    definition TEXT NOT NULL DEFAULT '',
    macro_ogr INTEGER,                 -- for a competence: its macro-competence
    macro_code TEXT,                   -- for a macro-competence: e.g. '4A101'
    category TEXT NOT NULL,            -- 'Savoir-faire' | 'Savoir-être professionnel'
    subcategory TEXT NOT NULL,         -- 'Technique' | 'Technique expert' | 'Transverse'
    riasec_major TEXT,
    riasec_minor TEXT
);
CREATE INDEX competences_macro ON competences(macro_ogr);

CREATE TABLE knowledge (               -- savoirs; category 'Certifications et habilitations'
    ogr INTEGER PRIMARY KEY,           -- holds diplomas and licences
    label TEXT NOT NULL,
    category TEXT NOT NULL,
    subcategory TEXT NOT NULL
);

CREATE TABLE work_contexts (
    ogr INTEGER PRIMARY KEY, label TEXT NOT NULL,
    type_code TEXT NOT NULL, type_label TEXT NOT NULL
);

CREATE TABLE job_items (               -- fiche -> competence / knowledge / work context
    job_code TEXT NOT NULL REFERENCES jobs(code),
    ogr INTEGER NOT NULL,
    kind TEXT NOT NULL,                -- 'competence' | 'knowledge' | 'context'
    rubric TEXT NOT NULL DEFAULT '',   -- 'Savoir-faire' | 'Savoir-être professionnels' | 'Savoirs'
    core TEXT NOT NULL DEFAULT '',     -- coeur_metier: 'Principale' | 'Émergente' | ''
    PRIMARY KEY (job_code, ogr)
);
CREATE INDEX job_items_ogr ON job_items(ogr);

CREATE TABLE mobilities (
    job_code TEXT NOT NULL REFERENCES jobs(code),
    target_code TEXT NOT NULL REFERENCES jobs(code),
    rank INTEGER NOT NULL,             -- numero_ordre
    PRIMARY KEY (job_code, target_code)
);

CREATE TABLE interest_centres (code TEXT PRIMARY KEY, label TEXT NOT NULL, definition TEXT NOT NULL);
CREATE TABLE job_interest_centres (
    centre_code TEXT NOT NULL REFERENCES interest_centres(code),
    job_code TEXT NOT NULL REFERENCES jobs(code),
    principal INTEGER NOT NULL,
    PRIMARY KEY (centre_code, job_code)
);
CREATE INDEX job_interest_centres_job ON job_interest_centres(job_code);

CREATE TABLE sectors (                 -- activity sectors and sub-sectors (parent_code set)
    code TEXT PRIMARY KEY, label TEXT NOT NULL, definition TEXT NOT NULL,
    parent_code TEXT REFERENCES sectors(code)
);
CREATE TABLE job_sectors (
    sector_code TEXT NOT NULL REFERENCES sectors(code),
    job_code TEXT NOT NULL REFERENCES jobs(code),
    principal INTEGER NOT NULL,
    PRIMARY KEY (sector_code, job_code)
);
CREATE TABLE naf_sectors (code TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE job_naf_sectors (
    naf_code TEXT NOT NULL REFERENCES naf_sectors(code),
    job_code TEXT NOT NULL REFERENCES jobs(code),
    PRIMARY KEY (naf_code, job_code)
);
CREATE TABLE themes (code TEXT PRIMARY KEY, label TEXT NOT NULL, definition TEXT NOT NULL);
CREATE TABLE job_themes (
    theme_code TEXT NOT NULL REFERENCES themes(code),
    job_code TEXT NOT NULL REFERENCES jobs(code),
    PRIMARY KEY (theme_code, job_code)
);

CREATE TABLE onisep_jobs (             -- ONISEP Idéo métiers (MET.*)
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,                -- 'contrôleur/euse aérien/ne'
    masculine TEXT NOT NULL,
    feminine TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',  -- accroche, plain text
    nature TEXT NOT NULL DEFAULT '',   -- plain text
    skills TEXT NOT NULL DEFAULT '',
    conditions TEXT NOT NULL DEFAULT '',
    access TEXT NOT NULL DEFAULT '',
    min_level TEXT NOT NULL DEFAULT ''
);
CREATE TABLE onisep_synonyms (
    onisep_id TEXT NOT NULL REFERENCES onisep_jobs(id),
    name TEXT NOT NULL, masculine TEXT NOT NULL, feminine TEXT NOT NULL
);
CREATE INDEX onisep_synonyms_job ON onisep_synonyms(onisep_id);
CREATE TABLE onisep_job_links (        -- ONISEP métier -> ROME 4.0 fiche
    onisep_id TEXT NOT NULL REFERENCES onisep_jobs(id),
    job_code TEXT NOT NULL REFERENCES jobs(code),
    rome_v3 TEXT NOT NULL,             -- the v3 code ONISEP gives
    title_fit INTEGER NOT NULL,        -- 1: among the fiches of that v3 code, one whose titles
                                       -- share the most words with the métier (onisep_fit.py)
    PRIMARY KEY (onisep_id, job_code)
);
CREATE INDEX onisep_job_links_job ON onisep_job_links(job_code);

CREATE TABLE trainings (               -- ONISEP Idéo formations (FOR.*)
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    acronym TEXT NOT NULL DEFAULT '',
    type_label TEXT NOT NULL DEFAULT '',
    duration TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL DEFAULT '',    -- 'niveau 3 (CAP)' ...
    level_number INTEGER,              -- 3..8 when given
    study_level TEXT NOT NULL DEFAULT '',
    rncp_url TEXT NOT NULL DEFAULT '',  -- its France compétences (RNCP) page, when it has one
    url TEXT NOT NULL DEFAULT ''        -- its official page (RNCP, Éduscol, Légifrance…)
);
CREATE TABLE training_onisep_jobs (
    training_id TEXT NOT NULL REFERENCES trainings(id),
    onisep_id TEXT NOT NULL REFERENCES onisep_jobs(id),
    PRIMARY KEY (training_id, onisep_id)
);
CREATE INDEX training_onisep_jobs_job ON training_onisep_jobs(onisep_id);

CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,              -- 'cnfs' | 'data-inclusion' | 'france-services' | 'aidants-connect'
    source_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    services TEXT NOT NULL DEFAULT '', -- ';'-separated
    address TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    commune TEXT NOT NULL DEFAULT '',
    latitude REAL,
    longitude REAL,
    opening_hours TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    snapshot_date TEXT NOT NULL DEFAULT ''
);
CREATE INDEX places_lat_lon ON places(latitude, longitude);
CREATE INDEX places_postcode ON places(postcode);
"""

# Tables every valid catalog must have rows in (checked before the swap).
REQUIRED_NON_EMPTY = ("jobs", "job_titles", "competences", "job_items")
