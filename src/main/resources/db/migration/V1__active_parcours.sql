-- One row per identifier of a person who has an active parcours. The primary key is what keeps a
-- person to one active parcours, even when two partner systems register them at the same moment.
-- Only digests of the identifiers are kept: this table holds no personal data.
CREATE TABLE active_parcours_key (
  person_key  CHAR(64)    NOT NULL PRIMARY KEY,
  parcours_id VARCHAR(64) NOT NULL
);
CREATE INDEX active_parcours_key_parcours ON active_parcours_key (parcours_id);
