-- The immersion agreements (conventions de PMSMP) of each parcours, and the personal links that let the
-- person, the host company and its tutor sign or give the bilan without an account. A link is kept as
-- the SHA-256 of its token only: the token itself is in the mail and nowhere else.
CREATE TABLE immersion_agreement (
  id                  VARCHAR(36)  PRIMARY KEY,
  parcours_id         VARCHAR(64)  NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  start_date          DATE         NOT NULL,
  end_date            DATE         NOT NULL,
  status              VARCHAR(16)  NOT NULL,
  person_signed_at    TIMESTAMP,
  company_signed_at   TIMESTAMP,
  created_at          TIMESTAMP    NOT NULL
);
CREATE INDEX immersion_agreement_parcours ON immersion_agreement (parcours_id);

CREATE TABLE immersion_link (
  token_hash   VARCHAR(64) PRIMARY KEY,
  agreement_id VARCHAR(36) NOT NULL REFERENCES immersion_agreement (id) ON DELETE CASCADE,
  purpose      VARCHAR(24) NOT NULL,
  expires_at   TIMESTAMP   NOT NULL,
  used_at      TIMESTAMP
);
CREATE INDEX immersion_link_agreement ON immersion_link (agreement_id);
