-- The mails the parcours sent, one row each, written in the transaction that sends the mail (a job's):
-- a mail's Message-ID is its process instance and its rank among that instance's mails, so that a mail
-- sent again after a failure between its sending and this row's commit goes under the same Message-ID.
-- No personal data: ids, the template's name, a time.
CREATE TABLE sent_mail (
  message_id          VARCHAR(200) PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL,
  rank_in_instance    INTEGER      NOT NULL,
  template            VARCHAR(64)  NOT NULL,
  sent_at             TIMESTAMP    NOT NULL,
  UNIQUE (process_instance_id, rank_in_instance)
);
